import type { RequestContext } from './context.ts';
import type { StoreTx } from '../store/store.ts';
import { countAdministrators } from './second-administrator.ts';
import { problems } from './problems.ts';

// One shape for every catalogue change (docs/decisions/0182): its checks run first, in the
// caller's transaction under the catalogue lock, and hand back the write. The direct route
// writes at once; a proposal only runs the checks (nothing stored); an approval runs them again
// on the stored body and writes, with the approver as actor. So the three cannot drift apart.

/** When a change is made: `at` stamps rows and audit entries, `now` is the clock re-checks read. */
export interface ChangeTime {
  at: string;
  now: Date;
}

/** A catalogue change whose checks passed in this transaction, ready to be written in it. */
export interface CheckedChange<Result> {
  /** What the change names (a policy or template key, a line's key, the method or the schedule). */
  subject: string;
  write(): Promise<Result>;
}

// The direct catalogue routes (publishing a policy, template, tiering method or revalidation
// schedule version; adding or retiring a business line) run under the catalogue lock, as
// proposals and approvals do (docs/decisions/0176, 0182).

export function changeTime(ctx: RequestContext): ChangeTime {
  const now = ctx.deps.now();
  return { at: now.toISOString(), now };
}

/**
 * Two administrators or more (disabled ones counted, as 0175 counts them): a catalogue change
 * waits for a second one. A sole administrator changes the catalogue directly (0175's bootstrap).
 */
export async function needsSecondAdministrator(tx: Pick<StoreTx, 'listUsers'>): Promise<boolean> {
  return (await countAdministrators(tx)) >= 2;
}

/**
 * Takes the catalogue lock for a direct change, and refuses it (409, nothing stored, no audit
 * entry, as 0175's direct account routes) once two administrators exist, counted in the
 * change's own transaction. A sole administrator still changes directly (the bootstrap).
 */
export async function assertDirectCatalogueChange(tx: StoreTx): Promise<void> {
  await tx.lockPolicyCatalogue();
  if (await needsSecondAdministrator(tx)) throw problems.catalogueProposalRequired();
}
