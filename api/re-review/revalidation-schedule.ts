import type { Revalidation } from '#domain/contracts/revalidation.ts';
import { latestScheduled, revalidationDueOn } from '#domain/revalidation/due-date.ts';
import { appliedAssessment } from '../package-access/applied-assessment.ts';
import type { AuditAppend, StoredPackage, StoredRevalidation, StoreTx } from '../store/store.ts';

// Scheduling a package's periodic revalidation (decision record 0114), inside the signing
// transaction of the approval that completed its chain: the tier the applied risk assessment
// gives (the declared tier when there is none), the months the newest schedule version gives
// that tier, the owner as the one who answers for it. One row per approving decision. The
// audit entry is returned for the caller to append in its order (the demo seed sorts its own).

export async function scheduleRevalidation(tx: StoreTx, pkg: StoredPackage, approval: { decisionId: string; versionNumber: number; decidedAt: string }): Promise<AuditAppend | null> {
  const schedule = (await tx.listRevalidationSchedules()).at(-1);
  if (!schedule) throw new Error('No revalidation schedule is published (migration 034 seeds version 1)');
  const assessed = await appliedAssessment(tx, pkg.id);
  const tier = assessed?.tier ?? pkg.riskTier;
  const tierSource = assessed ? 'risk_assessment' : 'declared';
  const approvedOn = approval.decidedAt.slice(0, 10);
  const dueOn = revalidationDueOn(approvedOn, schedule.months, tier);
  const row = { decisionId: approval.decisionId, packageId: pkg.id, versionNumber: approval.versionNumber, tier, tierSource, scheduleVersion: schedule.version, approvedOn, dueOn, ownerId: pkg.ownerId, scheduledAt: approval.decidedAt } as const;
  if (!(await tx.insertRevalidation(row))) return null;
  return {
    event: { action: 'package.revalidation_scheduled', subject: pkg.id, before: null, after: { decision: row.decisionId, version: row.versionNumber, tier, tierSource, schedule: schedule.version, dueOn, owner: pkg.ownerId } },
    actorId: null,
    at: approval.decidedAt,
  };
}

/** The revalidation that stands for a package: the latest scheduled one. */
export const latestRevalidation = (rows: readonly StoredRevalidation[]): StoredRevalidation | null => latestScheduled(rows);

export function toRevalidation(r: StoredRevalidation): Revalidation {
  const { decisionId, versionNumber, tier, tierSource, scheduleVersion, approvedOn, dueOn, ownerId, openedAt } = r;
  return { decisionId, versionNumber, tier, tierSource, scheduleVersion, approvedOn, dueOn, ownerId, openedAt };
}
