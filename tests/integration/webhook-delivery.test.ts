import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { registeredWebhookSchema, webhookDeliveryListSchema, webhookPayloadSchema } from '#domain/webhooks/contract.ts';
import { startWebhookDispatcher, type WebhookDispatcher } from '#server/timers/webhook-dispatcher.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn } from '../contract/support/signing-scenarios.ts';
import { sqliteTarget } from '../contract/support/targets.ts';
import { localWebhookReceivers } from '../support/local-webhook-receivers.ts';

// End to end on the real server: a receiver on localhost (allow-listed, as loopback is refused
// otherwise) answers 500 first and 200 next.
// After a decision it gets the event, correctly signed, twice; the log shows both attempts.
// Two dispatchers run on the same database, as two API instances would: each attempt is
// still made once.

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function receiver(statuses: number[]): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = statuses[received.length - 1] ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/model-approval`, received };
}

/** Polls for what the dispatcher does on its own timer; the bound only turns a hang into a message before the test's own 60 s. */
async function until(condition: () => boolean | Promise<boolean>, ms = 45_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What a receiver does, per the Standard Webhooks reference: HMAC-SHA256 over id.timestamp.body with the decoded secret. */
function verifies(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${String(headers['webhook-id'])}.${String(headers['webhook-timestamp'])}.${body}`).digest('base64');
  return String(headers['webhook-signature']).split(' ').includes(`v1,${expected}`);
}

describe('webhook delivery', () => {
  it('a receiver gets a correctly signed event, and a retry after it first answers 500', async () => {
    const target = await sqliteTarget({ webhookAllowList: localWebhookReceivers });
    cleanups.push(() => target.close());
    const hook = await receiver([500, 200]);
    const dispatchers: WebhookDispatcher[] = [0, 1].map(() => startWebhookDispatcher({ store: target.store, intervalMs: 15, backoffBaseMs: 100, timeoutMs: 2_000, allowList: localWebhookReceivers }));
    cleanups.push(async () => {
      for (const d of dispatchers) await d.stop();
    });

    const admin = await signedIn(target, 'admin@example.com');
    const registered = await admin.post('/api/webhooks', { url: hook.url, description: 'Deployment pipeline', events: ['step.approved'] });
    expectStatus(registered, 201);
    const { endpoint, secret } = registeredWebhookSchema.parse(registered.body);

    const elena = await signedIn(target, 'model-risk@example.com');
    const payload = await payloadFor(elena, { packageId: 'pkg_clinical_deterioration_risk', versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision: 'approve', reason: 'Adequate.', signer: accounts.elena });
    expectStatus(await sign(elena, payload), 201);

    const log = async () => webhookDeliveryListSchema.parse((await admin.get(`/api/webhooks/${endpoint.id}/deliveries`)).body).items;
    await until(async () => (await log())[0]?.status === 'delivered');
    // A whole pass of each dispatcher to its end, not a pause a loaded machine may fill with no
    // pass at all: a duplicate send by the second dispatcher would show up here.
    await Promise.all(dispatchers.map((dispatcher) => dispatcher.tick()));

    expect(hook.received).toHaveLength(2);
    const [first, second] = hook.received;
    if (!first || !second) throw new Error('two requests expected');
    for (const { headers, body } of hook.received) {
      expect(headers['content-type']).toBe('application/json');
      expect(headers['webhook-timestamp']).toMatch(/^\d{10}$/);
      expect(Math.abs(Number(headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
      expect(verifies(secret, headers, body)).toBe(true);
      expect(verifies(`whsec_${Buffer.alloc(32).toString('base64')}`, headers, body)).toBe(false);
    }
    // The retry is the same message: same id, same body.
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(second.body).toBe(first.body);
    const event = webhookPayloadSchema.parse(JSON.parse(first.body));
    expect(event).toMatchObject({ type: 'step.approved', id: first.headers['webhook-id'], data: { packageId: 'pkg_clinical_deterioration_risk', version: 1, step: 'model_risk', decision: 'approve', actor: { id: accounts.elena.id } } });

    const [delivery] = await log();
    expect(delivery).toMatchObject({ eventType: 'step.approved', status: 'delivered', attempts: 2, nextAttemptAt: null });
    expect(delivery?.attemptLog.map((a) => [a.attempt, a.statusCode, a.error])).toEqual([
      [1, 500, null],
      [2, 200, null],
    ]);
    // The second attempt waited for the backoff (100 ms here) after the first.
    const [a1, a2] = delivery?.attemptLog ?? [];
    expect(Date.parse(a2?.at ?? '') - Date.parse(a1?.at ?? '')).toBeGreaterThanOrEqual(100);
  });

  it('a receiver that cannot be reached is retried on the schedule, then the delivery fails', async () => {
    const target = await sqliteTarget({ webhookAllowList: localWebhookReceivers });
    cleanups.push(() => target.close());
    const dispatcher = startWebhookDispatcher({ store: target.store, intervalMs: 10, backoffBaseMs: 1, timeoutMs: 1_000, allowList: localWebhookReceivers });
    cleanups.push(() => dispatcher.stop());
    const admin = await signedIn(target, 'admin@example.com');
    // Port 9 (discard) on localhost: nothing listens, the connection is refused.
    const { endpoint } = registeredWebhookSchema.parse((await admin.post('/api/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['step.approved'] })).body);
    const elena = await signedIn(target, 'model-risk@example.com');
    const payload = await payloadFor(elena, { packageId: 'pkg_clinical_deterioration_risk', versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision: 'approve', reason: 'Adequate.', signer: accounts.elena });
    expectStatus(await sign(elena, payload), 201);

    const log = async () => webhookDeliveryListSchema.parse((await admin.get(`/api/webhooks/${endpoint.id}/deliveries`)).body).items;
    // The schedule's last step is 4320 × base: a few seconds with a 1 ms base.
    await until(async () => (await log())[0]?.status === 'failed', 45_000);
    const [delivery] = await log();
    expect(delivery?.attempts).toBe(7);
    expect(delivery?.attemptLog).toHaveLength(7);
    for (const attempt of delivery?.attemptLog ?? []) {
      expect(attempt.statusCode).toBeNull();
      // A class, not the network error (ECONNREFUSED against a timeout would map ports).
      expect(attempt.error).toBe('connection failed');
    }
  });
});
