import { afterEach, describe, expect, inject, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import type { Store } from '#api/store/store.ts';
import { notificationPreferencesSchema } from '#domain/contracts/notification-preferences.ts';
import { smtpSender } from '#server/mail/smtp.ts';
import { startMailer, type Mailer } from '#server/timers/mailer.ts';
import type { Client, Target } from '../contract/support/client.ts';
import { expectStatus, payloadFor, sign, signedIn } from '../contract/support/signing-scenarios.ts';
import { postgresTarget, sqliteTarget } from '../contract/support/targets.ts';
import { createTestDatabase } from '../support/postgres-cluster.ts';
import { openStore } from '#server/db/open-store.ts';
import { serverDeps } from '#server/deps.ts';
import { createApp } from '#server/app.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import { freshContent } from '../support/fresh-content.ts';
import { sinkCredentials, startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp-sink.ts';

// Email end to end on the real API and store, on SQLite and PostgreSQL, against a real SMTP
// server on localhost (STARTTLS and a login): who gets which mail, its subject and its links
// to the exact place; a refusal retried through the outbox; the daily digest with the clock
// moved; and, on PostgreSQL, two instances sharing the database sending each message once.

const baseUrl = 'https://approvals.example.test';
const clinical = 'pkg_clinical_deterioration_risk';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function until(condition: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A movable clock for the mailer, as the API's own (targets.ts) is moved. */
function movableClock(): { now: () => Date; advance: (ms: number) => void } {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms) => (offset += ms) };
}

interface Started {
  target: Target;
  sink: SmtpSink;
  clock: ReturnType<typeof movableClock>;
}

async function mailerOn(store: Store, sink: SmtpSink, clock: { now: () => Date }, digestHourUtc: number, leaseMs?: number): Promise<Mailer> {
  // The client's silence limit well above the slow sink's (see the lease test below).
  const sender = smtpSender({ host: '127.0.0.1', port: sink.port, secure: false, requireTls: true, auth: sinkCredentials, from: 'Model approval <approvals@example.test>', domain: 'approvals.example.test', rejectUnauthorized: false, timeoutMs: 20_000 });
  const mailer = startMailer({ store, sender, intervalMs: 20, backoffBaseMs: 100, baseUrl, digestHourUtc, newId: () => randomBytes(12).toString('base64url'), now: clock.now, ...(leaseMs ? { leaseMs } : {}), logError: (error) => console.info('[mail test] mailer error', error) });
  cleanups.push(() => mailer.stop());
  // The first pass starts the cursor: mail is about what happens from now on.
  await mailer.tick();
  return mailer;
}

async function start(open: () => Promise<Target>, digestHourUtc = 7): Promise<Started> {
  const target = await open();
  cleanups.push(() => target.close());
  const sink = await startSmtpSink();
  cleanups.push(() => sink.close());
  const clock = movableClock();
  await mailerOn(target.store, sink, clock, digestHourUtc);
  return { target, sink, clock };
}

const mailsTo = (sink: SmtpSink, address: string) => sink.received.filter((m) => m.to.includes(address));
const linksIn = (mail: ReceivedMail) => [...String(mail.parsed.html).matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));

async function askClarification(reviewer: Client, packageId: string, sectionKey = 'evaluation'): Promise<string> {
  const opened = await reviewer.post(`/api/packages/${packageId}/threads`, { versionNumber: 1, sectionKey, kind: 'clarification', body: 'Which holdout period is this measured on?' });
  expectStatus(opened, 201);
  return (opened.body as { id: string }).id;
}

const engines: [string, () => Promise<Target>][] = [
  ['SQLite', () => sqliteTarget()],
  ['PostgreSQL', () => postgresTarget(inject('databaseUrl'))],
];

