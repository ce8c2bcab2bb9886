import { accountRequestLifetimeMs } from '#domain/accounts/privileged-changes.ts';
import { z } from 'zod';
import { problems } from './problems.ts';
import type { StoreTx } from '../store/store.ts';

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
  decidedBy: personSchema.nullable(),
  decidedAt: z.iso.datetime().nullable(),
};
