import type { SignatureMaterial, SigningAuthentication, SigningPayload } from '#domain/contracts/signatures.ts';
import { signingChallenge } from '#domain/signing/challenge.ts';
import { verifyPasskeyAssertion } from '#domain/signing/verify-passkey.ts';
import { signCountAcceptable, signCountOf } from '#domain/signing/sign-count.ts';
import type { RequestContext } from '../kernel/context.ts';
import { problems } from '../kernel/problems.ts';
import { newId } from '../kernel/new-id.ts';
import type { StoredPackage, StoredPasskey, StoredUser, StoreTx } from '../store/store.ts';
import { delayAfter } from '#domain/throttle/backoff.ts';
import { lockedBy, reserveAttempt, secondsUntil, settleSuccess, utcClockRoundedUp, type Lane, type ReservedLane } from '../throttle/lanes.ts';
import { signingPolicy } from '../throttle/policies.ts';

// The signer proves again who they are, by password or by a passkey whose challenge is
// derived from the signing payload (so the assertion itself signs the decision).

/** The lane of a user's signing attempts in one session: a stolen session cannot lock its owner's own. */
function signingLane(userId: string, sessionTokenHash: string | null): Lane<'signing'> {
  return { key: `signing:${userId}:${(sessionTokenHash ?? 'none').slice(0, 32)}`, policy: signingPolicy, onSuccess: 'clear', scope: 'signing' };
}

/** "1 minute", "4 minutes", "1 hour". */
function waitInWords(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * Admits a signed-in user's re-authentication (signing; a password change) through the lane of
 * their session, counted as a failure until it succeeds, or refuses it with 423 and Retry-After.
 * `what`: the start of the refusal ("Signing is", "Password changes are").
 */
export async function admitReauthentication(ctx: RequestContext, userId: string, what: string): Promise<ReservedLane<'signing'>[]> {
  const now = ctx.deps.now();
  const reservation = await reserveAttempt(ctx.deps.store, [signingLane(userId, ctx.sessionTokenHash)], now);
  if (reservation.admitted) return reservation.lanes;
  throw problems.locked(`${what} locked for your account until ${utcClockRoundedUp(reservation.retryAt)} UTC after repeated failed attempts.`, secondsUntil(reservation.retryAt, now));
}

/**
 * Re-authentication at signing. The attempt is counted as a failure before the secret is checked
 * (api/throttle/lanes.ts), so a burst of wrong passwords is checked only as far as the lane
 * allows; failures are recorded (and audited) whatever happens next.
 */
export async function reAuthenticate(ctx: RequestContext, user: StoredUser, pkg: StoredPackage, payload: SigningPayload, auth: SigningAuthentication): Promise<SignatureMaterial> {
  const { store } = ctx.deps;
  // An account without a password here re-authenticates with a passkey only.
  // Not a failed attempt (nothing was guessed), so it does not count towards the lock.
  if (auth.method === 'password' && user.passwordHash === '') {
    const message = 'Your account signs in through single sign-on and has no password here: sign with a passkey (add one under Passkeys).';
    throw problems.signingRefused(message, [{ pointer: '/authentication/method', message }]);
  }
  const now = ctx.deps.now();
  const lanes = await admitReauthentication(ctx, user.id, 'Signing is');

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
      else failure = await signCountRefusal(store, passkey, auth.authenticatorData);
      material = { method: 'passkey', credentialId: passkey.credentialId, publicKeyJwk: passkey.publicKeyJwk, authenticatorData: auth.authenticatorData, clientDataJSON: auth.clientDataJSON, signature: auth.signature };
    }
  }

  const at = now.toISOString();
  const locked = lockedBy(lanes)[0] ?? null;
  const left = Math.max(0, signingPolicy.free - (lanes[0]?.after.failures ?? signingPolicy.free));
  // The attempt is recorded in its own transaction: a refusal below must not roll it back.
  await store.transaction(async (tx) => {
    await tx.insertSigningAttempt({ id: newId(ctx.deps, 'att'), userId: user.id, at, ok: failure === null });
    if (failure === null) {
      for (const unlocked of await settleSuccess(tx, lanes, now)) {
        await tx.appendAudit({ event: { action: 'signing.unlocked', subject: user.id, before: { failures: unlocked.failures }, after: null }, actorId: user.id, at });
      }
      return;
    }
    await tx.appendAudit({ event: { action: 'signing.failed', subject: pkg.id, before: null, after: { method: auth.method, reason: failure, attemptsLeft: left } }, actorId: user.id, at });
    if (locked) await tx.appendAudit({ event: { action: 'signing.locked', subject: user.id, before: null, after: { until: locked.until.toISOString(), failures: locked.failures } }, actorId: user.id, at });
  });
  if (failure !== null) {
    const pointer = auth.method === 'password' ? '/authentication/password' : '/authentication';
    const firstLock = waitInWords(delayAfter(signingPolicy, signingPolicy.free));
    const tail = locked ? ` Signing is now locked for ${waitInWords(locked.until.getTime() - now.getTime())}.` : ` ${left} ${left === 1 ? 'attempt' : 'attempts'} left before signing is locked for ${firstLock}.`;
    throw problems.signingRefused(failure + tail, [{ pointer, message: failure }], locked ? 0 : left);
  }
  return material;
}

/** Why the assertion's signature counter is refused (a cloned authenticator), or null; a growing counter is stored at once, in one conditional update, so two racing assertions cannot both pass. */
async function signCountRefusal(store: Pick<StoreTx, 'raisePasskeySignCount'>, passkey: StoredPasskey, authenticatorData: string): Promise<string | null> {
  const stored = passkey.signCount ?? 0;
  const next = signCountOf(authenticatorData) ?? 0;
  const refusal = `The passkey's signature counter did not increase (${next} after ${stored}): the authenticator may have been copied.`;
  if (!signCountAcceptable(stored, next)) return refusal;
  if (next === 0) return null;
  return (await store.raisePasskeySignCount(passkey.credentialId, next)) ? null : refusal;
}
