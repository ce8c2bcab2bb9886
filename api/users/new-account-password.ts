import { problems } from '../kernel/problems.ts';
import type { RequestContext } from '../kernel/context.ts';
import { assertAcceptablePassword } from './managed-user.ts';

// The password a new account starts with (docs/decisions/0186), one rule for a direct creation
// and for a creation filed as a request. Mail off: the administrator's temporary password,
// required, handed over out of band (0175, 0181: there is no other channel). Mail on: none is
// taken; the account gets the hash of a secret nobody keeps, so no password signs in to it, and
// its holder sets one through a link mailed to the account's own address. Sending one anyway is
// refused at its field rather than ignored: an old client ignored would hand out a password that
// does not work.

/** The temporary password to set (mail off), or null (mail on: a link instead); refuses at the field before anything is stored. */
export function temporaryPasswordOf(body: { temporaryPassword?: string | undefined; email: string; displayName: string }, mailOn: boolean): string | null {
  if (mailOn) {
    if (body.temporaryPassword !== undefined) {
      throw problems.validation([{ pointer: '/temporaryPassword', message: 'With mail on, no administrator sets a new account’s password: its holder sets it through a link mailed to their address. Send none' }]);
    }
    return null;
  }
  if (body.temporaryPassword === undefined) throw problems.validation([{ pointer: '/temporaryPassword', message: 'Enter a temporary password to give them; they replace it when they first sign in' }]);
  assertAcceptablePassword(body.temporaryPassword, '/temporaryPassword', body);
  return body.temporaryPassword;
}

/** A hash no password matches in practice: of two random tokens (at least 2 × 192 bits), thrown away at once. */
export async function unusablePasswordHash(ctx: RequestContext): Promise<string> {
  return ctx.deps.passwords.hash(`${ctx.deps.randomToken()}${ctx.deps.randomToken()}`);
}
