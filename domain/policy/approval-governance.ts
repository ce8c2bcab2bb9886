import type { GovernanceBlocker } from '../contracts/approval-gates.ts';
import type { DecisionKind } from '../contracts/decisions.ts';
import type { Policy, PolicyEvaluation, PolicyRef } from '../contracts/policies.ts';
import { applicablePolicy, type PackageScope } from './applicable-policy.ts';
import { describeCheck } from './check-wording.ts';
import { evaluateAgainstPolicy, failedChecks } from './evaluate-against-policy.ts';
import type { AppliedAssessment } from './signed-governance.ts';

// The governance gate in front of every approval (docs/decisions/0141): the version approved
// meets every blocking requirement of the policy that applies to it, and a risk assessment by
// the current tiering method decided its tier. Unlike the approval gates of the review
// (clarifications, findings), nobody overrides these: the owner resubmits, or someone assesses.

/** Every decision that approves: the chain's approvals and the emergency path alike. */
export function isApprovingDecision(decision: DecisionKind): boolean {
  return decision === 'approve' || decision === 'approve_with_conditions' || decision === 'emergency_approve';
}

export interface GovernanceFacts {
  /** The policy check of the version to approve, as it applies now; null where no policy applies. */
  evaluation: PolicyEvaluation | null;
  /** The assessment that applies (the latest, with a confirmed override's tier); null when none. */
  assessment: AppliedAssessment | null;
  /** The tiering method version published now. */
  currentMethod: { key: string; version: number };
  /**
   * The package's business line when the organisation's list does not have it (in use or
   * retired): a package filed before the list (0168) under a spelling of its own, which chose
   * its policy and chain (0176). Absent or null when the line is listed.
   */
  unlistedLine?: string | null;
  /** The unlisted line is on the list now, added after the package was filed under it: only the owner's re-filing lifts it (0182). */
  lineListedAfterFiling?: boolean;
}

/** What stands between this version and an approval, in the order the gate lists it; empty when nothing does. */
export function governanceBlockers({ evaluation, assessment, currentMethod, unlistedLine, lineListedAfterFiling }: GovernanceFacts): GovernanceBlocker[] {
  const blockers: GovernanceBlocker[] = [];
  if (unlistedLine != null) {
    blockers.push({
      kind: 'unlisted_business_line',
      businessLine: unlistedLine,
      ...(lineListedAfterFiling ? { listedAfterFiling: true as const } : {}),
      description: lineListedAfterFiling
        ? `Business line listed after filing: the package is filed under "${unlistedLine}", which the organisation listed only after the package was filed, so its policy and chain were not chosen by a listed line; the owner's next version re-files it`
        : `Business line not on the list: the package is filed under "${unlistedLine}", which is not one of the organisation's business lines, so its policy and chain were not chosen by a listed line; the owner's next version names a listed line`,
    });
  }
  if (!assessment) {
    blockers.push({ kind: 'risk_assessment_missing', description: "Risk assessment missing: model risk management has not assessed the package (the owner's own assessment is a proposal), and its tier must come from an assessment before it is approved" });
  } else if (assessment.method.key !== currentMethod.key || assessment.method.version !== currentMethod.version) {
    blockers.push({
      kind: 'risk_assessment_outdated',
      description: `Risk assessment ${assessment.number} was scored by ${assessment.method.key} version ${assessment.method.version}; the current method is version ${currentMethod.version}: assess the risk again`,
    });
  }
  if (evaluation) {
    const { key, version, name } = evaluation.policy;
    for (const check of failedChecks(evaluation).filter((c) => c.enforcement === 'blocking')) {
      blockers.push({ kind: 'policy_requirement', policy: { key, version, name }, check, description: `${describeCheck(check)} (policy ${key} version ${version})` });
    }
  }
  return blockers;
}

/** The refusal of an approval over these blockers, as one sentence: what blocks and how to go on. */
export function describeGovernanceRefusal(blockers: readonly GovernanceBlocker[]): string {
  const policy = blockers.find((b) => b.kind === 'policy_requirement')?.policy;
  const remedy = policy ? ` A resubmission meeting policy "${policy.name}" (${policy.key} version ${policy.version}) lifts its requirements.` : '';
  return `This package cannot be approved: ${blockers.map((b) => b.description).join('; ')}.${remedy} Rejecting or requesting changes remains possible.`;
}

/**
 * The policy a package's latest version must be checked against again once an assessment (or a
 * confirmed override) decides its tier, or null when the one it was checked against stands. The
 * policy is resolved from the assessed tier as at submission; a policy of another key replaces
 * the one resolved from the tier the owner declared. A newer version of the same key does not
 * (it applies to packages in review at its publication, by the administrator's choice: 0150),
 * and where the assessed tier has no policy the check already made stands.
 */
export function policyToReresolve(policies: readonly Policy[], current: PolicyRef | null, pkg: PackageScope): Policy | null {
  const resolved = applicablePolicy(policies, pkg);
  if (!resolved) return null;
  return current?.key === resolved.key ? null : resolved;
}

/**
 * The check of a version under review against the policy its assessed tier resolves to. The
 * version is in review already: a blocking failure flags it (and blocks approval), whatever the
 * policy does to a new submission.
 */
export function reevaluateInReview(content: Parameters<typeof evaluateAgainstPolicy>[0], policy: Policy, assessed: { tier: number; assessment: number; from: PolicyRef | null }): PolicyEvaluation {
  return { ...checkInReview(content, policy), reresolved: assessed };
}

/** A version in review is not refused: what would refuse a submission flags it. */
function checkInReview(content: Parameters<typeof evaluateAgainstPolicy>[0], policy: Policy): PolicyEvaluation {
  const evaluation = evaluateAgainstPolicy(content, policy);
  return { ...evaluation, outcome: evaluation.outcome === 'refused' ? 'flagged' : evaluation.outcome };
}

/**
 * The check of a version in review against a newer version of its policy, published to apply
 * to packages in review (docs/decisions/0150). As for a re-resolved policy, a blocking failure
 * flags the version (and blocks approval); a requirement it now meets no longer does.
 */
export function recheckUnderNewVersion(content: Parameters<typeof evaluateAgainstPolicy>[0], policy: Policy, from: PolicyRef | null): PolicyEvaluation {
  return { ...checkInReview(content, policy), republished: { from } };
}
