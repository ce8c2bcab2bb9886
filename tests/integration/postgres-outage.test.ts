import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import type { Store } from '#api/store/store.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import { contentHash } from '#domain/package/content-hash.ts';
import { createApp } from '#server/app.ts';
import { openStore, sqliteFile } from '#server/db/open-store.ts';
import { serverDeps } from '#server/deps.ts';
import { createTestDatabase, startPostgresCluster, type PostgresCluster, type TestDatabase } from '../support/postgres-cluster.ts';
import { Client, type Reply, type Target } from '../contract/support/client.ts';
import { signedIn } from '../contract/support/signing-scenarios.ts';
import { freshContent } from '../support/fresh-content.ts';

// PostgreSQL is stopped (pg_ctl stop -m fast) while one API instance is under a light load
// of reads and writes, then started again. While it is down every request must answer 503
// problem+json with Retry-After, quickly (never a 500, never a hang); afterwards the same
// instance, not restarted, must serve writes again, and nothing acknowledged may be lost or
// half-written. The test runs its own cluster: stopping the shared one would break others.

/** No request may take longer than this, outage or not. */
const requestBoundMs = 10_000;
const outageMs = 3_000;

interface Sample {
  what: string;
  startedAt: number;
  endedAt: number;
  reply: Reply;
}

let cluster: PostgresCluster;
let database: TestDatabase;
let store: Store;
let target: Target;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  database = await createTestDatabase(cluster.url);
  store = await openStore({ databaseUrl: database.url, dataDir: '/nonexistent' });
  const deps = serverDeps(store, { sessionTtlHours: 12 });
  await seedDemo(store, { password: 'demo-password', passwords: deps.passwords, now: new Date(), randomToken: deps.randomToken });
  const app = createApp(deps);
  target = { fetch: async (request) => app.fetch(request), store, advanceClock: () => undefined, close: () => store.close() };
});

