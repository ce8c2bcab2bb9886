import { afterAll, expect, inject, it } from 'vitest';
import type { AuditVerification } from '#domain/contracts/audit.ts';
import { genesisHash } from '#domain/audit/hash-entry.ts';
import type { Store, StoredAuditEntry } from '#api/store/store.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import { cheapPasswords } from '#mocks/cheap-passwords.ts';
import { createApp } from '#server/app.ts';
import { serverDeps } from '#server/deps.ts';
import { openStore } from '#server/db/open-store.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres-cluster.ts';
import { Client } from '../contract/support/client.ts';

// Two API instances, each with its own connection pool, on one PostgreSQL: 1,000 audited
// requests land on both at once. The log must come out as one line, seq 1..N, each entry
// linked to the one before, no fork, and the server must find it whole.

const stores: Store[] = [];
const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const store of stores) await store.close();
  for (const database of databases) await database.drop();
});

async function newDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase(inject('databaseUrl'));
  databases.push(database);
  return database;
}

async function instance(url: string) {
  const store = await openStore({ databaseUrl: url, dataDir: '/nonexistent' });
  stores.push(store);
  // Throttling stays out of the way of what is measured here (api/throttle/): each failed log-in
  // comes from an address of its own, and the reviewer may be refused 500 times a minute.
  const app = createApp({ ...serverDeps(store, { sessionTtlHours: 1, writesPerMinute: 10_000 }), passwords: cheapPasswords }, { trustProxy: true });
  return { store, client: () => new Client({ fetch: async (request) => app.fetch(request), store, close: () => Promise.resolve(), advanceClock: () => undefined }) };
}

/**
 * Runs `count` requests with at most `limit` in flight. Each instance's pool holds 10
 * connections, so 100 in flight keep both pools and the append lock as contended as 1,000
 * would, without asking 1,000 requests to wait for a connection on a loaded CI machine,
 * where the pool's 5 s wait ends some of them in a 503 (as it should, under overload).
 */
async function inFlightAtMost<T>(limit: number, count: number, request: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) results[i] = await request(i);
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

async function readAll(store: Store): Promise<StoredAuditEntry[]> {
  const all: StoredAuditEntry[] = [];
  for (;;) {
    const page = await store.listAuditEntries({}, all.at(-1)?.seq ?? 0, 5_000);
    all.push(...page);
    if (page.length < 5_000) return all;
  }
}

it('1,000 events appended concurrently through two API instances form one contiguous chain', async () => {
  const database = await newDatabase();
  const a = await instance(database.url);
  const b = await instance(database.url);
  await seedDemo(a.store, { password: 'demo-password', passwords: cheapPasswords, now: new Date(), randomToken: () => crypto.randomUUID().replace(/-/g, '') });
  const seeded = await a.store.auditLogSize();

  // Instance A: failed log-ins. Instance B: a reviewer's refused look at the whole log.
  // Both append through the same path: PostgreSQL's advisory lock, one entry at a time.
  const reviewer = b.client();
  expect((await reviewer.login('model-risk@example.com')).status).toBe(200);
  const request = (i: number) =>
    i % 2 === 0 ? a.client().post('/api/session', { email: `stranger-${i}@example.com`, password: 'wrong' }, { 'x-forwarded-for': `10.0.${Math.floor(i / 256)}.${i % 256}` }) : reviewer.get('/api/audit');
  const statuses = (await inFlightAtMost(100, 1_000, request)).map((reply) => reply.status);
  expect(statuses.filter((s) => s === 401)).toHaveLength(500);
  expect(statuses.filter((s) => s === 403)).toHaveLength(500);

  const entries = await readAll(b.store);
  // seeded + the reviewer's log-in + 1,000.
  expect(entries).toHaveLength(seeded + 1 + 1_000);
  expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
  entries.forEach((entry, i) => {
    expect(entry.prevHash, `entry #${entry.seq}`).toBe(i === 0 ? genesisHash : entries[i - 1]?.entryHash);
  });
  expect(new Set(entries.map((e) => e.prevHash)).size).toBe(entries.length);
  expect(entries.filter((e) => e.action === 'session.login_failed')).toHaveLength(500);
  expect(entries.filter((e) => e.action === 'access.denied')).toHaveLength(500);

  const committee = a.client();
  expect((await committee.login('committee@example.com')).status).toBe(200);
  const reply = await committee.get('/api/audit/verify');
  expect(reply.status).toBe(200);
  expect(reply.body).toMatchObject({ valid: true, breaks: [], size: entries.length + 1 } satisfies Partial<AuditVerification>);
});

// Subject links (docs/decisions/0180): each entry names the previous entry about its subject, read
// under the same append lock. 300 refusals about one subject (the path /api/audit), half through
// each instance, must come out as one back-linked chain: no two entries naming the same one.
it('300 entries about one subject appended concurrently through two API instances form one chain of subject links', async () => {
  const database = await newDatabase();
  const a = await instance(database.url);
  const b = await instance(database.url);
  await seedDemo(a.store, { password: 'demo-password', passwords: cheapPasswords, now: new Date(), randomToken: () => crypto.randomUUID().replace(/-/g, '') });
  const onB = b.client();
  expect((await onB.login('model-risk@example.com')).status).toBe(200);
  // The same session on instance A: both instances hold it (one database).
  const onA = a.client();
  onA.cookie = onB.cookie;
  const statuses = (await inFlightAtMost(100, 300, (i) => (i % 2 === 0 ? onA : onB).get('/api/audit'))).map((reply) => reply.status);
  expect(statuses.filter((s) => s === 403)).toHaveLength(300);

  const entries = await readAll(b.store);
  const about = entries.filter((e) => e.subject === '/api/audit');
  expect(about).toHaveLength(300);
  about.forEach((entry, i) => {
    expect(entry.subjectPrev, `entry #${entry.seq}`).toBe(i === 0 ? genesisHash : about[i - 1]?.entryHash);
  });
  // Every entry of the log links to the previous one about its own subject, whatever it is.
  const lastAbout = new Map<string, string>();
  for (const entry of entries) {
    expect(entry.subjectPrev, `entry #${entry.seq}`).toBe(lastAbout.get(entry.subject) ?? genesisHash);
    lastAbout.set(entry.subject, entry.entryHash);
  }
  const committee = a.client();
  expect((await committee.login('committee@example.com')).status).toBe(200);
  const reply = await committee.get('/api/audit/verify');
  expect(reply.body).toMatchObject({ valid: true, breaks: [] });
});
