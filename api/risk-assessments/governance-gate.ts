import type { GovernanceBlocker } from '#domain/contracts/approval-gates.ts';
import { governanceBlockers } from '#domain/policy/approval-governance.ts';
import { businessLineKey } from '#domain/text/business-line.ts';
import { appliedAssessment } from '../package-access/applied-assessment.ts';
import type { StoreTx } from '../store/store.ts';

// The governance gate's facts, read where the package is read (its view) and where it is
// signed (under the package lock, docs/decisions/0141): the version's policy check as it
// applies now, the assessment that applies, the tiering method published now, and whether the
// organisation lists the package's business line (a package filed before the list under a
// spelling of its own is not approved under it: docs/decisions/0176).

type GateReads = Pick<StoreTx, 'findPackage' | 'listPolicyEvaluations' | 'listRiskAssessments' | 'listTierOverrides' | 'currentTieringMethod' | 'listBusinessLines' | 'listLineRefilesRequired'>;

export async function governanceBlockersOf(tx: GateReads, packageId: string, versionNumber: number): Promise<GovernanceBlocker[]> {
  const [evaluations, assessment, method, pkg, lines, refiles] = await Promise.all([
    tx.listPolicyEvaluations([packageId]),
    appliedAssessment(tx, packageId),
    tx.currentTieringMethod(),
    tx.findPackage(packageId),
    tx.listBusinessLines(),
    tx.listLineRefilesRequired([packageId]),
  ]);
  const evaluation = evaluations.find((e) => e.packageId === packageId && e.version === versionNumber)?.evaluation ?? null;
  // Without a published method (never after migration 031) the assessment's own method is current.
  const currentMethod = method?.method ?? assessment?.method ?? { key: '', version: 0 };
  // Retired lines count as listed: a package filed under one keeps it (0168). A line added after
  // the package was filed under its spelling does not: the owner's next version re-files it (0182).
  const onList = pkg !== null && lines.some((l) => l.key === businessLineKey(pkg.businessLine));
  const lineListedAfterFiling = onList && refiles.length > 0;
  const unlistedLine = pkg && (!onList || lineListedAfterFiling) ? pkg.businessLine : null;
  return governanceBlockers({ evaluation, assessment, currentMethod, unlistedLine, lineListedAfterFiling });
}
