import { describe, expect, inject, it } from 'vitest';
import { startCleanup } from '#server/timers/cleanup.ts';
import type { Target } from '../contract/support/client.ts';
import { postgresTarget, sqliteTarget } from '../contract/support/targets.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';

// Issue 16, finding 11 (part): sessions, signing nonces, passkey challenges and sign-in failure
// rows (now throttle rows and trusted devices) were never deleted, so anyone able to sign in,
// or just to fail to, grew the tables without end. The clean-up pass on the server's repeating timer deletes what has expired,
// and leaves alone what is evidence: used nonces (the issue of the nonce a decision carries)
// and the audit log.

const defer = cleanUpAfterEach();
const minute = 60_000;
const day = 24 * 60 * minute;
const packageId = 'pkg_clinical_deterioration_risk';

async function open(engine: 'sqlite' | 'postgres'): Promise<Target> {
  const target = engine === 'sqlite' ? await sqliteTarget() : await postgresTarget(inject('databaseUrl'));
  defer(() => target.close());
  return target;
}

describe.each(['sqlite', 'postgres'] as const)('the clean-up pass on %s', (engine) => {
  it('deletes expired sessions, expired unused nonces, expired passkey challenges, forgotten throttle rows and expired devices, and nothing else', async () => {
    const { store } = await open(engine);
    const [user] = await store.listUsers();
    if (!user) throw new Error('seeded users expected');
    const now = Date.now();
    const iso = (offset: number) => new Date(now + offset).toISOString();

    // What an attacker leaves behind by signing in, starting to sign and enrolling, again and again.
    for (let i = 0; i < 50; i++) {
      await store.insertSession({ tokenHash: `expired-session-${i}`, userId: user.id, createdAt: iso(-2 * day), expiresAt: iso(-day) });
      await store.insertNonce({ nonceHash: `expired-nonce-${i}`, userId: user.id, packageId, issuedAt: iso(-day), expiresAt: iso(-day + 5 * minute), usedAt: null });
      await store.insertPasskeyChallenge({ challengeHash: `expired-challenge-${i}`, userId: user.id, expiresAt: iso(-day) });
      await store.saveThrottle({ key: `login:account:guess-${i}@example.com`, count: 3, startedAt: iso(-3 * day), lastAt: iso(-2 * day), notedAt: null });
      await store.saveTrustedDevice({ tokenHash: `expired-device-${i}`, email: user.email, createdAt: iso(-100 * day), expiresAt: iso(-day) });
    }
    // What is still live, or is evidence.
    await store.insertSession({ tokenHash: 'live-session', userId: user.id, createdAt: iso(-minute), expiresAt: iso(day) });
    await store.insertNonce({ nonceHash: 'live-nonce', userId: user.id, packageId, issuedAt: iso(-minute), expiresAt: iso(4 * minute), usedAt: null });
    await store.insertNonce({ nonceHash: 'used-nonce', userId: user.id, packageId, issuedAt: iso(-day), expiresAt: iso(-day + 5 * minute), usedAt: iso(-day + minute) });
    await store.insertPasskeyChallenge({ challengeHash: 'live-challenge', userId: user.id, expiresAt: iso(4 * minute) });
    await store.saveThrottle({ key: 'login:account:recent@example.com', count: 3, startedAt: iso(-minute), lastAt: iso(-minute), notedAt: null });
    await store.saveTrustedDevice({ tokenHash: 'live-device', email: user.email, createdAt: iso(-day), expiresAt: iso(30 * day) });
    const throttles = (keys: string[]) => store.transaction((tx) => tx.lockThrottles(keys));
    const auditBefore = await store.auditLogSize();

    const cleanup = startCleanup({ store, intervalMs: 3_600_000, now: () => new Date(now) });
    await cleanup.stop(); // the pass at start has run

    for (let i = 0; i < 50; i++) {
      expect(await store.findSession(`expired-session-${i}`)).toBeNull();
      expect(await store.findNonce(`expired-nonce-${i}`)).toBeNull();
      // Would mark the challenge used if its row were still there (the time given is before it expired).
      expect(await store.usePasskeyChallenge(`expired-challenge-${i}`, user.id, iso(-2 * day))).toBe(false);
      expect(await store.findTrustedDevice(`expired-device-${i}`, user.email)).toBeNull();
    }
    expect(await throttles(Array.from({ length: 50 }, (_, i) => `login:account:guess-${i}@example.com`))).toEqual([]);
    expect(await store.findSession('live-session')).not.toBeNull();
    expect(await store.findNonce('live-nonce')).not.toBeNull();
    expect(await store.findNonce('used-nonce')).toMatchObject({ usedAt: iso(-day + minute) });
    expect(await store.usePasskeyChallenge('live-challenge', user.id, iso(0))).toBe(true);
    expect(await throttles(['login:account:recent@example.com'])).toHaveLength(1);
    expect(await store.findTrustedDevice('live-device', user.email)).not.toBeNull();
    expect(await store.auditLogSize()).toBe(auditBefore);
  });
});
