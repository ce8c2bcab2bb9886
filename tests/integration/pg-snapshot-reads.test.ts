import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '#api/store/store.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import { createApp } from '#server/app.ts';
import { openStore } from '#server/db/open-store.ts';
import { serverDeps } from '#server/deps.ts';
import { versionReadPath } from '#server/version-read-path.ts';
import { createMigratedTestDatabase } from '../support/migrated-templates.ts';
import { demoSeedPasswords } from '../support/demo-seed-passwords.ts';
import { sessionFor } from './support/session-token.ts';

// PostgreSQL's package reads kept under the database's snapshot (server/db/pg-snapshot-clock.ts,
// decision record 0208), held to what a read of the database says: two API instances, each with
// its own cache, as the server runs them (the read path in front of the pipeline), on one
// database. Everything is read twice first, so both instances keep it; then a change made
// through a separate connection (content rewritten with its trigger disabled, an account
// disabled, a session deleted) or through the other instance (a log-out) must show at the very
// next request on both. A clock that missed any of these would serve what it kept.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Instance {
  store: Store;
  get(path: string, token: string): Promise<{ status: number; body: string }>;
  logOut(token: string): Promise<number>;
}

async function instance(url: string, seed: boolean): Promise<Instance> {
  const store = await openStore({ dataDir: '/nonexistent', databaseUrl: url });
  cleanups.push(() => store.close());
  const deps = serverDeps(store, { sessionTtlHours: 12 });
  if (seed) await seedDemo(store, { password: 'demo-password', passwords: demoSeedPasswords(deps.passwords), now: new Date(), randomToken: deps.randomToken });
  const pipeline = getRequestListener(createApp(deps).fetch);
  const server = createServer(
    versionReadPath(deps, (req, res) => {
      void pipeline(req, res);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  const headers = (token: string) => ({ cookie: `ma_session=${token}`, origin });
  return {
    store,
    async get(path, token) {
      const reply = await fetch(`${origin}${path}`, { headers: headers(token) });
      return { status: reply.status, body: await reply.text() };
    },
    logOut: async (token) => (await fetch(`${origin}/api/session`, { method: 'DELETE', headers: { ...headers(token), 'content-type': 'application/json' } })).status,
  };
}

describe('package reads kept under the PostgreSQL snapshot, two instances', () => {
  it('show content rewritten in the database, its undoing, a disabled account and a deleted or logged-out session at the next read on both instances', async () => {
    const database = await createMigratedTestDatabase();
    cleanups.push(() => database.drop());
    const one = await instance(database.url, true);
    const two = await instance(database.url, false);
    const [first] = await one.store.listVersionFacts('all');
    if (!first) throw new Error('the demo has versions');
    const path = `/api/packages/${first.packageId}/versions/${first.number}`;
    const reviewer = await sessionFor(one.store, 'usr_model_risk');
    const both = (token: string) => Promise.all([one.get(path, token), two.get(path, token)]);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    cleanups.push(() => admin.end());

    // Read twice on each: session, account, package, answers and version kept by both.
    const [original] = await both(reviewer.token);
    expect(original.status).toBe(200);
    for (const reply of [...(await both(reviewer.token)), ...(await both(reviewer.token))]) expect(reply).toEqual(original);
    const { content, contentHash } = JSON.parse(original.body) as { content: Record<string, unknown>; contentHash: string };

    // Content rewritten under its old hash, then put back byte for byte.
    const stored = (await admin.query<{ canonical_content: string }>('select canonical_content from package_versions where package_id = $1 and number = $2', [first.packageId, first.number])).rows[0]?.canonical_content ?? '';
    await admin.query('alter table package_versions disable trigger user');
    await admin.query('update package_versions set canonical_content = $3 where package_id = $1 and number = $2', [first.packageId, first.number, stored.replace('{', '{"tampered":true,')]);
    for (const reply of await both(reviewer.token)) {
      expect(reply.status).toBe(200);
      const answered = JSON.parse(reply.body) as { content: Record<string, unknown>; contentHash: string };
      expect(answered.content).toEqual({ tampered: true, ...content });
      expect(answered.contentHash).toBe(contentHash);
    }
    await admin.query('update package_versions set canonical_content = $3 where package_id = $1 and number = $2', [first.packageId, first.number, stored]);
    for (const reply of await both(reviewer.token)) expect(reply).toEqual(original);

    // The account disabled behind the server, then enabled again.
    await admin.query(`update users set disabled_at = '2026-01-01T00:00:00.000Z' where id = 'usr_model_risk'`);
    for (const reply of await both(reviewer.token)) expect(reply.status).toBe(401);
    await admin.query(`update users set disabled_at = null where id = 'usr_model_risk'`);
    for (const reply of await both(reviewer.token)) expect(reply).toEqual(original);

    // The session row deleted behind the server.
    await admin.query('delete from sessions where token_hash = $1', [reviewer.hash]);
    for (const reply of await both(reviewer.token)) expect(reply.status).toBe(401);

    // A log-out on one instance ends the session on the other at its next request.
    const owner = await sessionFor(one.store, 'usr_model_risk');
    await both(owner.token);
    for (const reply of await both(owner.token)) expect(reply).toEqual(original);
    expect(await one.logOut(owner.token)).toBe(204);
    expect((await two.get(path, owner.token)).status).toBe(401);
    expect((await one.get(path, owner.token)).status).toBe(401);
  });
});

describe('package reads kept under the PostgreSQL snapshot, one instance under load', () => {
  it('reads its own writes at once while other reads keep the clock busy', async () => {
    const database = await createMigratedTestDatabase();
    cleanups.push(() => database.drop());
    const { store } = await instance(database.url, true);
    let running = true;
    // Other callers' lookups: clock statements and kept rows in every turn.
    const flood = Promise.all(
      Array.from({ length: 20 }, async () => {
        while (running) {
          await store.findUserById('usr_owner');
          // A hit answers in microtasks alone: yield, as a request ends, so writes get their turn.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    );
    try {
      for (let i = 0; i < 60; i += 1) {
        const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
        await store.transaction((tx) => tx.setUserDisabled('usr_owner', at));
        expect((await store.findUserById('usr_owner'))?.disabledAt).toBe(at);
      }
    } finally {
      running = false;
      await flood;
    }
  });
});
