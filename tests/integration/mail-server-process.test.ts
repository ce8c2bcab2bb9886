import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { notificationPreferencesSchema } from '#domain/contracts/notification-preferences.ts';
import { startServerProcess } from '#scripts/lib/server-process.ts';
import { httpTarget } from '../contract/support/http-target.ts';
import { expectStatus, signedIn } from '../contract/support/signing-scenarios.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';

// The real server process (server/main.ts) with and without SMTP_HOST, a real SMTP server
// listening on localhost either way: configured, a clarification reaches the owner with a
// link on PUBLIC_URL; not configured, nothing is sent at all, and the start says email is off.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function scenario(smtp: boolean) {
  const sink = await startSmtpSink({ plain: true });
  cleanups.push(() => sink.close());
  const dataDir = mkdtempSync(join(tmpdir(), 'mail-process-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const publicUrl = `http://localhost:${port}`;
  const env: Record<string, string> = { PORT: String(port), PUBLIC_URL: publicUrl, MAIL_INTERVAL_MS: '50' };
  if (smtp) Object.assign(env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port), MAIL_FROM: 'approvals@example.test' });
  const server = await startServerProcess({ dataDir, env });
  cleanups.push(() => server.stop());
  const target = httpTarget(server.origin);
  const owner = await signedIn(target, 'owner@example.com');
  const preferences = notificationPreferencesSchema.parse((await owner.get('/api/account/notification-preferences')).body);
  expect(preferences.mailEnabled).toBe(smtp);
  // Let the first pass start the cursor before anything happens.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const elena = await signedIn(target, 'model-risk@example.com');
  const opened = await elena.post('/api/packages/pkg_clinical_deterioration_risk/threads', { versionNumber: 1, sectionKey: 'evaluation', kind: 'clarification', body: 'Which holdout?' });
  expectStatus(opened, 201);
  return { sink, server, publicUrl, threadId: (opened.body as { id: string }).id };
}

it('with SMTP configured, the server process mails the owner a link on the public URL', async () => {
  const { sink, server, publicUrl, threadId } = await scenario(true);
  const deadline = Date.now() + 15_000;
  while (sink.received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(server.output()).toContain('Email: through 127.0.0.1');
  expect(sink.received.map((m) => m.to)).toEqual([['owner@example.com']]);
  expect(sink.received[0]?.parsed.text).toContain(`${publicUrl}/packages/pkg_clinical_deterioration_risk?version=1#thread-${threadId}`);
});

it('without SMTP_HOST, the server process sends no mail at all', async () => {
  const { sink, server } = await scenario(false);
  // Many passes' worth of waiting (MAIL_INTERVAL_MS=50): a mailer would have sent by now.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(server.output()).toContain('Email: off (no SMTP_HOST)');
  expect(sink.received).toEqual([]);
});