describe.each(engines)('email on %s', (_name, open) => {
  it('mails the owner a clarification asked of them, with a link to the thread, once', async () => {
    const { target, sink } = await start(open);
    const elena = await signedIn(target, 'model-risk@example.com');
    const threadId = await askClarification(elena, clinical);

    await until(() => mailsTo(sink, 'owner@example.com').length > 0);
    const [mail] = mailsTo(sink, 'owner@example.com');
    if (!mail) throw new Error('no mail');
    expect(mail.to).toEqual(['owner@example.com']);
    expect(mail.from).toBe('approvals@example.test');
    expect(mail.parsed.subject).toBe('[Model approval] A clarification is asked of you');
    expect(mail.parsed.messageId).toMatch(/^<mail_.+@approvals\.example\.test>$/);
    const threadLink = `${baseUrl}/packages/${clinical}?version=1#thread-${threadId}`;
    expect(mail.parsed.text).toContain(`Elena Vasquez asked for a clarification on the “Evaluation against policy thresholds” section`);
    expect(mail.parsed.text).toContain(threadLink);
    expect(linksIn(mail)).toEqual([threadLink, `${baseUrl}/account/notifications`]);
    // It went through a login, after STARTTLS (the sink refuses a plain-text login).
    expect(sink.logins).toContain(sinkCredentials.user);
    // Nobody else was told (the asker never is), and a later pass sends nothing again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.received).toHaveLength(1);
  });

  it('mails the first step its turn and the owner the rejection, with links to the package', async () => {
    const { target, sink } = await start(open);
    const owner = await signedIn(target, 'owner@example.com');
    const modelKey = `mail-chain-${Date.now()}`;
    const submitted = await owner.post('/api/packages', { modelKey, versionLabel: '1.0.0', content: freshContent(modelKey) });
    expectStatus(submitted, 201);
    const packageId = (submitted.body as { package: { id: string } }).package.id;

    await until(() => mailsTo(sink, 'data-governance@example.com').length > 0);
    const [active] = mailsTo(sink, 'data-governance@example.com');
    expect(active?.parsed.subject).toBe('[Model approval] Your step is active');
    expect(active?.parsed.text).toContain(`${baseUrl}/packages/${packageId}`);
    expect(active ? linksIn(active)[0] : null).toBe(`${baseUrl}/packages/${packageId}`);
    // The owner submitted it: no mail to them about their own act.
    expect(mailsTo(sink, 'owner@example.com')).toEqual([]);

    const marcus = await signedIn(target, 'data-governance@example.com');
    const payload = await payloadFor(marcus, { packageId, versionNumber: 1, stepKey: 'data_governance', role: 'data_governance', decision: 'reject', reason: 'Lineage is missing.', signer: { id: 'usr_data_governance', displayName: 'Marcus Oyelaran', title: 'Data Governance Lead' }, concerns: [{ sectionKey: 'training_data', concern: 'The lineage is missing.', requiredChange: 'Name the dataset versions.' }] });
    expectStatus(await sign(marcus, payload), 201);
    await until(() => mailsTo(sink, 'owner@example.com').length > 0);
    const [decided] = mailsTo(sink, 'owner@example.com');
    expect(decided?.parsed.subject).toBe('[Model approval] Your package was rejected');
    expect(decided?.parsed.text).toContain('Marcus Oyelaran rejected version 1');
  });

  it('sends a refused message again through the outbox, once, after the backoff', async () => {
    const { target, sink } = await start(open);
    sink.refuseNext(1);
    const elena = await signedIn(target, 'model-risk@example.com');
    await askClarification(elena, clinical);
    await until(() => sink.received.length > 0);
    expect(sink.refused()).toBe(1);
    // The sink has the message before the outbox marks its row sent: wait for the row too (under
    // load, with the integration shards beside e2e, the read came between the two).
    await until(async () => (await target.store.listMailFor('usr_owner'))[0]?.status === 'sent');
    const [row] = await target.store.listMailFor('usr_owner');
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null, nextAttemptAt: null });
    // The second attempt waited for the backoff (100 ms here) after the first.
    expect(Date.parse(row?.sentAt ?? '') - Date.parse(row?.createdAt ?? '')).toBeGreaterThanOrEqual(100);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.received).toHaveLength(1);
  });

  it('gathers digest kinds into one daily message, sent when the clock passes the digest hour', async () => {
    // The digest hour is the next full hour: nothing before it, everything after.
    const { target, sink, clock } = await start(open, (new Date().getUTCHours() + 1) % 24);
    const owner = await signedIn(target, 'owner@example.com');
    const changed = await owner.send('PUT', '/api/account/notification-preferences', { json: { modes: { clarification_requested: 'digest' } } });
    expectStatus(changed, 200);
    expect(notificationPreferencesSchema.parse(changed.body).modes).toMatchObject({ clarification_requested: 'digest', step_active: 'immediate' });

    const elena = await signedIn(target, 'model-risk@example.com');
    const first = await askClarification(elena, clinical, 'evaluation');
    const second = await askClarification(elena, clinical, 'intended_use');
    const dana = await signedIn(target, 'fair-lending@example.com');
    const retail = 'pkg_retail_credit_pd';
    const other = await dana.post(`/api/packages/${retail}/threads`, { versionNumber: 2, sectionKey: 'subgroup_fairness', kind: 'clarification', body: 'Which subgroups were merged?' });
    expectStatus(other, 201);

    // Queued for the digest, not mailed.
    await until(async () => (await target.store.listUsersWithDigestItems('9999')).includes('usr_owner'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(sink, 'owner@example.com')).toEqual([]);

    clock.advance(2 * 3_600_000);
    await until(() => mailsTo(sink, 'owner@example.com').length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const digests = mailsTo(sink, 'owner@example.com');
    expect(digests).toHaveLength(1);
    const [digest] = digests;
    if (!digest) throw new Error('no digest');
    expect(digest.parsed.subject).toBe('[Model approval] Your daily digest: 3 notifications');
    expect(linksIn(digest)).toEqual([
      `${baseUrl}/packages/${clinical}?version=1#thread-${first}`,
      `${baseUrl}/packages/${clinical}?version=1#thread-${second}`,
      `${baseUrl}/packages/${retail}?version=2#thread-${(other.body as { id: string }).id}`,
      `${baseUrl}/account/notifications`,
    ]);

    // Another day's pass: nothing left to send. The sink has the digest before the outbox marks
    // it sent; a day's jump of the clock while the send is still in flight (a loaded machine)
    // would expire its two-minute lease and let the next pass send it again, which no real clock
    // does within one send's timeouts. So the row is sent before the clock moves.
    await until(async () => (await target.store.listMailFor('usr_owner')).every((m) => m.status === 'sent'));
    clock.advance(86_400_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(sink, 'owner@example.com')).toHaveLength(1);
  });

  it('writes an attempt’s outcome under the lease its sender holds, and not once another sender has taken the message', async () => {
    // The store alone, no mailer: a running one found the message due and took it between the
    // test's own claims (a failed CI run on PostgreSQL).
    const target = await open();
    cleanups.push(() => target.close());
    const store = target.store;
    const at = '2026-01-01T00:00:00.000Z';
    await store.insertMail({ id: 'mail_lease', dedupeKey: 'lease-test', userId: 'usr_owner', to: 'owner@example.com', subject: 'S', text: 'T', html: '<p>T</p>', kind: 'immediate', status: 'pending', attempts: 0, nextAttemptAt: at, lastError: null, sentAt: null, createdAt: at });
    const mine = '2026-01-01T00:02:00.000Z';
    const theirs = '2026-01-01T00:05:00.000Z';
    expect(await store.claimMail('mail_lease', at, mine)).toBe(true);
    // Another sender took it after this one's lease ran out.
    expect(await store.claimMail('mail_lease', mine, theirs)).toBe(true);
    const outcome = { attempts: 1, status: 'failed' as const, nextAttemptAt: null, lastError: 'SMTP 550', sentAt: null };
    expect(await store.updateMail('mail_lease', outcome, mine)).toBe(false);
    expect((await store.listMailFor('usr_owner')).find((m) => m.id === 'mail_lease')).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: theirs, lastError: null });
    expect(await store.updateMail('mail_lease', { ...outcome, status: 'sent', lastError: null, sentAt: theirs }, theirs)).toBe(true);
    expect((await store.listMailFor('usr_owner')).find((m) => m.id === 'mail_lease')).toMatchObject({ status: 'sent', attempts: 1, nextAttemptAt: null });
  });

  it('refuses bad preferences with problem+json at the field, and stores nothing', async () => {
    const { target } = await start(open);
    const owner = await signedIn(target, 'owner@example.com');
    const bad = await owner.send('PUT', '/api/account/notification-preferences', { json: { modes: { step_active: 'hourly', package_rejected: 'off' } } });
    expectStatus(bad, 422);
    expect((bad.body as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toEqual(['/modes/step_active']);
    const unknown = await owner.send('PUT', '/api/account/notification-preferences', { json: { modes: { weekly_summary: 'off' } } });
    expectStatus(unknown, 422);
    const read = notificationPreferencesSchema.parse((await owner.get('/api/account/notification-preferences')).body);
    expect(read).toMatchObject({ email: 'owner@example.com', modes: { step_active: 'immediate', package_rejected: 'immediate', re_review_due: 'digest' } });
    expect(await target.store.listMailModes('usr_owner')).toEqual({});
  });
});

