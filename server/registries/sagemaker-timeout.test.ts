import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RegistryError } from '#api/kernel/registry-port.ts';
import { sageMakerApproval } from '#domain/registries/sagemaker-approval.ts';
import { sageMakerRegistry } from './sagemaker-client.ts';

// The real SDK client and its real Node transport against an endpoint that takes the
// connection and never answers. Without a limit of ours the call would wait for ever (the SDK
// has none by default), and with it the registry passes, which run one call at a time.
// No aws-sdk-client-mock here: it replaces every SageMakerClient's send in its file.

const sockets: Socket[] = [];
const silent = createServer((socket) => {
  sockets.push(socket);
  socket.on('error', () => undefined);
});
let endpoint = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

const arn = 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/card-fraud/8';

async function failureWithin(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return { error, ms: Date.now() - started };
}

it('ends a call the endpoint never answers, retries included, as unavailable (retried later)', async () => {
  // maxAttempts 2 as the connectors' client: the limit covers both attempts.
  const client = new SageMakerClient({ region: 'eu-west-1', endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 2 });
  const registry = sageMakerRegistry(client, { timeoutMs: 500 });
  const calls = [
    registry.describeModelPackage(arn),
    registry.listModelPackages({ groupName: 'card-fraud', maxResults: 10 }),
    registry.updateApproval(arn, sageMakerApproval('approved', { contentHash: 'c'.repeat(64), recordUrl: 'https://approvals.example.com/r', reason: 'ok' })),
  ];
  for (const { error, ms } of await Promise.all(calls.map(failureWithin))) {
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({ kind: 'unavailable', code: 'Timeout', message: expect.stringMatching(/^SageMaker \w+: no answer within 500 ms$/) as unknown });
    // The limit, not the test's own time limit, ended it (generous for a loaded machine).
    expect(ms).toBeLessThan(20_000);
  }
  expect(sockets.length).toBeGreaterThan(0);
  client.destroy();
});
