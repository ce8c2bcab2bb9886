import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { AllowEntry } from '#domain/webhooks/address.ts';
import { registeredWebhookSchema, webhookDeliveryListSchema, webhookEndpointListSchema } from '#domain/webhooks/contract.ts';
import { startWebhookDispatcher } from '#server/timers/webhook-dispatcher.ts';
import type { ResolveHost } from '#server/timers/webhook-request.ts';
import type { Client, Target } from '../contract/support/client.ts';
import { expectStatus, signedIn } from '../contract/support/signing-scenarios.ts';
import { sqliteTarget } from '../contract/support/targets.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';
import { allowListOf } from '../support/local-webhook-receivers.ts';

// Issue 16, finding 7: webhook endpoints at 127.0.0.1 in every spelling, [::1],
// 169.254.169.254 and 10.x were accepted, and the delivery log (ECONNREFUSED against a
// timeout against an HTTP status) then worked as a scanner of the server's own network.
// Now: IP literals of such addresses are refused at registration; names are resolved at each
// delivery and refused when any address is; the connection goes to the address that was
// checked (DNS rebinding); and the log shows status classes, never network errors.

const defer = cleanUpAfterEach();

async function admin(options: { allowList?: readonly AllowEntry[] } = {}): Promise<{ target: Target; admin: Client }> {
  const target = await sqliteTarget(options.allowList ? { webhookAllowList: options.allowList } : {});
  defer(() => target.close());
  return { target, admin: await signedIn(target, 'admin@example.com') };
}

