import type { SignatureMaterial, SigningAuthentication, SigningPayload } from '#domain/contracts/signatures.ts';
import { signingChallenge } from '#domain/signing/challenge.ts';
import { verifyPasskeyAssertion } from '#domain/signing/verify-passkey.ts';
import type { RequestContext } from '../kernel/context.ts';
import { problems } from '../kernel/problems.ts';
import { newId } from '../kernel/new-id.ts';
import type { StoredPackage, StoredUser } from '../store.ts';
import { attemptsLeft, signingLockedUntil, signingLockMs } from './signing-checks.ts';

// The signer proves again who they are, by password or by a passkey whose challenge is
// derived from the signing payload (so the assertion itself signs the decision).

/** Re-authentication at signing; failures are recorded (and audited) whatever happens next. */
export async function reAuthenticate(ctx: RequestContext, user: StoredUser, pkg: StoredPackage, payload: SigningPayload, auth: SigningAuthentication): Promise<SignatureMaterial> {
  const { store } = ctx.deps;
  // An account without a password here re-authenticates with a passkey only.
  // Not a failed attempt (nothing was guessed), so it does not count towards the lock.
  if (auth.method === 'password' && user.passwordHash === '') {
    const message = 'Your account signs in through single sign-on and has no password here: sign with a passkey (add one under Passkeys).';
    throw problems.signingRefused(message, [{ pointer: '/authentication/method', message }]);
  }
  const now = ctx.deps.now();
  const since = new Date(now.getTime() - signingLockMs).toISOString();
  const lockedUntil = signingLockedUntil(await store.listSigningAttempts(user.id, since), now);
  if (lockedUntil) throw problems.locked(`Signing is locked for your account until ${lockedUntil.toISOString().slice(11, 16)} UTC after repeated failed attempts.`);

  let failure: string | null = null;
  let material: SignatureMaterial = { method: 'password' };
  if (auth.method === 'password') {
    if (!(await ctx.deps.passwords.verify(auth.password, user.passwordHash))) failure = 'The password is not correct.';
  } else {
    const passkey = await store.findPasskey(auth.credentialId);
    if (passkey?.userId !== user.id) {
      failure = 'This passkey is not registered to your account.';
    } else {
      const verdict = await verifyPasskeyAssertion({
        publicKeyJwk: passkey.publicKeyJwk,
        authenticatorData: auth.authenticatorData,
        clientDataJSON: auth.clientDataJSON,
        signature: auth.signature,
        expectedChallenge: await signingChallenge(payload),
        expectedOrigin: ctx.origin,
        expectedRpId: new URL(ctx.origin).hostname,
      });
      if (!verdict.ok) failure = `The passkey signature was not accepted: ${verdict.reason}`;
      material = { method: 'passkey', credentialId: passkey.credentialId, publicKeyJwk: passkey.publicKeyJwk, authenticatorData: auth.authenticatorData, clientDataJSON: auth.clientDataJSON, signature: auth.signature };
    }
  }

  const at = now.toISOString();
  // The attempt is recorded in its own transaction: a refusal below must not roll it back.
  const left = await store.transaction(async (tx) => {
    await tx.insertSigningAttempt({ id: newId(ctx.deps, 'att'), userId: user.id, at, ok: failure === null });
    if (failure === null) return null;
    const remaining = attemptsLeft(await tx.listSigningAttempts(user.id, since));
    await tx.appendAudit({ event: { action: 'signing.failed', subject: pkg.id, before: null, after: { method: auth.method, reason: failure, attemptsLeft: remaining } }, actorId: user.id, at });
    if (remaining === 0) {
      const until = new Date(now.getTime() + signingLockMs).toISOString();
      await tx.appendAudit({ event: { action: 'signing.locked', subject: user.id, before: null, after: { until } }, actorId: user.id, at });
    }
    return remaining;
  });
  if (failure !== null && left !== null) {
    const pointer = auth.method === 'password' ? '/authentication/password' : '/authentication';
    const tail = left === 0 ? ' Signing is now locked for 15 minutes.' : ` ${left} ${left === 1 ? 'attempt' : 'attempts'} left before signing is locked for 15 minutes.`;
    throw problems.signingRefused(failure + tail, [{ pointer, message: failure }]);
  }
  return material;
}