afterAll(async () => {
  await store.close();
  await database.drop();
  await cluster.stop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('answers 503 while PostgreSQL is down and recovers without a restart, losing nothing', async () => {
  const owner = await signedIn(target, 'owner@example.com');
  const reviewer = await signedIn(target, 'data-governance@example.com');
  const committee = await signedIn(target, 'committee@example.com');
  const samples: Sample[] = [];
  const submissions = new Map<string, string>(); // package id → acknowledged content hash
  const threads = new Map<string, string>(); // thread id → package id
  let running = true;
  let counter = 0;

  // The test moves on when the loops have done what it needs (answered, written), not after a
  // fixed time: on two cores shared with other lanes a second of load may hold no write at all.
  const waiting: { done: () => boolean; resolve: () => void }[] = [];
  const until = (done: () => boolean) => new Promise<void>((resolve) => (done() ? resolve() : waiting.push({ done, resolve })));
  const progressed = () => {
    for (const waiter of waiting.splice(0)) {
      if (waiter.done()) waiter.resolve();
      else waiting.push(waiter);
    }
  };

  const timed = async (what: string, call: () => Promise<Reply>): Promise<Reply> => {
    const startedAt = Date.now();
    const reply = await call();
    samples.push({ what, startedAt, endedAt: Date.now(), reply });
    progressed();
    return reply;
  };

  const first = await owner.post('/api/packages', { modelKey: 'outage-0', versionLabel: '1.0.0', content: freshContent('outage-0') });
  expect(first.status).toBe(201);
  const annotated = (first.body as { package: { id: string } }).package.id;

  const loops = [
    // Reads: the inbox and the health check.
    async () => {
      while (running) {
        await timed('list packages', () => committee.get('/api/packages'));
        await timed('health', () => committee.get('/api/health'));
        await pause(40);
      }
    },
    // Writes: new submissions (a package, its version and an audit entry in one transaction).
    async () => {
      while (running) {
        const modelKey = `outage-${++counter}`;
        const reply = await timed('submit', () => owner.post('/api/packages', { modelKey, versionLabel: '1.0.0', content: freshContent(modelKey) }));
        if (reply.status === 201) {
          const body = reply.body as { package: { id: string }; version: { contentHash: string } };
          submissions.set(body.package.id, body.version.contentHash);
          progressed();
        }
        await pause(40);
      }
    },
    // Writes: annotations (a thread, its first message and an audit entry).
    async () => {
      while (running) {
        const reply = await timed('open thread', () => reviewer.post(`/api/packages/${annotated}/threads`, { versionNumber: 1, sectionKey: 'identification', kind: 'comment', body: `Note ${++counter}.` }));
        if (reply.status === 201) {
          threads.set((reply.body as { id: string }).id, annotated);
          progressed();
        }
        await pause(40);
      }
    },
  ];
  const load = Promise.all(loops.map((loop) => loop()));

  // At least a second of load, and until both kinds of write have succeeded.
  await Promise.all([pause(1_000), until(() => submissions.size > 0 && threads.size > 0)]);
  const beforeOutage = { submissions: submissions.size, threads: threads.size };
  await cluster.stopServer();
  const downAt = Date.now();
  // At least outageMs, and until every kind of request has been answered inside the outage.
  const whollyInside = () => samples.filter((s) => s.startedAt > downAt);
  await Promise.all([pause(outageMs), until(() => whollyInside().length > 10 && new Set(whollyInside().map((s) => s.what)).size === 4)]);
  const health = await timed('health', () => committee.get('/api/health'));
  expect(health.status).toBe(503);
  const upAgainAt = Date.now();
  await cluster.startServer();

  // The same instance notices by itself: no restart, no reconnect call.
  const recoveryDeadline = Date.now() + 30_000;
  let recoveredAt = 0;
  while (!recoveredAt) {
    if ((await committee.get('/api/health')).status === 200) recoveredAt = Date.now();
    else if (Date.now() > recoveryDeadline) throw new Error('the API did not recover within 30 s of PostgreSQL coming back');
    else await pause(100);
  }
  const afterRecovery = { submissions: submissions.size, threads: threads.size };
  await Promise.all([pause(1_500), until(() => submissions.size > afterRecovery.submissions && threads.size > afterRecovery.threads)]);
  running = false;
  await load;

  // Never a 500, never a hang.
  for (const sample of samples) {
    expect(sample.reply.status, `${sample.what}: ${JSON.stringify(sample.reply.body)}`).not.toBe(500);
    expect(sample.endedAt - sample.startedAt, `${sample.what} took too long`).toBeLessThan(requestBoundMs);
  }
  // Requests wholly inside the outage: 503, problem+json, a clear message, Retry-After.
  const duringOutage = samples.filter((s) => s.startedAt > downAt && s.endedAt < upAgainAt);
  expect(duringOutage.length).toBeGreaterThan(10);
  for (const { what, reply } of duringOutage) {
    expect(reply.status, what).toBe(503);
    expect(reply.contentType).toContain('application/problem+json');
    expect(reply.body).toMatchObject({ type: problemTypes.unavailable, status: 503, detail: 'The database is unavailable; try again shortly.' });
    expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
  }
  expect(new Set(duringOutage.map((s) => s.what))).toEqual(new Set(['list packages', 'health', 'submit', 'open thread']));
  // Outside it, only successes (and 503 for requests that straddled a transition).
  for (const { what, reply } of samples.filter((s) => !duringOutage.includes(s))) {
    expect([200, 201, 503], `${what}: ${JSON.stringify(reply.body)}`).toContain(reply.status);
  }
  // Writes worked before and again after the outage.
  expect(beforeOutage.submissions).toBeGreaterThan(0);
  expect(beforeOutage.threads).toBeGreaterThan(0);
  expect(submissions.size).toBeGreaterThan(afterRecovery.submissions);
  expect(threads.size).toBeGreaterThan(afterRecovery.threads);

  // Every acknowledged write is there and whole; nothing half-written exists.
  // The largest page: the default of 50 was outgrown once the submissions loop ran faster.
  const listed = (await committee.get('/api/packages?limit=200')).body as { items: { id: string }[] };
  const ids = new Set(listed.items.map((item) => item.id));
  expect(ids.size, 'every package fits one page').toBeLessThan(200);
  for (const [id, hash] of submissions) {
    expect(ids.has(id), `acknowledged package ${id} is missing`).toBe(true);
    const version = await committee.get(`/api/packages/${id}/versions/1`);
    expect(version.status).toBe(200);
    const { content, contentHash: stated } = version.body as { content: PackageContent; contentHash: string };
    expect(stated).toBe(hash);
    expect(await contentHash(content)).toBe(hash);
  }
  for (const item of listed.items) expect((await committee.get(`/api/packages/${item.id}/versions/1`)).status).toBe(200);
  const storedThreads = (await committee.get(`/api/packages/${annotated}/threads`)).body as { items: { id: string; messages: unknown[] }[] };
  const threadIds = new Set(storedThreads.items.map((t) => t.id));
  for (const id of threads.keys()) expect(threadIds.has(id), `acknowledged thread ${id} is missing`).toBe(true);
  for (const thread of storedThreads.items) expect(thread.messages.length).toBeGreaterThan(0);

  const verified = await committee.get('/api/audit/verify');
  expect(verified.status).toBe(200);
  expect(verified.body, JSON.stringify(verified.body)).toMatchObject({ valid: true, breaks: [] });
  // Each acknowledged submission has its audit entry, and each thread its entry: written in one transaction.
  const audit = (await committee.get('/api/audit?limit=10000')).body as { items: { action: string; subject: string; after: { thread?: string } | null }[] };
  const submittedSubjects = new Set(audit.items.filter((e) => e.action === 'package.submitted').map((e) => e.subject));
  for (const id of submissions.keys()) expect(submittedSubjects.has(id), `no audit entry for ${id}`).toBe(true);
  expect(submittedSubjects.size).toBe(ids.size);
  const openedThreads = new Set(audit.items.filter((e) => e.action === 'thread.opened').map((e) => e.after?.thread));
  for (const id of threadIds) expect(openedThreads.has(id), `no audit entry for thread ${id}`).toBe(true);

  console.info(
    `[postgres-outage] ${samples.length} requests; ${duringOutage.length} during a ${upAgainAt - downAt} ms outage, all 503; recovered ${recoveredAt - upAgainAt} ms after restart; ${submissions.size} submissions and ${threads.size} threads acknowledged and present`,
  );
});

// The SQLite equivalent: another process (a backup, a second server by mistake) holds the
// write lock longer than busy_timeout. Writes answer 503 as well, reads go on (WAL), and
// once the lock is released writes succeed again in the same process.
describe('SQLite locked past its busy timeout', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sqlite-busy-'));
  let sqlite: Store;
  let app: Target;
  beforeAll(async () => {
    sqlite = await openStore({ dataDir });
    const deps = serverDeps(sqlite, { sessionTtlHours: 12 });
    await seedDemo(sqlite, { password: 'demo-password', passwords: deps.passwords, now: new Date(), randomToken: deps.randomToken });
    const created = createApp(deps);
    app = { fetch: async (request) => created.fetch(request), store: sqlite, advanceClock: () => undefined, close: () => sqlite.close() };
  });
  afterAll(async () => {
    await sqlite.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 to a write while another connection holds the lock, and recovers', async () => {
    const owner = new Client(app);
    expect((await owner.login('owner@example.com')).status).toBe(200);
    const holder = new DatabaseSync(sqliteFile(dataDir));
    holder.exec('begin immediate');
    let locked: Reply;
    let startedAt = Date.now();
    try {
      locked = await owner.post('/api/packages', { modelKey: 'busy-1', versionLabel: '1.0.0', content: freshContent('busy-1') });
      expect(Date.now() - startedAt).toBeLessThan(requestBoundMs);
      // A list read still answers: the summaries it cannot write back are computed for it alone (decision record 0129).
      startedAt = Date.now();
      const list = await owner.get('/api/packages');
      expect(list.status).toBe(200);
      expect((list.body as { items: unknown[] }).items.length).toBeGreaterThan(0);
    } finally {
      holder.exec('rollback');
      holder.close();
    }
    expect(locked.status, JSON.stringify(locked.body)).toBe(503);
    expect(locked.body).toMatchObject({ type: problemTypes.unavailable, detail: 'The database is unavailable; try again shortly.' });
    expect(locked.headers.get('retry-after')).not.toBeNull();
    expect(Date.now() - startedAt).toBeLessThan(requestBoundMs);

    const retried = await owner.post('/api/packages', { modelKey: 'busy-1', versionLabel: '1.0.0', content: freshContent('busy-1') });
    expect(retried.status, JSON.stringify(retried.body)).toBe(201);
  });
});
