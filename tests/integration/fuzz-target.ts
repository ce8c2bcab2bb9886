import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { openStore, sqliteFile } from '#server/db/open-store.ts';
import { serverDeps } from '#server/deps.ts';
import { createApp } from '#server/app.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import { createTestDatabase } from '../support/postgres-cluster.ts';
import { demoSeedPasswords } from '../support/demo-seed-passwords.ts';

// The real server in-process, plus a way to look at every table behind its back: the fuzz
// test proves a refused request changed nothing by comparing digests of the database.

/** Audit actions a refused request may add: refusals are evidence too. */
export const refusalActions = ['access.denied', 'access.rate_limited', 'session.login_failed', 'session.login_locked', 'monitoring.alert_refused'];

/**
 * Tables a refused request may change: sessions (our own log-ins), published tree heads
 * (published on read), the package summaries (computed on read from the other tables,
 * decision record 0129), the audit log (compared apart, without refusals) and any throttling
 * bookkeeping of refused attempts.
 */
const volatileTable = /^(sessions|audit_tree_heads|package_summaries|audit_log|kysely_migration|kysely_migration_lock)$|attempt|throttl|rate_limit|lockout/;

export interface FuzzTarget {
  engine: 'sqlite' | 'postgres';
  fetch(request: Request): Promise<Response>;
  /** SHA-256 over every row of every table that no refused request may change. */
  digest(): Promise<string>;
  /** How many audit entries are not refusals. */
  auditSize(): Promise<number>;
  /** Errors the server logged (it logs every 5xx cause). */
  loggedErrors: unknown[];
  close(): Promise<void>;
}

function hashTables(tables: { name: string; rows: unknown[] }[]): string {
  const hash = createHash('sha256');
  for (const { name, rows } of tables) {
    // Rows in a stable order whatever the engine returns first.
    const lines = rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value))).sort();
    hash.update(`${name}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}

async function build(engine: FuzzTarget['engine'], location: { databaseUrl?: string; dataDir: string }, inspect: Pick<FuzzTarget, 'digest' | 'auditSize'> & { close(): Promise<void> }, cleanup: () => Promise<void>): Promise<FuzzTarget> {
  const store = await openStore(location);
  const loggedErrors: unknown[] = [];
  // Logged, not printed: the test reports every 5xx with its cause itself.
  const deps = serverDeps(store, { sessionTtlHours: 12, logError: (error) => loggedErrors.push(error) });
  await seedDemo(store, { password: 'demo-password', passwords: demoSeedPasswords(deps.passwords), now: new Date(), randomToken: deps.randomToken });
  const app = createApp(deps);
  return {
    engine,
    fetch: async (request) => app.fetch(request),
    digest: inspect.digest,
    auditSize: inspect.auditSize,
    loggedErrors,
    async close() {
      await inspect.close();
      await store.close();
      await cleanup();
    },
  };
}

export async function sqliteFuzzTarget(): Promise<FuzzTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fuzz-sqlite-'));
  let db: DatabaseSync | null = null;
  // Opened lazily: the store creates the file and its schema first.
  const open = () => (db ??= new DatabaseSync(sqliteFile(dataDir), { readOnly: true }));
  const placeholders = refusalActions.map(() => '?').join(',');
  return build(
    'sqlite',
    { dataDir },
    {
      digest() {
        const raw = open();
        const names = (raw.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[]).map((t) => t.name).filter((name) => !volatileTable.test(name));
        return Promise.resolve(hashTables(names.map((name) => ({ name, rows: raw.prepare(`select * from "${name}"`).all() }))));
      },
      auditSize() {
        const row = open().prepare(`select count(*) as n from audit_log where action not in (${placeholders})`).get(...refusalActions) as { n: number };
        return Promise.resolve(row.n);
      },
      close() {
        db?.close();
        return Promise.resolve();
      },
    },
    () => {
      rmSync(dataDir, { recursive: true, force: true });
      return Promise.resolve();
    },
  );
}

export async function postgresFuzzTarget(adminUrl: string): Promise<FuzzTarget> {
  const database = await createTestDatabase(adminUrl);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return build(
    'postgres',
    { databaseUrl: database.url, dataDir: '/nonexistent' },
    {
      async digest() {
        const tables = await client.query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name");
        const names = tables.rows.map((t) => t.table_name).filter((name) => !volatileTable.test(name));
        const all: { name: string; rows: unknown[] }[] = [];
        for (const name of names) all.push({ name, rows: (await client.query(`select * from "${name}"`)).rows });
        return hashTables(all);
      },
      async auditSize() {
        const result = await client.query<{ n: string }>('select count(*) as n from audit_log where action <> all($1)', [refusalActions]);
        return Number(result.rows[0]?.n ?? NaN);
      },
      close: () => client.end(),
    },
    () => database.drop(),
  );
}
