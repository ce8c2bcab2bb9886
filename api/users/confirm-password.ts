import { problems } from '../kernel/problems.ts';
import { newId } from '../kernel/new-id.ts';
import type { RequestContext } from '../kernel/context.ts';
import type { StoredUser } from '../store/store.ts';
import { admitReauthentication } from '../signing/re-authenticate.ts';
import { settleSuccess } from '../throttle/lanes.ts';

// Checks the signed-in person's password again (a password change, a step-up) through the
// same throttle as signing re-authentication: the attempt counts as a failure before the
// password is checked, so a burst through a stolen session is checked only as far as the
// session's lane allows, and a success settles it.

export async function confirmPassword(ctx: RequestContext, user: StoredUser, password: string): Promise<boolean> {
  const { store, passwords, now } = ctx.deps;
  if (user.passwordHash === '') throw problems.conflict('Your account signs in through single sign-on and has no password here.');
  const lanes = await admitReauthentication(ctx, user.id, 'Password checks are');
  const ok = await passwords.verify(password, user.passwordHash);
  await store.transaction(async (tx) => {
    await tx.insertSigningAttempt({ id: newId(ctx.deps, 'att'), userId: user.id, at: now().toISOString(), ok });
    if (ok) await settleSuccess(tx, lanes, now());
  });
  return ok;
}
