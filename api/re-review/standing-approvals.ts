import type { Decision } from '#domain/contracts/decisions.ts';

const approvalKinds = new Set<Decision['decision']>(['approve', 'approve_with_conditions', 'emergency_approve']);

/** The standing approvals: per step, the approvals of the latest version that step approved. A monitoring alert and a due revalidation flag these as under re-review. */
export function standingApprovals(decisions: readonly Decision[]): Decision[] {
  const approvals = decisions.filter((d) => approvalKinds.has(d.decision));
  const latestByStep = new Map<string, number>();
  for (const d of approvals) latestByStep.set(d.stepKey, Math.max(latestByStep.get(d.stepKey) ?? 0, d.versionNumber));
  return approvals.filter((d) => d.versionNumber === latestByStep.get(d.stepKey));
}
