import { problems } from '../kernel/problems.ts';
import type { RequestContext } from '../kernel/context.ts';
import type { StoredUser } from '../store/store.ts';

// Changing how an account proves itself (adding or removing a passkey) needs a fresh proof,
// not just a session cookie: a stolen cookie alone must not be able to enrol the thief's
// authenticator and then sign. Fresh means the password was confirmed on this session
// (POST /api/account/step-up) in the last ten minutes, or, for an account without a password
// (single sign-on), that the session itself began at the identity provider that recently.

export const stepUpWindowMs = 10 * 60_000;

export async function requireRecentAuthentication(ctx: RequestContext, user: StoredUser): Promise<void> {
  const session = ctx.sessionTokenHash ? await ctx.deps.store.findSession(ctx.sessionTokenHash) : null;
  const proofAt = user.passwordHash === '' ? session?.createdAt : session?.steppedUpAt;
  const age = proofAt ? ctx.deps.now().getTime() - Date.parse(proofAt) : Infinity;
  if (age <= stepUpWindowMs) return;
  throw problems.reauthenticationRequired(
    user.passwordHash === ''
      ? 'Sign in again through single sign-on, then change your passkeys within ten minutes.'
      : 'Confirm your password first: changing your passkeys needs a fresh proof that it is you.',
  );
}
