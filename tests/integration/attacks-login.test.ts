import { afterEach, describe, expect, inject, it } from 'vitest';
import { problemTypes } from '#domain/contracts/problem.ts';
import { Client, type Reply, type Target } from '../contract/support/client.ts';
import { mockTarget, postgresTarget, sqliteTarget } from '../contract/support/targets.ts';

// Brute force of log-in, on the mocks, SQLite and PostgreSQL: five failures make the account
// wait (429 with the time to come back and retry-after) even for the right password; unknown
// emails get the same answers; the wait passes, and grows with each further failure (1, 2, 4
// ... minutes: no fixed fifteen-minute lock any more, which anyone could renew to keep an
// approver out; docs/decisions/0065-throttling.md); a success starts the count again. Every
// checked password is a session.login_failed audit entry and each lock one session.login_locked
// entry; attempts refused while locked are not written (they were each an entry before).
// Bursts, other clients and trusted devices: tests/integration/attacks-login-burst.test.ts.

const targets: [string, () => Promise<Target>][] = [
  ['mocks', mockTarget],
  ['server on SQLite', sqliteTarget],
  ['server on PostgreSQL', () => postgresTarget(inject('databaseUrl'))],
];

const open: Target[] = [];
afterEach(async () => {
  for (const target of open.splice(0)) await target.close();
});

const minute = 60_000;
const login = (target: Target, email: string, password: string) => new Client(target).login(email, password);
const detail = (reply: Reply) => (reply.body as { detail?: string }).detail ?? '';

async function fail(target: Target, email: string, times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) expect((await login(target, email, `wrong-${i}`)).status).toBe(401);
}

async function lockedReasons(target: Target, email: string): Promise<string[]> {
  const entries = await target.store.listAuditEntries({ action: 'session.login_failed', subject: email }, 0, 100);
  return entries.map((e) => (JSON.parse(e.afterJson) as { reason: string }).reason);
}

describe.each(targets)('brute force of log-in (%s)', (_name, makeTarget) => {
  const start = async () => {
    const target = await makeTarget();
    open.push(target);
    return target;
  };

  it('makes the account wait after five failures, even for the right password, with the time to come back', async () => {
    const target = await start();
    await fail(target, 'model-risk@example.com', 4);
    // The minute starts at the fifth failure: what is left of it when the next answer comes
    // depends on how long these two requests took (seconds on a loaded machine), not on a margin.
    const beforeFifth = Date.now();
    await fail(target, 'model-risk@example.com', 1);
    const locked = await login(target, 'model-risk@example.com', 'demo-password');
    const elapsedSeconds = Math.ceil((Date.now() - beforeFifth) / 1000);
    expect(locked.status).toBe(429);
    expect(locked.contentType).toContain('application/problem+json');
    expect(locked.body).toMatchObject({ type: problemTypes.rateLimited, status: 429 });
    expect(detail(locked)).toMatch(/^Too many failed sign-ins for this account; try again after \d{2}:\d{2} UTC\.$/);
    // The first wait is a minute (it was fifteen before growing delays).
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(60 - elapsedSeconds);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The named time is when the retry-after points, rounded up to the minute.
    const until = new Date(Math.ceil((Date.now() + retryAfter * 1000) / minute) * minute).toISOString().slice(11, 16);
    expect([until, new Date(Date.parse(`1970-01-01T${until}:00Z`) - minute).toISOString().slice(11, 16)]).toContain(detail(locked).match(/after (\d{2}:\d{2})/)?.[1]);
    // Five checked passwords, one lock; the refused attempt itself is not written.
    expect(await lockedReasons(target, 'model-risk@example.com')).toEqual(Array<string>(5).fill('wrong_password'));
    const locks = await target.store.listAuditEntries({ action: 'session.login_locked', subject: 'model-risk@example.com' }, 0, 100);
    expect(locks.map((e) => JSON.parse(e.afterJson) as { scope: string; failures: number })).toEqual([expect.objectContaining({ scope: 'account_on_client', failures: 5 })]);
    // Other accounts are not affected.
    expect((await login(target, 'privacy@example.com', 'demo-password')).status).toBe(200);
  });

  it('answers an unknown email exactly like a real one, so the lock does not reveal which accounts exist', async () => {
    const target = await start();
    const unknown = 'nobody-here@example.com';
    const real = 'security@example.com';
    const answersFor = async (email: string) => {
      const replies: Reply[] = [];
      for (let i = 0; i < 6; i += 1) replies.push(await login(target, email, 'guess'));
      return replies.map((r) => [r.status, r.contentType, detail(r).replace(/\d{2}:\d{2}/, 'HH:MM')]);
    };
    const [forUnknown, forReal] = [await answersFor(unknown), await answersFor(real)];
    expect(forUnknown).toEqual(forReal);
    expect(forUnknown.map(([status]) => status)).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('the wait passes and grows with each further failure, and a success starts the count again', async () => {
    const target = await start();
    const email = 'fair-lending@example.com';
    await fail(target, email, 5);
    target.advanceClock(59_000);
    expect((await login(target, email, 'demo-password')).status).toBe(429);
    target.advanceClock(2_000);
    expect((await login(target, email, 'demo-password')).status).toBe(200);

    // Four failures, a success, four more: never five since the success, so never locked.
    await fail(target, email, 4);
    expect((await login(target, email, 'demo-password')).status).toBe(200);
    await fail(target, email, 4);
    expect((await login(target, email, 'demo-password')).status).toBe(200);

    // Five failures wait a minute; the sixth, a minute later, makes the next wait two.
    await fail(target, email, 5);
    target.advanceClock(60_000 + 1_000);
    await fail(target, email, 1);
    target.advanceClock(60_000);
    expect((await login(target, email, 'demo-password')).status).toBe(429);
    // Attempts refused while locked do not count and do not extend the wait.
    for (let i = 0; i < 3; i += 1) expect((await login(target, email, 'demo-password')).status).toBe(429);
    target.advanceClock(60_000 + 1_000);
    expect((await login(target, email, 'demo-password')).status).toBe(200);
  });
});
