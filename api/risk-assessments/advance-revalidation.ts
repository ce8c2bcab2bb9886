import { latestScheduled, revalidationDueOn } from '#domain/revalidation/due-date.ts';
import type { StoredPackage, StoreTx } from '../store/store.ts';

/**
 * A stricter tier after final approval (0167 leaves the completed chain as it is): the standing
 * approval's revalidation falls due on what its schedule version gives the new tier from the
 * approval day, never later, and not once its re-review opened. Under the package lock, in the
 * assessment's (or confirmation's) transaction; audited with the actor who set the tier.
 */
export async function advanceRevalidation(tx: StoreTx, pkg: StoredPackage, applied: { tier: number; assessment: number }, at: string, actorId: string): Promise<void> {
  const standing = latestScheduled(await tx.listRevalidations([pkg.id]));
  if (!standing || standing.openedAt || applied.tier >= standing.tier) return;
  const schedule = (await tx.listRevalidationSchedules()).find((s) => s.version === standing.scheduleVersion);
  if (!schedule) throw new Error(`Revalidation schedule version ${standing.scheduleVersion} of ${pkg.id} is missing`);
  const dueOn = revalidationDueOn(standing.approvedOn, schedule.months, applied.tier);
  if (dueOn >= standing.dueOn) return;
  if (!(await tx.insertRevalidationAdvance({ decisionId: standing.decisionId, packageId: pkg.id, tier: applied.tier, dueOn, assessment: applied.assessment, advancedAt: at }))) return;
  await tx.appendAudit({
    event: { action: 'package.revalidation_advanced', subject: pkg.id, before: { tier: standing.tier, dueOn: standing.dueOn }, after: { decision: standing.decisionId, version: standing.versionNumber, tier: applied.tier, schedule: schedule.version, dueOn, assessment: applied.assessment } },
    actorId,
    at,
  });
}