/** A receiver that counts what reaches it; `host` may be any loopback address, `port` 0 for any. */
async function receiver(host: string, port = 0): Promise<{ port: number; hits: () => number }> {
  let hits = 0;
  const server = createHttpServer((request, response) => {
    request.resume();
    hits += 1;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  defer(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port: (server.address() as AddressInfo).port, hits: () => hits };
}

/** Registers an endpoint and queues one delivery to it, as an approval would. */
async function endpointWithDelivery(target: Target, client: Client, url: string): Promise<string> {
  const registered = await client.post('/api/webhooks', { url, events: ['step.approved'] });
  expectStatus(registered, 201);
  const { endpoint } = registeredWebhookSchema.parse(registered.body);
  const at = new Date(Date.now() - 1000).toISOString();
  await target.store.insertWebhookDelivery({ id: `whd_${crypto.randomUUID()}`, endpointId: endpoint.id, eventId: `msg_${crypto.randomUUID()}`, eventType: 'step.approved', payload: '{"type":"step.approved"}', attempts: 0, status: 'pending', nextAttemptAt: at, lastStatus: null, lastError: null, deliveredAt: null, createdAt: at });
  return endpoint.id;
}

/** One pass of a dispatcher over every queued delivery (retries are a minute away). */
async function dispatchOnce(target: Target, options: { allowList?: readonly AllowEntry[]; resolve?: ResolveHost; timeoutMs?: number } = {}): Promise<void> {
  const dispatcher = startWebhookDispatcher({ store: target.store, intervalMs: 3_600_000, backoffBaseMs: 60_000, timeoutMs: 2_000, ...options });
  await dispatcher.tick();
  await dispatcher.stop();
}

/** An endpoint's attempts as the administrator's delivery log shows them. */
async function attemptsOf(client: Client, endpointId: string) {
  const log = webhookDeliveryListSchema.parse((await client.get(`/api/webhooks/${endpointId}/deliveries`)).body);
  return log.items.flatMap((d) => d.attemptLog).map((a) => ({ statusCode: a.statusCode, error: a.error }));
}

describe('webhook SSRF', () => {
  it('registering an internal address in any spelling is refused at /url, and nothing is stored', async () => {
    const { admin: client } = await admin();
    for (const url of [
      'http://127.0.0.1/hook',
      'http://2130706433/hook',
      'http://0177.0.0.1/hook',
      'http://0x7f.1/hook',
      'http://127.1:8080/hook',
      'http://[::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://[0:0:0:0:0:ffff:7f00:1]/hook',
      'http://0.0.0.0:22/hook',
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      'http://[fd00:ec2::254]/latest/meta-data/',
      'http://10.0.0.5:6379/hook',
      'https://172.16.3.4/hook',
      'http://192.168.1.1/admin',
      'http://100.64.0.1/hook',
      'http://[fe80::1]/hook',
      'http://[fc00::1]/hook',
      'http://[64:ff9b::a00:1]/hook',
    ]) {
      const reply = await client.post('/api/webhooks', { url, events: ['package.approved'] });
      expect(reply.status, url).toBe(422);
      expect((reply.body as { errors: { pointer: string }[] }).errors.map((e) => e.pointer), url).toEqual(['/url']);
    }
    expect(webhookEndpointListSchema.parse((await client.get('/api/webhooks')).body).items).toEqual([]);
  });

  it('a public address or a name is accepted at registration; an allow-listed internal address too', async () => {
    const { admin: client } = await admin({ allowList: allowListOf('10.20.0.0/16') });
    for (const url of ['https://93.184.216.34/hook', 'https://hooks.example.com/hook', 'http://10.20.1.2/hook']) expectStatus(await client.post('/api/webhooks', { url, events: ['package.approved'] }), 201);
    expectStatus(await client.post('/api/webhooks', { url: 'http://10.21.0.1/hook', events: ['package.approved'] }), 422);
  });

  it('a name that resolves to this machine gets nothing sent to it; the log says why, not what the network said', async () => {
    const { target, admin: client } = await admin();
    const local = await receiver('127.0.0.1');
    const endpointId = await endpointWithDelivery(target, client, `http://localhost:${local.port}/hook`);
    await dispatchOnce(target);
    expect(local.hits()).toBe(0);
    expect(await attemptsOf(client, endpointId)).toEqual([{ statusCode: null, error: 'refused: loopback address' }]);
  });

  it('a name that resolves to a metadata, or to one private address among public ones, is refused before connecting', async () => {
    const { target, admin: client } = await admin();
    const answers: Record<string, string[]> = { 'metadata.attacker.example': ['169.254.169.254'], 'mixed.attacker.example': ['93.184.216.34', '10.0.0.7'], 'mapped.attacker.example': ['::ffff:127.0.0.1'] };
    const resolve: ResolveHost = (host) => Promise.resolve((answers[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
    const expected: Record<string, string> = { 'metadata.attacker.example': 'refused: metadata address', 'mixed.attacker.example': 'refused: private address', 'mapped.attacker.example': 'refused: loopback address' };
    const ids: Record<string, string> = {};
    for (const host of Object.keys(expected)) ids[host] = await endpointWithDelivery(target, client, `http://${host}/hook`);
    await dispatchOnce(target, { resolve });
    for (const [host, error] of Object.entries(expected)) expect(await attemptsOf(client, ids[host] ?? '')).toEqual([{ statusCode: null, error }]);
  });

  it('DNS rebinding: the request goes to the address that was checked, not to what the name resolves to a moment later', async () => {
    const { target, admin: client } = await admin();
    // 127.0.0.1 stands for a public receiver (allow-listed); 127.0.0.2, on the same port, for
    // an internal service that is not.
    const outside = await receiver('127.0.0.1');
    const inside = await receiver('127.0.0.2', outside.port);
    let lookups = 0;
    const rebinding: ResolveHost = () => {
      lookups += 1;
      return Promise.resolve([{ address: lookups === 1 ? '127.0.0.1' : '127.0.0.2', family: 4 }]);
    };
    const endpointId = await endpointWithDelivery(target, client, `http://rebind.attacker.example:${outside.port}/hook`);
    await dispatchOnce(target, { resolve: rebinding, allowList: allowListOf('127.0.0.1') });
    expect(inside.hits()).toBe(0);
    expect(outside.hits()).toBe(1);
    expect(await attemptsOf(client, endpointId)).toEqual([{ statusCode: 200, error: null }]);
  });

  it('a closed port and a silent one both read as classes in the log (no ECONNREFUSED, no timing of ports)', async () => {
    const allowList = allowListOf('127.0.0.1');
    const { target, admin: client } = await admin({ allowList });
    const answering = await receiver('127.0.0.1');
    // A port nobody listens on (taken and given back), and one that accepts and never answers.
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createTcpServer();
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const silent: Server = createTcpServer((socket) => socket.resume());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    defer(() => new Promise<void>((resolve) => silent.close(() => resolve())));
    const answeringId = await endpointWithDelivery(target, client, `http://127.0.0.1:${answering.port}/hook`);
    const closedId = await endpointWithDelivery(target, client, `http://127.0.0.1:${closedPort}/hook`);
    const silentId = await endpointWithDelivery(target, client, `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook`);
    await dispatchOnce(target, { allowList, timeoutMs: 500 });
    expect(await attemptsOf(client, answeringId)).toEqual([{ statusCode: 200, error: null }]);
    expect(await attemptsOf(client, closedId)).toEqual([{ statusCode: null, error: 'connection failed' }]);
    expect(await attemptsOf(client, silentId)).toEqual([{ statusCode: null, error: 'timeout' }]);
  });
});
