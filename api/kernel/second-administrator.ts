import { accountRequestLifetimeMs } from '#domain/accounts/privileged-changes.ts';
import { z } from 'zod';
import { problems } from './problems.ts';
import type { StoredUser, StoreTx } from '../store/store.ts';

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

/** The item another administrator may still decide at `now`, or a refusal (nothing is stored). */
export function assertDecidable<T extends AwaitingDecision>(found: T | null, id: string, deciderId: string, now: string, names: DecidableNames): T {
  if (!found) throw problems.notFound(`No ${names.noun} ${id}.`);
  if (found.decision) throw problems.conflict(`This ${names.short} was ${found.decision} already.`);
  if (found.expiresAt <= now) throw problems.conflict(`This ${names.short} expired without a decision; file a new one if the change is still wanted.`);
  if (found.requestedBy === deciderId) throw problems.forbidden(`You filed this ${names.short}; another administrator approves or rejects it.`);
  return found;
}

/**
 * Whether whoever filed a request or proposal still stands behind it as an administrator: an
 * enabled account holding the role. A filing is half of a two-person decision; once its filer
 * was disabled or lost the role, approving it would let one administrator act alone (0192).
 */
export const requesterStandingSchema = z.enum(['administrator', 'disabled', 'disabled_since_filing', 'not_administrator']);
export type RequesterStanding = z.infer<typeof requesterStandingSchema>;

/** `disabledSinceFiling`: the filer was disabled after filing (and is enabled again, or `disabled` says so): the filing is void, as the approval finds it. */
export function requesterStanding(requester: Pick<StoredUser, 'roles' | 'disabledAt'> | null | undefined, disabledSinceFiling = false): RequesterStanding {
  if (requester?.disabledAt) return 'disabled';
  if (disabledSinceFiling) return 'disabled_since_filing';
  return requester?.roles.includes('admin') ? 'administrator' : 'not_administrator';
}

type Filing = { requestedBy: string; requestedAt: string };

/**
 * For a list: which filings' filers were disabled at or after filing, in one read of the
 * `user.disabled` entries since the oldest filing (a list of pending filings spans 72 hours).
 */
export async function disabledSinceFiling(store: Pick<StoreTx, 'listAuditEntries'>, filings: readonly Filing[]): Promise<(filing: Filing) => boolean> {
  const oldest = filings.reduce<string | null>((min, f) => (min === null || f.requestedAt < min ? f.requestedAt : min), null);
  if (oldest === null) return () => false;
  const disabled = await store.listAuditEntries({ action: 'user.disabled', fromAt: oldest }, 0, 100_000);
  return (filing) => disabled.some((entry) => entry.subject === filing.requestedBy && entry.at >= filing.requestedAt);
}

/**
 * Refuses an approval (409, stable type) when the filer no longer is an enabled administrator,
 * read in the approval's transaction; the caller holds the filer's account lock, which disabling
 * an account and changing its roles take too. Rejecting stays open. A filer disabled after
 * filing and enabled again no longer stands behind it either.
 */
export async function assertRequesterStillAdministrator(
  tx: Pick<StoreTx, 'findUserById' | 'countAuditEntries'>,
  filed: { requestedBy: string; requestedAt: string },
  names: DecidableNames,
): Promise<void> {
  const { requestedBy } = filed;
  const requester = await tx.findUserById(requestedBy);
  const who = requester?.displayName ?? requestedBy;
  // Disabled at any time since filing, the filing is void even once enabled again: enabling
  // needs no second administrator, so otherwise the approver could disable-enable their way
  // past this check alone (adversary finding on 0192).
  const disabledSince = await tx.countAuditEntries({ action: 'user.disabled', subject: requestedBy, fromAt: filed.requestedAt });
  if (disabledSince > 0 && !requester?.disabledAt) {
    throw problems.requesterNoLongerAdministrator(`This ${names.short} can no longer be approved: ${who}, who filed it, was disabled after filing it; enabling the account again does not revive it. Reject it; another administrator may file it again.`);
  }
  const standing = requesterStanding(requester);
  if (standing === 'administrator') return;
  const why = standing === 'disabled' ? `${who}, who filed it, has been disabled since` : `${who}, who filed it, no longer holds the administrator role`;
  throw problems.requesterNoLongerAdministrator(`This ${names.short} can no longer be approved: ${why}. Reject it; another administrator may file it again.`);
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
