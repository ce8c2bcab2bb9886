import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { getRequestListener } from '@hono/node-server';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { routeMatchesPlainRead } from '#api/index.ts';
import type { Store } from '#api/store/store.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import { createApp } from '#server/app.ts';
import { openStore, sqliteFile } from '#server/db/open-store.ts';
import { serverDeps } from '#server/deps.ts';
import { versionReadPath } from '#server/version-read-path.ts';
import { copyMigratedSqlite, createMigratedTestDatabase } from '../support/migrated-templates.ts';
import { demoSeedPasswords } from '../support/demo-seed-passwords.ts';
import { sessionFor } from './support/session-token.ts';
import { rawExchange, requestText } from './support/raw-http.ts';

// The Node server's read path for GET /api/packages/{id}/versions/{n} (server/routes/
// version-read-path.ts, docs/decisions/0190) held to the pipeline it stands in front of: one
// server, the same database, each request sent once through the read path and once straight to
// the Hono listener, and the two answers compared byte for byte (status line, every header in
// order, body; only the Date line masked). Each request also says who answered it: a plain
// success must be the read path's, anything else the pipeline's.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Engine = 'SQLite' | 'PostgreSQL';

interface World {
  store: Store;
  port: number;
  /** Sends one request through the read path, then to the pipeline alone: both answers and who answered the first. */
  both: (request: string) => Promise<{ readPath: string; pipeline: string; fellThrough: boolean }>;
  /** Replaces a version's stored content behind the server's back (the append-only trigger dropped first, as an attacker would). */
  tamper: (packageId: string, n: number, content: string) => Promise<void>;
}