async function instance(databaseUrl: string, seed: boolean): Promise<Target> {
  const store = await openStore({ databaseUrl, dataDir: '/nonexistent' });
  const deps = serverDeps(store, { sessionTtlHours: 12 });
  if (seed) await seedDemo(store, { password: 'demo-password', passwords: deps.passwords, now: new Date(), randomToken: deps.randomToken });
  const app = createApp(deps);
  return { fetch: async (request) => app.fetch(request), store, advanceClock: () => undefined, close: () => store.close() };
}

/** Two API instances on a new database, each running its own mailer (its own pool, its own notification cache), and one sink. */
async function twoInstancesMailing(options: { ackDelayMs?: number; leaseMs?: number } = {}) {
  const database = await createTestDatabase(inject('databaseUrl'));
  cleanups.push(() => database.drop());
  const first = await instance(database.url, true);
  cleanups.push(() => first.close());
  const second = await instance(database.url, false);
  cleanups.push(() => second.close());
  const sink = await startSmtpSink(options.ackDelayMs ? { ackDelayMs: options.ackDelayMs } : {});
  cleanups.push(() => sink.close());
  const clock = movableClock();
  await mailerOn(first.store, sink, clock, 7, options.leaseMs);
  await mailerOn(second.store, sink, clock, 7, options.leaseMs);
  return { first, second, sink };
}

