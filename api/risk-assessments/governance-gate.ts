import type { GovernanceBlocker } from '#domain/contracts/approval-gates.ts';
import { governanceBlockers } from '#domain/policy/approval-governance.ts';
import { appliedAssessment } from './applied-assessment.ts';
import type { StoreTx } from '../store/store.ts';

// The governance gate's facts, read where the package is read (its view) and where it is
// signed (under the package lock, docs/decisions/0141): the version's policy check as it
// applies now, the assessment that applies, and the tiering method published now.

type GateReads = Pick<StoreTx, 'findPackage' | 'listPolicyEvaluations' | 'listRiskAssessments' | 'listTierOverrides' | 'currentTieringMethod'>;

export async function governanceBlockersOf(tx: GateReads, packageId: string, versionNumber: number): Promise<GovernanceBlocker[]> {
  const [evaluations, assessment, method] = await Promise.all([tx.listPolicyEvaluations([packageId]), appliedAssessment(tx, packageId), tx.currentTieringMethod()]);
  const evaluation = evaluations.find((e) => e.packageId === packageId && e.version === versionNumber)?.evaluation ?? null;
  // Without a published method (never after migration 031) the assessment's own method is current.
  const currentMethod = method?.method ?? assessment?.method ?? { key: '', version: 0 };
  return governanceBlockers({ evaluation, assessment, currentMethod });
}
