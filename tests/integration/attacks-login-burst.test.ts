import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { problemTypes } from '#domain/contracts/problem.ts';
import type { Store } from '#api/store/store.ts';
import { createApp } from '#server/app.ts';
import { serverDeps } from '#server/deps.ts';
import { openStore } from '#server/db/open-store.ts';
import { Client, type Reply, type Target } from '../contract/support/client.ts';
import { postgresTarget, sqliteTarget } from '../contract/support/targets.ts';
import { accounts, payloadFor, sign, signedIn, type Draft } from '../contract/support/signing-scenarios.ts';
import { createTestDatabase } from '../support/postgres-cluster.ts';

// The throttling attacks of issue 16 (findings 2 and 8), replayed with real parallel requests
// against the real app on SQLite and PostgreSQL, with scrypt passwords (the race needs a slow
// hash): each request's client address comes from X-Forwarded-For (TRUST_PROXY).
//   - A burst of guesses is checked only as far as the throttle allows: the attempt is counted
//     before the password is checked (before, 60 concurrent guesses were all checked).
//   - The same for re-authentication at signing.
//   - Nobody else's guessing keeps an owner out for more than the bounded wait.
//   - Refused attempts write nothing: the audit log cannot be flooded through the log-in, a
//     user's writes or refusals, or failed single sign-ons.
// See docs/decisions/0065-throttling.md.

const targets: [string, () => Promise<Target>][] = [
  ['SQLite', () => sqliteTarget({ trustProxy: true })],
  ['PostgreSQL', () => postgresTarget(inject('databaseUrl'), { trustProxy: true })],
];

const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

const owner = 'model-risk@example.com';

/** A log-in from `address`, as a browser there would send it (`cookie`: its trusted-device cookie). */
function loginFrom(target: Target, address: string, email: string, password: string, cookie?: string): Promise<Reply> {
  return new Client(target).send('POST', '/api/session', { json: { email, password }, headers: { 'x-forwarded-for': address, ...(cookie ? { cookie } : {}) } });
}

const count = (replies: readonly Reply[], status: number) => replies.filter((r) => r.status === status).length;
const checked = (replies: readonly Reply[]) => count(replies, 401) + count(replies, 200);

async function auditActions(store: Store, action: string): Promise<number> {
  return (await store.listAuditEntries({ action }, 0, 10_000)).length;
}

function expectRateLimited(reply: Reply): void {
  expect(reply.status).toBe(429);
  expect(reply.contentType).toContain('application/problem+json');
  expect(reply.body).toMatchObject({ type: problemTypes.rateLimited, status: 429 });
  expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
}

