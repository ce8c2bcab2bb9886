import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Store } from '#api/store/store.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import { notificationListSchema } from '#domain/contracts/notifications.ts';
import { registeredWebhookSchema, webhookPayloadSchema } from '#domain/webhooks/contract.ts';
import { cheapPasswords } from '#mocks/cheap-passwords.ts';
import { createApp } from '#server/app.ts';
import { openStore } from '#server/db/open-store.ts';
import { serverDeps } from '#server/deps.ts';
import { startReReviewSweep } from '#server/timers/re-review-sweep.ts';
import { startWebhookDispatcher } from '#server/timers/webhook-dispatcher.ts';
import { localWebhookReceivers } from '../support/local-webhook-receivers.ts';
import { Client, type Target } from '../contract/support/client.ts';
import { accounts, expectStatus, payloadFor, sign } from '../contract/support/signing-scenarios.ts';
import { createTestDatabase } from '../support/postgres-cluster.ts';

// The re-review sweep on the real server, on SQLite and on PostgreSQL: an approval with
// conditions reaches its re-review date (an injected clock), the sweep runs again and again,
// and, on PostgreSQL, from two API instances (two connection pools) at once. Exactly one
// audit entry, one notice and one outbox delivery come of it; the receiver gets one
// correctly signed `package.re_review_due`; the owner and the model risk role are notified.

const clinical = 'pkg_clinical_deterioration_risk';
const day = 86_400_000;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Instance {
  store: Store;
  client(): Client;
}

/** One API instance over a database location: its own store (its own pool on PostgreSQL) and app. */
async function instance(location: { databaseUrl?: string; dataDir: string }): Promise<Instance> {
  const store = await openStore(location);
  cleanups.push(() => store.close());
  const app = createApp({ ...serverDeps(store, { sessionTtlHours: 1, webhookAllowList: localWebhookReceivers }), passwords: cheapPasswords });
  const target: Target = { fetch: async (request) => app.fetch(request), store, close: () => Promise.resolve(), advanceClock: () => undefined };
  return { store, client: () => new Client(target) };
}

/** Two instances on one database: on SQLite one file can only have one (the second is the same store). */
async function instances(engine: 'sqlite' | 'postgres'): Promise<[Instance, Instance]> {
  if (engine === 'sqlite') {
    const dataDir = mkdtempSync(join(tmpdir(), 're-review-sqlite-'));
    cleanups.push(() => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })));
    const only = await instance({ dataDir });
    await seedDemo(only.store, { password: 'demo-password', passwords: cheapPasswords, now: new Date(), randomToken: () => crypto.randomUUID() });
    return [only, only];
  }
  const database = await createTestDatabase(inject('databaseUrl'));
  cleanups.push(() => database.drop());
  const a = await instance({ databaseUrl: database.url, dataDir: '/nonexistent' });
  const b = await instance({ databaseUrl: database.url, dataDir: '/nonexistent' });
  await seedDemo(a.store, { password: 'demo-password', passwords: cheapPasswords, now: new Date(), randomToken: () => crypto.randomUUID() });
  return [a, b];
}

async function receiver(): Promise<{ url: string; received: { headers: IncomingHttpHeaders; body: string }[] }> {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/re-review`, received };
}

/** Standard Webhooks, as a receiver checks it: HMAC-SHA256 over id.timestamp.body with the decoded secret. */
function verifies(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${String(headers['webhook-id'])}.${String(headers['webhook-timestamp'])}.${body}`).digest('base64');
  return String(headers['webhook-signature']).split(' ').includes(`v1,${expected}`);
}

