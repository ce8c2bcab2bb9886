import { sha256Hex } from '#domain/crypto/sha256.ts';
import type { RequestContext } from '../kernel/context.ts';
import { readCookie } from '../kernel/cookies.ts';
import { trustedDeviceMs } from '../throttle/policies.ts';
import type { StoreTx } from '../store/store.ts';

// A browser that signed in to an account with its password gets a random device token
// (HttpOnly, sent only to /api/session). Its later log-in attempts to that account go through a
// lane of their own (login-throttle.ts), so failures from elsewhere, however many addresses
// they come from, cannot keep the owner out on a browser they have used. The token proves
// nothing but an earlier sign-in on this browser: the password is still checked every time.

const devicePath = '/api/session';

/** Over https __Secure- (kept only with Secure); not __Host-, which needs Path=/. */
function deviceCookieName(secure: boolean): string {
  return secure ? '__Secure-ma_device' : 'ma_device';
}

function deviceCookie(token: string, secure: boolean): string {
  return [`${deviceCookieName(secure)}=${token}`, `Path=${devicePath}`, 'HttpOnly', 'SameSite=Strict', `Max-Age=${Math.floor(trustedDeviceMs / 1000)}`, ...(secure ? ['Secure'] : [])].join('; ');
}

/** The device token the browser sent, if it has the shape of one. */
function sentToken(ctx: RequestContext): string | null {
  const token = readCookie(ctx.cookies, deviceCookieName(ctx.secure));
  return token && /^[\w-]{16,128}$/.test(token) ? token : null;
}

/** The hash of the browser's device token when it is trusted for this email; null otherwise. */
export async function trustedDeviceFor(ctx: RequestContext, email: string): Promise<string | null> {
  const token = sentToken(ctx);
  if (!token) return null;
  const tokenHash = await sha256Hex(token);
  const device = await ctx.deps.store.findTrustedDevice(tokenHash, email.trim().toLowerCase());
  return device && device.expiresAt > ctx.deps.now().toISOString() ? tokenHash : null;
}

/**
 * After a password sign-in: trusts this browser for the account (for another 90 days); answers
 * its Set-Cookie. `trusted`: the browser's token was already trusted for this account. Any other
 * token it sent is replaced, never adopted, so a token planted in the browser by someone else
 * cannot become trusted (and then be theirs to run into the lock).
 */
export async function trustDevice(tx: StoreTx, ctx: RequestContext, email: string, trusted: boolean): Promise<string> {
  const now = ctx.deps.now();
  const token = (trusted ? sentToken(ctx) : null) ?? ctx.deps.randomToken();
  await tx.saveTrustedDevice({ tokenHash: await sha256Hex(token), email: email.trim().toLowerCase(), createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + trustedDeviceMs).toISOString() });
  return deviceCookie(token, ctx.secure);
}
