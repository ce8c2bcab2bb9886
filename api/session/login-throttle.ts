import type { AuditAppend } from '../store/audit.ts';
import type { RequestContext } from '../kernel/context.ts';
import { problems } from '../kernel/problems.ts';
import { lockedBy, reserveAttempt, secondsUntil, settleSuccess, utcClockRoundedUp, type Lane, type ReservedLane } from '../throttle/lanes.ts';
import { loginPolicies } from '../throttle/policies.ts';
import type { StoreTx } from '../store/store.ts';

// Guessing passwords at sign-in, throttled by growing delays (docs/decisions/0065-throttling.md).
// An attempt passes through lanes, each counting failures of one key:
//   - the account from this client address (five free failures, then 1, 2, 4 ... minutes);
//   - the account from every client it has not been used on (twenty free), which bounds
//     guessing spread over many addresses;
//   - the client address, whatever the account (fifty free), against password spraying.
// A browser that signed in to the account before (its trusted-device cookie) has one lane of
// its own instead, so nobody else's failures can keep the account's owner out there.
// Lanes are keyed by the email as typed (normalized), so an unknown email is throttled exactly
// like a real one and the answers never tell which accounts exist.

export type LoginScope = 'account_on_client' | 'account_on_device' | 'account' | 'client';

export type LoginReservation = ReservedLane<LoginScope>[];

/** `device`: the hash of a trusted-device token valid for this email, if the browser sent one. */
export function loginLanes(email: string, clientAddress: string | null, device: string | null): Lane<LoginScope>[] {
  const account = email.trim().toLowerCase();
  if (device) return [{ key: `login:device:${device}:${account}`, policy: loginPolicies.accountOnClient, onSuccess: 'clear', scope: 'account_on_device' }];
  const client = clientAddress ?? 'unknown';
  return [
    { key: `login:account-client:${account}|${client}`, policy: loginPolicies.accountOnClient, onSuccess: 'clear', scope: 'account_on_client' },
    { key: `login:account:${account}`, policy: loginPolicies.account, onSuccess: 'clear', scope: 'account' },
    // A success gives back only its own attempt: signing in to one's own account must not
    // reset a count that an address spraying other accounts has run up.
    { key: `login:client:${client}`, policy: loginPolicies.client, onSuccess: 'refund', scope: 'client' },
  ];
}

/**
 * Admits the attempt and counts it as a failure in every lane, before the password is checked,
 * or refuses it with 429 (written nowhere: the lock was audited when it began).
 */
export async function admitLogin(ctx: RequestContext, email: string, device: string | null): Promise<LoginReservation> {
  const now = ctx.deps.now();
  const reservation = await reserveAttempt(ctx.deps.store, loginLanes(email, ctx.clientAddress, device), now);
  if (reservation.admitted) return reservation.lanes;
  const whose = reservation.lane.scope === 'client' ? 'from this network address' : 'for this account';
  throw problems.rateLimited(`Too many failed sign-ins ${whose}; try again after ${utcClockRoundedUp(reservation.retryAt)} UTC.`, secondsUntil(reservation.retryAt, now));
}

/** The audit entries of the lanes this failure made wait: one per lane and failure, never one per refused request. */
export function lockEntries(ctx: RequestContext, email: string, reserved: LoginReservation, actorId: string | null): AuditAppend[] {
  const at = ctx.deps.now().toISOString();
  return lockedBy(reserved).map(({ lane, failures, until }): AuditAppend => {
    const client = lane.scope === 'account_on_client' || lane.scope === 'client' ? { client: ctx.clientAddress ?? 'unknown' } : {};
    const subject = lane.scope === 'client' ? `client ${ctx.clientAddress ?? 'unknown'}` : email;
    return { event: { action: 'session.login_locked', subject, before: null, after: { scope: lane.scope, failures, until: until.toISOString(), ...client } }, actorId, at };
  });
}

/** After the right password, in the transaction that starts the session: the lanes let go, and the locks this lifts are audited. */
export async function settleLogin(tx: StoreTx, ctx: RequestContext, email: string, reserved: LoginReservation, actorId: string): Promise<void> {
  const at = ctx.deps.now();
  for (const { lane, failures } of await settleSuccess(tx, reserved, at)) {
    await tx.appendAudit({ event: { action: 'session.login_unlocked', subject: email, before: { scope: lane.scope, failures }, after: null }, actorId, at: at.toISOString() });
  }
}