describe('email with two API instances on one PostgreSQL database', () => {
  it('queues and sends every message exactly once, whichever instance sees it first', async () => {
    const { first, second, sink } = await twoInstancesMailing();

    const owners = [await signedIn(first, 'owner@example.com'), await signedIn(second, 'owner@example.com')];
    const count = 12;
    const submitted = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const modelKey = `mail-race-${i}-${Date.now()}`;
        const reply = await owners[i % 2]?.post('/api/packages', { modelKey, versionLabel: '1.0.0', content: freshContent(modelKey) });
        if (!reply) throw new Error('no owner');
        expectStatus(reply, 201);
        return (reply.body as { package: { id: string } }).package.id;
      }),
    );
    await until(() => mailsTo(sink, 'data-governance@example.com').length >= count);
    // Longer: a duplicate from the other instance would show up here.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const links = mailsTo(sink, 'data-governance@example.com').map((m) => linksIn(m)[0]);
    expect(links.toSorted()).toEqual(submitted.map((id) => `${baseUrl}/packages/${id}`).toSorted());
    expect(sink.received).toHaveLength(count);
    const rows = await first.store.listMailFor('usr_data_governance');
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(Array.from({ length: count }, () => ['sent', 1]));
  });

  // A send that outlasts its lease: an SMTP server that keeps each message 7 s before it answers,
  // against a lease of 3 s (renewed every second: a loaded machine has two to renew it).
  // Without renewal the other instance, polling every 20 ms, takes the message once the lease
  // ends and sends it a second time, long before the first send is answered.
  it('sends a message once while a slow server holds its send past the lease, the lease renewed', async () => {
    const { first, sink } = await twoInstancesMailing({ ackDelayMs: 7_000, leaseMs: 3_000 });

    const elena = await signedIn(first, 'model-risk@example.com');
    await askClarification(elena, clinical);
    await until(async () => (await first.store.listMailFor('usr_owner'))[0]?.status === 'sent', 30_000);
    // A second send would have reached the sink before the first was answered; a little longer all the same.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsTo(sink, 'owner@example.com')).toHaveLength(1);
    expect((await first.store.listMailFor('usr_owner')).map((r) => [r.status, r.attempts])).toEqual([['sent', 1]]);
  });
});