/** Polls for what the timers do on their own; the bound only turns a hang into a message before the test's own 60 s. */
async function until(condition: () => boolean | Promise<boolean>, ms = 45_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function login(instance: Instance, email: string): Promise<Client> {
  const client = instance.client();
  expect((await client.login(email)).status).toBe(200);
  return client;
}

describe.each(['sqlite', 'postgres'] as const)('re-review sweep on %s', (engine) => {
  it('announces a due re-review exactly once, however often and from however many instances it runs', async () => {
    const [a, b] = await instances(engine);
    const hook = await receiver();
    const admin = await login(a, 'admin@example.com');
    const registered = await admin.post('/api/webhooks', { url: hook.url, description: 'Re-review queue', events: ['package.re_review_due'] });
    expectStatus(registered, 201);
    const { endpoint, secret } = registeredWebhookSchema.parse(registered.body);

    // Elena approves the clinical model with conditions, re-review in 30 days.
    const reReviewOn = new Date(Date.now() + 30 * day).toISOString().slice(0, 10);
    const elena = await login(b, 'model-risk@example.com');
    const conditions = { scope: 'Adult inpatient wards only', reReviewOn, text: 'Re-review once paediatric validation is in.' };
    const payload = await payloadFor(elena, { packageId: clinical, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision: 'approve_with_conditions', reason: 'Adequate for adults.', conditions, signer: accounts.elena });
    expectStatus(await sign(elena, payload), 201);

    const dueEntries = async () => (await a.store.listAuditEntries({ action: 'package.re_review_due' }, 0, 100)).filter((e) => e.subject === clinical);
    const deliveries = () => a.store.listWebhookDeliveries(endpoint.id, 100);
    const newId = () => crypto.randomUUID().replace(/-/g, '').slice(0, 20);

    // Before the date: a sweep announces nothing.
    const before = startReReviewSweep({ store: a.store, intervalMs: 60_000, newId, now: () => new Date(Date.parse(`${reReviewOn}T00:00:00Z`) - 1) });
    await before.stop();
    expect(await dueEntries()).toEqual([]);
    expect(await a.store.listReReviewNotices()).toEqual([]);

    // From the start of that day: both instances sweep at start, at the same moment, then
    // each sweeps twice more (a restart, the next interval).
    const dueAt = new Date(Date.parse(`${reReviewOn}T00:00:00Z`) + 3_600_000);
    const sweeps = [a, b].map((i) => startReReviewSweep({ store: i.store, intervalMs: 10, newId, now: () => dueAt }));
    await Promise.all(sweeps.flatMap((s) => [s.sweep(), s.sweep()]));
    for (const s of sweeps) await s.stop();

    const entries = await dueEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: null, at: dueAt.toISOString() });
    expect(JSON.parse(entries[0]?.afterJson ?? 'null')).toEqual({ decision: expect.any(String) as unknown, step: 'model_risk', role: 'model_risk', version: 1, reReviewOn });
    const notices = await b.store.listReReviewNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ packageId: clinical, reReviewOn });
    expect(await deliveries()).toHaveLength(1);

    // The dispatchers (on the same moved clock: the delivery is due from the sweep's time)
    // send it: one request, correctly signed, the event the sweep queued.
    const offset = dueAt.getTime() - Date.now();
    const dispatchers = [a, b].map((i) => startWebhookDispatcher({ store: i.store, intervalMs: 15, backoffBaseMs: 100, timeoutMs: 2_000, now: () => new Date(Date.now() + offset), allowList: localWebhookReceivers }));
    cleanups.push(async () => {
      for (const d of dispatchers) await d.stop();
    });
    await until(async () => (await deliveries())[0]?.status === 'delivered');
    // A whole pass of each dispatcher to its end: a second send would show up here.
    await Promise.all(dispatchers.map((dispatcher) => dispatcher.tick()));
    expect(hook.received).toHaveLength(1);
    const [request] = hook.received;
    if (!request) throw new Error('one request expected');
    expect(verifies(secret, request.headers, request.body)).toBe(true);
    expect(verifies(`whsec_${Buffer.alloc(32).toString('base64')}`, request.headers, request.body)).toBe(false);
    const event = webhookPayloadSchema.parse(JSON.parse(request.body));
    expect(event).toMatchObject({ type: 'package.re_review_due', id: request.headers['webhook-id'], timestamp: dueAt.toISOString(), data: { packageId: clinical, modelKey: 'clinical-deterioration-risk', version: 1, step: 'model_risk', decision: 'approve_with_conditions', actor: null } });

    // In the app: the owner and the holder of the step's role see it; another reviewer does not.
    const kinds = async (email: string) => notificationListSchema.parse((await (await login(a, email)).get('/api/notifications')).body).items.filter((n) => n.kind === 're_review_due' && n.packageId === clinical);
    const [ownerSees] = await kinds('owner@example.com');
    expect(ownerSees).toMatchObject({ link: `/packages/${clinical}`, unread: true, seq: entries[0]?.seq });
    expect(ownerSees?.text).toContain(reReviewOn);
    expect(await kinds('model-risk@example.com')).toHaveLength(1);
    expect(await kinds('security@example.com')).toEqual([]);
  });
});
