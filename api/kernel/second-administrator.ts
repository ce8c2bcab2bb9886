import { accountRequestLifetimeMs } from '#domain/accounts/privileged-changes.ts';
import { z } from 'zod';
import { problems } from './problems.ts';
import type { StoredUser, StoreTx } from '../store/store.ts';
import { voidedSinceFiling, type FiledEntry, type VoidedSince } from './filer-standing.ts';

// What waits for a second administrator (account requests, 0175; catalogue proposals, 0182) is
// decided under one rule: once, before it lapses, and never by whoever filed it.

export interface AwaitingDecision {
  decision: 'approved' | 'rejected' | null;
  expiresAt: string;
  requestedBy: string;
}

/** How refusals name the thing: `noun` in "No account request …", `short` in "This request …". */
export interface DecidableNames {
  noun: string;
  short: string;
}

/**
 * The item still awaiting a decision at `now`, or a refusal (nothing is stored). These refusals
 * read the row's decision and expiry before anything has shown the row to be as filed: an edit
 * can only make them refuse, never let an approval through (0198, amended 2026-12-06).
 */
export function assertOpen<T extends AwaitingDecision>(found: T | null, id: string, now: string, names: DecidableNames): T {
  if (!found) throw problems.notFound(`No ${names.noun} ${id}.`);
  if (found.decision) throw problems.conflict(`This ${names.short} was ${found.decision} already.`);
  if (found.expiresAt <= now) throw problems.conflict(`This ${names.short} expired without a decision; file a new one if the change is still wanted.`);
  return found;
}

/**
 * Refuses (403) whoever filed it. The row's filer is believed as stored, so an approval runs its
 * tamper check first: an edited filer is then a tamper signal, not a quiet 403 (0198, amended).
 */
export function assertNotFiler(found: AwaitingDecision, deciderId: string, names: DecidableNames): void {
  if (found.requestedBy === deciderId) throw problems.forbidden(`You filed this ${names.short}; another administrator approves or rejects it.`);
}

/**
 * Whether whoever filed a request or proposal still stands behind it as an administrator: an
 * enabled account holding the role, neither disabled nor demoted since filing. A filing is half
 * of a two-person decision; once its filer was disabled or lost the role, approving it would let
 * one administrator act alone (0192).
 */
export const requesterStandingSchema = z.enum(['administrator', 'disabled', 'disabled_since_filing', 'not_administrator', 'role_lost_since_filing']);
export type RequesterStanding = z.infer<typeof requesterStandingSchema>;

/** `voided`: what happened since filing (filer-standing.ts); it counts only while the account is enabled and an administrator now, which `disabled`/`not_administrator` say first. */
export function requesterStanding(requester: Pick<StoredUser, 'roles' | 'disabledAt'> | null | undefined, voided: VoidedSince = null): RequesterStanding {
  if (requester?.disabledAt) return 'disabled';
  if (voided === 'disabled_since_filing') return voided;
  if (!requester?.roles.includes('admin')) return 'not_administrator';
  return voided ?? 'administrator';
}

const refusals: Record<Exclude<RequesterStanding, 'administrator'>, string> = {
  disabled: 'has been disabled since',
  // Enabling and granting need no second administrator (0175), so the approver could otherwise
  // disable-enable or demote-promote their way past this check alone (adversary findings on 0192).
  disabled_since_filing: 'was disabled after filing it; enabling the account again does not revive it',
  not_administrator: 'no longer holds the administrator role',
  role_lost_since_filing: 'lost the administrator role after filing it; granting it again does not revive it',
};

/**
 * Refuses an approval (409, stable type) when the filer no longer is an enabled administrator or
 * was disabled or demoted after the filing's audit entry (by seq, not clock), read in the
 * approval's transaction; the caller holds the filer's account lock, which disabling an account
 * and changing its roles take too. Rejecting stays open.
 */
export async function assertRequesterStillAdministrator(tx: Pick<StoreTx, 'findUserById' | 'listAuditEntries'>, filed: FiledEntry, names: DecidableNames): Promise<void> {
  const { requestedBy } = filed;
  const requester = await tx.findUserById(requestedBy);
  const voided = (await voidedSinceFiling(tx, [filed], requestedBy))(filed);
  const standing = requesterStanding(requester, voided);
  if (standing === 'administrator') return;
  const who = requester?.displayName ?? requestedBy;
  throw problems.requesterNoLongerAdministrator(`This ${names.short} can no longer be approved: ${who}, who filed it, ${refusals[standing]}. Reject it; another administrator may file it again.`);
}

/** When something filed now lapses undecided: 72 hours, for account requests and catalogue proposals alike. */
export function decisionWindow(now: Date): { requestedAt: string; expiresAt: string } {
  return { requestedAt: now.toISOString(), expiresAt: new Date(now.getTime() + accountRequestLifetimeMs).toISOString() };
}

/** How many accounts hold the administrator role, disabled ones included (a disabled administrator can be enabled again, so disabling one does not make another the only one). */
export async function countAdministrators(tx: Pick<StoreTx, 'listUsers'>): Promise<number> {
  return (await tx.listUsers()).filter((user) => user.roles.includes('admin')).length;
}

/** A person as these views name them. */
export const personSchema = z.object({ id: z.string(), displayName: z.string() });

/** What every view of something awaiting a second administrator answers: who filed it, when it lapses, its status and decision. */
export const awaitingViewShape = {
  requestedBy: personSchema,
  requestedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  status: z.enum(['pending', 'approved', 'rejected', 'expired']),
  /** Whether its filer still is an enabled administrator: a pending one whose filer is not can only be rejected (0192). */
  requesterStanding: requesterStandingSchema,
  decidedBy: personSchema.nullable(),
  decidedAt: z.iso.datetime().nullable(),
};
