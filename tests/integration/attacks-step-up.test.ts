import { afterEach, describe, expect, inject, it } from 'vitest';
import { problemTypes } from '#domain/contracts/problem.ts';
import { signingChallenge } from '#domain/signing/challenge.ts';
import type { SigningPayload } from '#domain/contracts/signatures.ts';
import { createSoftwarePasskey } from '../support/software-authenticator.ts';
import { origin, type Target } from '../contract/support/client.ts';
import { postgresTarget, sqliteTarget } from '../contract/support/targets.ts';
import { accounts, payloadFor, signedIn } from '../contract/support/signing-scenarios.ts';

// Issue 16, finding 3: with nothing but security@'s session cookie an attacker enrolled a
// software authenticator and signed a decision that showed VALID. Changing an account's
// passkeys now needs the password confirmed on the session within ten minutes (step-up),
// and a passkey whose signature counter does not grow (a cloned authenticator) is refused.

const targets: [string, () => Promise<Target>][] = [
  ['SQLite', sqliteTarget],
  ['PostgreSQL', () => postgresTarget(inject('databaseUrl'))],
];

const open: Target[] = [];
afterEach(async () => {
  for (const target of open.splice(0)) await target.close();
});

describe.each(targets)('step-up before changing passkeys (%s)', (_engine, makeTarget) => {
  const start = async () => {
    const target = await makeTarget();
    open.push(target);
    return target;
  };

  it('a stolen session cookie alone cannot start enrolling or remove a passkey', async () => {
    const target = await start();
    const stolen = await signedIn(target, 'security@example.com');
    const refused = await stolen.post('/api/passkeys/registration-options', {});
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ type: problemTypes.reauthenticationRequired });
    const enrol = await stolen.post('/api/passkeys', { name: 'Attacker key', response: { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA' }, clientExtensionResults: {} } });
    expect(enrol.status).toBe(403);

    const user = await target.store.findUserByEmail('security@example.com');
    const key = await createSoftwarePasskey();
    await target.store.insertPasskey({ credentialId: 'cred-hannah', userId: user?.id ?? '', name: 'Hannah laptop', publicKeyJwk: key.publicKeyJwk, createdAt: new Date().toISOString() });
    expect((await stolen.delete('/api/passkeys/cred-hannah')).status).toBe(403);
    expect(await target.store.findPasskey('cred-hannah')).not.toBeNull();

    // A wrong password is refused at its field and audited; the right one opens ten minutes.
    const wrong = await stolen.post('/api/account/step-up', { password: 'guess' });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ errors: [{ pointer: '/password' }] });
    expect((await stolen.post('/api/account/step-up', { password: 'demo-password' })).status).toBe(200);
    expect((await stolen.post('/api/passkeys/registration-options', {})).status).toBe(201);
    const audited = await target.store.listAuditEntries({ action: 'session.stepped_up' }, 0, 10);
    expect(audited.map((e) => (JSON.parse(e.afterJson) as { ok: boolean }).ok)).toEqual([false, true]);

    target.advanceClock(11 * 60_000);
    expect((await stolen.post('/api/passkeys/registration-options', {})).status).toBe(403);
    expect((await stolen.delete('/api/passkeys/cred-hannah')).status).toBe(403);
  });

  it('a passkey whose signature counter does not grow (a clone) is refused at signing', async () => {
    const target = await start();
    const key = await createSoftwarePasskey();
    await target.store.insertPasskey({ credentialId: 'cred-elena', userId: accounts.elena.id, name: 'Test key', publicKeyJwk: key.publicKeyJwk, createdAt: new Date().toISOString() });
    const elena = await signedIn(target, 'model-risk@example.com');
    const draft = {
      packageId: 'pkg_clinical_deterioration_risk',
      versionNumber: 1,
      stepKey: 'model_risk',
      role: 'model_risk' as const,
      decision: 'approve_with_conditions' as const,
      reason: 'Adequate sensitivity.',
      conditions: { scope: 'Adult inpatient units only', reReviewOn: '2027-06-30', text: 'Monthly calibration report.' },
      signer: accounts.elena,
    };
    const signWith = async (payload: SigningPayload, counter: number) => {
      const assertion = await key.sign({ challenge: await signingChallenge(payload), origin, rpId: new URL(origin).hostname, counter });
      return elena.post(`/api/packages/${payload.packageId}/decisions`, { payload, authentication: { method: 'passkey', credentialId: 'cred-elena', userHandle: null, ...assertion } });
    };
    const cloned = await signWith(await payloadFor(elena, draft), 5);
    expect(cloned.status, JSON.stringify(cloned.body)).toBe(201);
    // The same counter again: the authenticator was copied, or the assertion replayed.
    const again = await signWith(await payloadFor(elena, { ...draft, packageId: 'pkg_support_assistant_llm', stepKey: 'model_risk' }), 5);
    expect(again.status).toBe(403);
    expect((again.body as { detail: string }).detail).toMatch(/signature counter/);
  });
});