async function world(engine: Engine, publicOrigin?: string): Promise<World> {
  let store: Store;
  let tamper: World['tamper'];
  if (engine === 'SQLite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'read-path-'));
    cleanups.push(() => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })));
    copyMigratedSqlite(dataDir);
    store = await openStore({ dataDir });
    tamper = (packageId, n, content) => {
      const other = new DatabaseSync(sqliteFile(dataDir));
      try {
        other.exec('DROP TRIGGER IF EXISTS package_versions_no_update');
        other.prepare('UPDATE package_versions SET canonical_content = ? WHERE package_id = ? AND number = ?').run(content, packageId, n);
      } finally {
        other.close();
      }
      return Promise.resolve();
    };
  } else {
    const database = await createMigratedTestDatabase();
    cleanups.push(() => database.drop());
    store = await openStore({ dataDir: '/nonexistent', databaseUrl: database.url });
    tamper = async (packageId, n, content) => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query('alter table package_versions disable trigger user');
        await client.query('update package_versions set canonical_content = $3 where package_id = $1 and number = $2', [packageId, n, content]);
      } finally {
        await client.end();
      }
    };
  }
  cleanups.push(() => store.close());
  const deps = serverDeps(store, { sessionTtlHours: 12, ...(publicOrigin ? { publicOrigin } : {}) });
  await seedDemo(store, { password: 'demo-password', passwords: demoSeedPasswords(deps.passwords), now: new Date(), randomToken: deps.randomToken });
  const pipeline = getRequestListener(createApp(deps).fetch);
  let fellThrough = 0;
  const readPath = versionReadPath(deps, (req, res) => {
    fellThrough += 1;
    void pipeline(req, res);
  });
  let through: (req: IncomingMessage, res: ServerResponse) => unknown = readPath;
  const server = createServer((req, res) => {
    through(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return {
    store,
    port,
    tamper,
    async both(request) {
      through = readPath;
      const before = fellThrough;
      const first = await rawExchange(port, request);
      const fell = fellThrough > before;
      through = pipeline;
      const second = await rawExchange(port, request);
      return { readPath: first, pipeline: second, fellThrough: fell };
    },
  };
}

describe('the version read path', () => {
  it('applies the rules of the route it stands in for', () => {
    expect(routeMatchesPlainRead()).toBe(true);
  });

  for (const engine of ['SQLite', 'PostgreSQL'] as const) {
    it(`answers as the pipeline does, byte for byte, and answers only plain successes itself (${engine})`, async () => {
      const { store, port, both, tamper } = await world(engine);
      const host: [string, string] = ['Host', `localhost:${port}`];
      const reviewer = await sessionFor(store, 'usr_model_risk');
      const owner = await sessionFor(store, 'usr_owner');
      const cookie = (token: string): [string, string] => ['Cookie', `theme=dark; ma_session=${token}`];
      const get = (path: string, headers: [string, string][] = [], method = 'GET', version?: string) => requestText(method, path, [host, ...headers, ['Connection', 'close']], version);
      const versions = await store.listVersionFacts('all');
      const packages = await store.listPackages();
      const owned = versions.find((v) => packages.find((p) => p.id === v.packageId)?.ownerId === 'usr_owner');
      const first = versions[0];
      if (!first || !owned) throw new Error('the demo has versions, some of them the owner’s');
      const path = `/api/packages/${first.packageId}/versions/${first.number}`;

      const expectSame = async (request: string, answeredBy: 'read path' | 'pipeline', status: number) => {
        const { readPath, pipeline, fellThrough } = await both(request);
        expect(readPath).toBe(pipeline);
        expect(readPath.startsWith(`HTTP/1.1 ${status} `)).toBe(true);
        expect(fellThrough ? 'pipeline' : 'read path').toBe(answeredBy);
        return readPath;
      };

      // Plain successes: every version for a reviewer, each twice (kept answers on SQLite), and the owner's own.
      for (const v of versions) {
        for (let i = 0; i < 2; i++) await expectSame(get(`/api/packages/${v.packageId}/versions/${v.number}`, [cookie(reviewer.token)]), 'read path', 200);
      }
      await expectSame(get(`/api/packages/${owned.packageId}/versions/${owned.number}`, [cookie(owner.token)]), 'read path', 200);
      // Kept alive, as browsers send it: the Connection and Keep-Alive headers are the same too.
      await expectSame(requestText('GET', path, [host, cookie(reviewer.token)]), 'read path', 200);

      // What the pipeline answers: signed out, a wrong or unknown cookie, a token, conditions, HEAD, a query, other paths, HTTP/1.0, an unusual Host.
      await expectSame(get(path), 'pipeline', 401);
      await expectSame(get(path, [['Cookie', 'ma_session=not-a-session']]), 'pipeline', 401);
      await expectSame(get(path, [['Cookie', `__Host-ma_session=${reviewer.token}`]]), 'pipeline', 401);
      await expectSame(get(path, [cookie(reviewer.token), ['Authorization', 'Bearer not-a-token']]), 'pipeline', 401);
      await expectSame(get(path, [cookie(reviewer.token), ['If-None-Match', '"x"']]), 'pipeline', 200);
      await expectSame(get(path, [cookie(reviewer.token)], 'HEAD'), 'pipeline', 200);
      await expectSame(get(`${path}?fields=all`, [cookie(reviewer.token)]), 'pipeline', 200);
      await expectSame(get(path, [cookie(reviewer.token)], 'GET', 'HTTP/1.0'), 'pipeline', 200);
      await expectSame(requestText('GET', path, [['Host', `LOCALHOST:${port}`], cookie(reviewer.token), ['Connection', 'close']]), 'pipeline', 200);
      await expectSame(get(`/api/packages/${first.packageId}/versions/0${first.number}`, [cookie(reviewer.token)]), 'pipeline', 200);
      await expectSame(get(`/api/packages/%70${first.packageId.slice(1)}/versions/${first.number}`, [cookie(reviewer.token)]), 'pipeline', 200);
      await expectSame(get(`/api/packages/${first.packageId}/versions/0`, [cookie(reviewer.token)]), 'pipeline', 404);
      await expectSame(get(`/api/packages/${first.packageId}/versions/1000001`, [cookie(reviewer.token)]), 'pipeline', 404);
      await expectSame(get(`/api/packages/../versions/${first.number}`, [cookie(reviewer.token)]), 'pipeline', 404);
      // Tried by the read path, answered by the pipeline: no such package, no such version, a package the owner may not see (audited there).
      await expectSame(get(`/api/packages/pkg_none/versions/1`, [cookie(reviewer.token)]), 'pipeline', 404);
      await expectSame(get(`/api/packages/${first.packageId}/versions/99`, [cookie(reviewer.token)]), 'pipeline', 404);
      const foreign = versions.find((v) => packages.find((p) => p.id === v.packageId)?.ownerId !== 'usr_owner');
      if (foreign) await expectSame(get(`/api/packages/${foreign.packageId}/versions/${foreign.number}`, [cookie(owner.token)]), 'pipeline', 404);

      // Content changed behind the server's back is what both send at the next read (its hash then fails in the browser).
      const tampered = '{"tampered":true}';
      const untampered = (await store.findVersion(first.packageId, first.number))?.canonicalContent;
      if (untampered === undefined) throw new Error('the version read above');
      await tamper(first.packageId, first.number, tampered);
      expect(await expectSame(get(path, [cookie(reviewer.token)]), 'read path', 200)).toContain(`"content":${tampered}}`);
      // Put back as it was (a version read twice above, so its answer was kept whole on SQLite: 0199): that too at the next read.
      await tamper(first.packageId, first.number, untampered);
      expect(await expectSame(get(path, [cookie(reviewer.token)]), 'read path', 200)).toContain(`"content":${untampered}}`);

      // The account changes: each refusal is the pipeline's at the very next read.
      const account = await store.findUserById('usr_model_risk');
      if (!account) throw new Error('the demo has a model risk reviewer');
      await store.setUserPassword(account.id, account.passwordHash, true);
      await expectSame(get(path, [cookie(reviewer.token)]), 'pipeline', 403);
      await store.setUserPassword(account.id, account.passwordHash, false);
      await expectSame(get(path, [cookie(reviewer.token)]), 'read path', 200);
      await store.setUserRoles(account.id, ['model_owner']);
      expect(await expectSame(get(path, [cookie(reviewer.token)]), 'pipeline', 404)).not.toContain('"content"');
      await store.setUserRoles(account.id, ['model_risk']);
      await expectSame(get(path, [cookie(reviewer.token)]), 'read path', 200);
      await store.setUserDisabled(account.id, new Date().toISOString());
      await expectSame(get(path, [cookie(reviewer.token)]), 'pipeline', 401);
      await store.deleteSession(owner.hash);
      await expectSame(get(`/api/packages/${owned.packageId}/versions/${owned.number}`, [cookie(owner.token)]), 'pipeline', 401);
    });
  }

  it('behind an https public origin: the __Host- cookie and the HSTS header, as the pipeline (SQLite)', async () => {
    const { store, port, both } = await world('SQLite', 'https://approvals.example.com');
    const reviewer = await sessionFor(store, 'usr_model_risk');
    const [first] = await store.listVersionFacts('all');
    if (!first) throw new Error('the demo has versions');
    const request = (cookieName: string) => requestText('GET', `/api/packages/${first.packageId}/versions/${first.number}`, [['Host', `localhost:${port}`], ['Cookie', `${cookieName}=${reviewer.token}`], ['Connection', 'close']]);
    const secure = await both(request('__Host-ma_session'));
    expect(secure.readPath).toBe(secure.pipeline);
    expect(secure.fellThrough).toBe(false);
    expect(secure.readPath).toMatch(/^strict-transport-security: max-age=/m);
    const plain = await both(request('ma_session'));
    expect(plain.readPath).toBe(plain.pipeline);
    expect(plain.fellThrough).toBe(true);
    expect(plain.readPath.startsWith('HTTP/1.1 401 ')).toBe(true);
  });
});
