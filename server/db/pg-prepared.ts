import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

// Kysely sends every statement unnamed, so PostgreSQL parses, analyses and plans it on every
// execution; on the inbox and the poll that planning was most of the backends' CPU per call
// (decision records 0189, 0200). This pool hands Kysely clients that send a statement seen
// often enough as a named prepared statement instead: pg parses it once per connection, and
// PostgreSQL may keep a generic plan for it. Nothing about the results changes: the same text,
// the same parameters, the same snapshot rules. What is kept is bounded on both sides: a
// statement is named only after `hotAfter` uses in this process (an IN list of a new length,
// or a one-off, stays unnamed), and each connection holds at most `perConnection` of them.
//
// A few statements dear to plan (`warm`) are named from their first use, and each connection
// runs them until PostgreSQL keeps their generic plan before it goes back to the pool, at its
// first release no statement waits for (decision record 0222): PostgreSQL plans a prepared statement for its values at its first five
// executions on a connection, so a fresh server's poll paid its log statement's 1.1 ms plan at
// about half of its first twenty polls, over two or three connections.

export interface PreparedOptions {
  /** Uses of a text in this process before it is named (from that use on). */
  hotAfter: number;
  /** Named statements one connection may hold; past it, new texts go unnamed on it. */
  perConnection: number;
  /** Statements each connection runs until their generic plan is kept, at its first release no statement waits for. */
  warm?: readonly WarmStatement[];
}

/** A statement to warm, with values that read nothing (a value that plans as a real one: the plans made count toward the choice). */
export interface WarmStatement {
  text: string;
  values: readonly unknown[];
}

export const preparedDefaults: PreparedOptions = { hotAfter: 3, perConnection: 100 };

/** PostgreSQL plans a prepared statement for its values five times on a connection; the sixth execution may keep the generic plan. */
const executionsUntilGeneric = 6;

/** Texts counted at once; past it the counts start again (a bound, not an LRU: the hot ones come back at once). */
const countedTexts = 2_000;

/** Only data statements: transaction control and DDL stay on the simple protocol, unnamed, as Kysely sends them. */
const dataStatement = /^\s*(select|with|insert|update|delete)\b/i;

/**
 * PostgreSQL refuses a prepared statement whose `select *` result changed shape (a column added
 * by another instance's migration during a rolling upgrade): 0A000, "cached plan must not
 * change result type". The statement fails once; the connection is then dropped by the pool,
 * and the next one prepares the new shape.
 */
const isStalePlan = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '0A000';

export function preparedStatementPool(pool: pg.Pool, options: PreparedOptions = preparedDefaults): PostgresPool {
  const uses = new Map<string, number>();
  const names = new Map<string, string>();
  const held = new WeakMap<pg.PoolClient, Set<string>>();
  const stale = new WeakSet<pg.PoolClient>();
  const warmed = new WeakSet<pg.PoolClient>();
  // A digest of the text: the same name on every connection, and never one name for two texts.
  const digestName = (text: string) => `k_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
  const warm = options.warm ?? [];
  for (const { text } of warm) names.set(text, digestName(text));

  const nameFor = (text: string): string | null => {
    const known = names.get(text);
    if (known) return known;
    if (!dataStatement.test(text)) return null;
    const count = (uses.get(text) ?? 0) + 1;
    if (uses.size >= countedTexts && count === 1) uses.clear();
    uses.set(text, count);
    if (count < options.hotAfter) return null;
    const name = digestName(text);
    if (names.size < countedTexts) names.set(text, name);
    uses.delete(text);
    return name;
  };

  /** Runs a named statement; a stale plan marks its connection to be dropped at release. */
  const namedQuery = (client: pg.PoolClient, name: string, text: string, values: readonly unknown[]) =>
    client.query({ name, text, values: [...values] }).catch((error: unknown) => {
      if (isStalePlan(error)) stale.add(client);
      throw error;
    });

  // One wrapper per pg client, so Kysely keeps one connection object per client (its own WeakMap).
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    const found = wrappers.get(client);
    if (found) return found;
    const wrapper = wrapClient(client);
    wrappers.set(client, wrapper);
    return wrapper;
  };
  const wrapClient = (client: pg.PoolClient): PostgresPoolClient => ({
    query: ((textOrCursor: unknown, parameters?: readonly unknown[]) => {
      if (typeof textOrCursor !== 'string' || parameters === undefined) return client.query(textOrCursor as pg.Submittable);
      const name = stale.has(client) ? null : nameFor(textOrCursor);
      const prepared = held.get(client) ?? new Set<string>();
      held.set(client, prepared);
      if (name === null || (!prepared.has(name) && prepared.size >= options.perConnection)) return client.query(textOrCursor, [...parameters]);
      prepared.add(name);
      return namedQuery(client, name, textOrCursor, parameters);
    }) as unknown as PostgresPoolClient['query'],
    release: (destroy?: boolean) => {
      const dropped = destroy === true || stale.has(client);
      // Warmed at a release no statement is waiting for (under load, a later one): the warm-up
      // holds the connection out of the pool for a few milliseconds, and a statement asked
      // meanwhile takes another connection, or a new one, rather than waiting behind it.
      if (dropped || warm.length === 0 || warmed.has(client) || pool.waitingCount > 0) return client.release(dropped);
      warmed.add(client);
      void warmUp(client).then(
        () => client.release(stale.has(client)),
        // Not warmed (an outage, a table being migrated): released as it is; its statements plan as before.
        () => client.release(stale.has(client)),
      );
    },
  });

  const warmUp = async (client: pg.PoolClient) => {
    const prepared = held.get(client) ?? new Set<string>();
    held.set(client, prepared);
    for (const { text, values } of warm) {
      const name = digestName(text);
      prepared.add(name);
      for (let i = 0; i < executionsUntilGeneric; i++) await namedQuery(client, name, text, values);
    }
  };

  return {
    options: pool.options,
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  };
}
