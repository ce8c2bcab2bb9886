import { appliedAssessmentOf, decidesTier, type AssessmentTierFacts } from './applied-assessment.ts';

// Segregation of duties on the tier (docs/decisions/0174): the tier selects the chain (0167), so
// whoever set the tier in effect chose the chain a version is approved through. They may not also
// sign an approving decision on it: one model risk officer assessing tier 4 and then approving the
// tier 4 chain's single step alone would be one person choosing the path and walking it.
// Rejecting and requesting clarification stay open to them: neither moves a version towards
// approval, and model risk's review of the methodology is still wanted.

/** One assessment as the rule reads it, with who recorded it and who confirmed its override. */
export interface AssessmentPeopleFacts extends AssessmentTierFacts {
  assessedBy: string;
  /** Who confirmed its override; null when it has none, or none confirmed. */
  overrideConfirmedBy: string | null;
}

const overridden = (a: AssessmentTierFacts) => a.effectiveTier !== a.computedTier;

/**
 * The people whose judgement set the tier in effect, by the one rule (`appliedAssessmentOf`): who
 * recorded the applied assessment and who confirmed its override; when an earlier confirmed
 * override is carried over it (stricter than the latest score), who confirmed that one. [] when
 * no assessment applies.
 */
export function tierSettersOf(items: readonly AssessmentPeopleFacts[]): string[] {
  const applied = appliedAssessmentOf(items);
  if (!applied) return [];
  const latest = items.find((a) => a.number === applied.number);
  if (!latest) return [];
  const setters = [latest.assessedBy];
  if (overridden(latest) && latest.overrideConfirmedBy) setters.push(latest.overrideConfirmedBy);
  if (!overridden(latest) && applied.tier !== latest.computedTier) {
    const carried = items.filter((a) => a.number < latest.number && decidesTier(a) && overridden(a)).sort((a, b) => a.number - b.number).at(-1);
    if (carried?.overrideConfirmedBy) setters.push(carried.overrideConfirmedBy);
  }
  return [...new Set(setters)];
}

/** Whether the decider (or the holder they sign for as a delegate) set the tier in effect. */
export function setTheTier(setters: readonly string[], decider: { signerId: string; delegatorId: string | null }): boolean {
  return setters.includes(decider.signerId) || (decider.delegatorId !== null && setters.includes(decider.delegatorId));
}

/** Why the tier's setter may not approve, in a sentence for the refusal and the decision panel. */
export const assessorApprovalRefusal =
  "You set this package's risk tier (you recorded the risk assessment in effect or confirmed its override), and the tier chose its approval chain: segregation of duties leaves approving it to another reviewer. You can still reject it or request clarification.";

/** An approving decision as the reverse rule reads it: on which version, by whom, for whom. */
export interface ApprovalByFacts {
  versionNumber: number;
  decision: string;
  actorId: string;
  delegatorId: string | null;
}

const approvingKinds = new Set(['approve', 'approve_with_conditions', 'emergency_approve']);

/** Why an approver may not loosen the tier, for the refusal. */
export const approverSettingTierRefusal = (current: number, tier: number): string =>
  `You approved the latest version of this package, so you do not loosen its risk tier (tier ${current} in effect, tier ${tier} asked): another model risk officer assesses it or confirms the override (segregation of duties).`;

/**
 * The same rule read the other way (0174, amended): whoever approved the latest version (or had
 * it approved by a delegate) does not then loosen its tier, by a new assessment or by confirming
 * an override: approving first and picking a laxer tier after would be one person choosing the
 * path they already walked.
 */
export function approvedLatestVersion(decisions: readonly ApprovalByFacts[], latestVersion: number, userId: string): boolean {
  return decisions.some((d) => d.versionNumber === latestVersion && approvingKinds.has(d.decision) && (d.actorId === userId || d.delegatorId === userId));
}