describe.each(targets)('throttling under attack (%s)', (_name, makeTarget) => {
  const start = async () => {
    const target = await makeTarget();
    open.push(() => target.close());
    return target;
  };

  it('60 concurrent guesses, the right password last: five are checked, the right one is refused with 429', async () => {
    const target = await start();
    const replies = await Promise.all(Array.from({ length: 60 }, (_, i) => loginFrom(target, '203.0.113.7', owner, i === 59 ? 'demo-password' : `guess-${i}`)));
    expect(checked(replies)).toBe(5);
    expect(count(replies, 200)).toBe(0);
    expect(count(replies, 429)).toBe(55);
    const right = replies.at(-1);
    if (!right) throw new Error('no reply');
    expectRateLimited(right);
    expect(await auditActions(target.store, 'session.login_failed')).toBe(5);
    expect(await auditActions(target.store, 'session.login_locked')).toBe(1);
  }, 120_000);

  it('100 concurrent wrong guesses from one address: 95 are refused with 429; from 25 addresses, the account allows 20', async () => {
    const target = await start();
    const one = await Promise.all(Array.from({ length: 100 }, (_, i) => loginFrom(target, '203.0.113.8', 'privacy@example.com', `guess-${i}`)));
    expect(count(one, 401)).toBe(5);
    expect(count(one, 429)).toBe(95);
    // Four guesses from each of 25 addresses stay under every address's five: the account's
    // own budget for clients it has not been used on is what stops them.
    const spread = await Promise.all(Array.from({ length: 100 }, (_, i) => loginFrom(target, `198.51.100.${i % 25}`, 'security@example.com', `guess-${i}`)));
    expect(count(spread, 401)).toBe(20);
    expect(count(spread, 429)).toBe(80);
  }, 120_000);

  it('a burst of 40 wrong passwords at signing, the right one last: five are checked, the rest wait (423 with Retry-After)', async () => {
    const target = await start();
    const elena = await signedIn(target, owner);
    const draft: Draft = { packageId: 'pkg_clinical_deterioration_risk', versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision: 'approve', signer: accounts.elena };
    const payload = await payloadFor(elena, draft);
    const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => sign(elena, payload, i === 39 ? 'demo-password' : `guess-${i}`)));
    expect(count(replies, 403)).toBe(5);
    expect(count(replies, 201)).toBe(0);
    expect(count(replies, 423)).toBe(35);
    const right = replies.at(-1);
    expect(right?.status).toBe(423);
    expect(Number(right?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await auditActions(target.store, 'signing.failed')).toBe(5);
    expect(await auditActions(target.store, 'signing.locked')).toBe(1);
    // The wait is bounded: a minute later the right password signs.
    target.advanceClock(61_000);
    expect((await sign(elena, payload)).status).toBe(201);
    expect(await auditActions(target.store, 'signing.unlocked')).toBe(1);
  }, 120_000);

  it('an owner who locked themselves out gets in after the bounded wait, while an attacker keeps guessing from another address', async () => {
    const target = await start();
    const attacker = '203.0.113.66';
    const home = '192.0.2.10';
    await Promise.all(Array.from({ length: 30 }, (_, i) => loginFrom(target, attacker, owner, `guess-${i}`)));
    // The owner mistypes five times: now they wait too.
    for (let i = 0; i < 5; i += 1) expect((await loginFrom(target, home, owner, `typo-${i}`)).status).toBe(401);
    expectRateLimited(await loginFrom(target, home, owner, 'demo-password'));
    // A minute later, with the attacker still at it, the owner is in.
    target.advanceClock(61_000);
    const [guesses, mine] = await Promise.all([Promise.all(Array.from({ length: 20 }, (_, i) => loginFrom(target, attacker, owner, `more-${i}`))), loginFrom(target, home, owner, 'demo-password')]);
    expect(mine.status).toBe(200);
    // The attacker's address got one more guess after its minute, not twenty.
    expect(checked(guesses)).toBeLessThanOrEqual(1);
    expect(await auditActions(target.store, 'session.login_unlocked')).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('guesses from many addresses exhaust the account for strangers, but not for the owner’s own browser', async () => {
    const target = await start();
    const home = '192.0.2.10';
    const first = await loginFrom(target, home, owner, 'demo-password');
    expect(first.status).toBe(200);
    const device = first.headers.getSetCookie().find((c) => c.startsWith('ma_device='));
    expect(device).toMatch(/; Path=\/api\/session; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    const cookie = device?.split(';')[0] ?? '';
    // 30 addresses, 3 guesses each: the account's budget for strangers runs out.
    const spread = await Promise.all(Array.from({ length: 90 }, (_, i) => loginFrom(target, `198.51.100.${i % 30}`, owner, `guess-${i}`)));
    expect(checked(spread)).toBe(20);
    // From a browser the account has never been used on, the owner waits like a stranger
    // (the price of bounding guesses from many addresses: docs/decisions/0065-throttling.md).
    expectRateLimited(await loginFrom(target, '192.0.2.99', owner, 'demo-password'));
    // From their own browser, wherever it is now, they are in at once.
    expect((await loginFrom(target, '192.0.2.200', owner, 'demo-password', cookie)).status).toBe(200);
    // A cookie someone else made up is no device at all.
    expectRateLimited(await loginFrom(target, '192.0.2.201', owner, 'demo-password', 'ma_device=made-up-by-an-attacker-123456'));
  }, 120_000);

  it('an anonymous burst against a locked email writes nothing to the audit log; from many addresses, a bounded number', async () => {
    const target = await start();
    for (let i = 0; i < 5; i += 1) expect((await loginFrom(target, '203.0.113.9', 'fair-lending@example.com', `guess-${i}`)).status).toBe(401);
    const before = await target.store.auditLogSize();
    const burst = await Promise.all(Array.from({ length: 200 }, () => loginFrom(target, '203.0.113.9', 'fair-lending@example.com', 'guess')));
    expect(count(burst, 429)).toBe(200);
    expect(await target.store.auditLogSize()).toBe(before);
    // Each new address may try: at most the account's 20 (15 left), each one checked failure,
    // and one entry for the account's lock.
    const spread = await Promise.all(Array.from({ length: 200 }, (_, i) => loginFrom(target, `198.51.100.${i}`, 'fair-lending@example.com', 'guess')));
    expect(checked(spread)).toBe(15);
    expect((await target.store.auditLogSize()) - before).toBe(15 + 1);
  }, 120_000);

  it('a signed-in user’s writes and refusals are rate limited (429 with Retry-After), and the audit log grows by a bounded amount', async () => {
    const target = await start();
    const elena = await signedIn(target, owner);
    const before = await target.store.auditLogSize();
    const writes = await Promise.all(Array.from({ length: 130 }, () => elena.post('/api/signing/nonces', { packageId: 'pkg_clinical_deterioration_risk' })));
    expect(count(writes, 201)).toBe(120);
    const refused = writes.filter((r) => r.status === 429);
    expect(refused).toHaveLength(10);
    for (const reply of refused) expectRateLimited(reply);
    // 120 nonces and one entry saying the limit was reached.
    expect((await target.store.auditLogSize()) - before).toBe(121);

    // Refusals are written too (access.denied), so they count the same way.
    const samuel = await signedIn(target, 'privacy@example.com');
    const denied = await Promise.all(Array.from({ length: 150 }, () => samuel.get('/api/audit')));
    expect(count(denied, 403)).toBe(120);
    expect(count(denied, 429)).toBe(30);
    expect(await auditActions(target.store, 'access.denied')).toBe(120);
    expect(await auditActions(target.store, 'access.rate_limited')).toBe(2);
  }, 120_000);
});

describe.each([
  ['SQLite', 'sqlite'],
  ['PostgreSQL', 'postgres'],
] as const)('failed single sign-ons (%s)', (_name, engine) => {
  it('are written at most 30 a minute per address; past that 429 and nothing is written', async () => {
    let store: Store;
    if (engine === 'sqlite') {
      const dataDir = mkdtempSync(join(tmpdir(), 'sso-flood-'));
      store = await openStore({ dataDir });
      open.push(async () => {
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      });
    } else {
      const database = await createTestDatabase(inject('databaseUrl'));
      store = await openStore({ databaseUrl: database.url, dataDir: '/nonexistent' });
      open.push(async () => {
        await store.close();
        await database.drop();
      });
    }
    // The provider is never reached: an unknown state fails before.
    const oidc = { issuer: new URL('https://idp.invalid'), clientId: 'model-approval', clientSecret: undefined, rolesClaim: 'roles', roleMap: undefined, displayName: 'SSO', scopes: 'openid email' };
    const app = createApp(serverDeps(store, { sessionTtlHours: 1 }), { oidc, trustProxy: true });
    const callback = async (i: number, address: string) => app.fetch(new Request(`http://localhost/api/auth/oidc/callback?state=forged-${i}&code=x`, { headers: { 'x-forwarded-for': address } }));
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => callback(i, '203.0.113.50')));
    expect(replies.filter((r) => r.status === 302)).toHaveLength(30);
    const refused = replies.filter((r) => r.status === 429);
    expect(refused).toHaveLength(20);
    expect(refused[0]?.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(refused[0]?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await auditActions(store, 'session.login_failed')).toBe(30);
    expect(await auditActions(store, 'access.rate_limited')).toBe(1);
    // Another address has its own allowance.
    expect((await callback(99, '203.0.113.51')).status).toBe(302);
  }, 120_000);
});
