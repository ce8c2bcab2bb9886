// The risk assessment that applies to a package, one rule for the server that enforces it and
// the clients that list it and sign it (docs/decisions/0165). Segregation of duties: the package
// owner's own assessment is a proposal; the tier in effect is decided by a reviewer (model risk
// management assessing) or by a tier override a second person confirmed.

export interface AppliedAssessment {
  number: number;
  method: { key: string; version: number };
  tier: number;
}

/** What the rule reads of one assessment, as stored or as `GET …/risk-assessments` lists it. */
export interface AssessmentTierFacts {
  number: number;
  method: { key: string; version: number };
  computedTier: number;
  /** The confirmed override's tier, otherwise the computed one (risk-tiering effectiveTier). */
  effectiveTier: number;
  /** Recorded by the package owner: decides nothing unless an override on it is confirmed. */
  proposal: boolean;
}

/** An override always names another tier than the computed one, so a different tier is a confirmed override. */
const overridden = (a: AssessmentTierFacts) => a.effectiveTier !== a.computedTier;

/** Whether an assessment may decide the tier: a reviewer's, or one whose override a second person confirmed. */
export const decidesTier = (a: AssessmentTierFacts) => !a.proposal || overridden(a);

/**
 * The latest deciding assessment, with its confirmed override's tier. A confirmed override is a
 * two-person judgement: the newest one on an earlier deciding assessment still holds when it is
 * stricter (a lower number) than what the latest gives; a laxer tier takes a new override.
 */
export function appliedAssessmentOf(items: readonly AssessmentTierFacts[]): AppliedAssessment | null {
  const deciding = [...items].sort((a, b) => a.number - b.number).filter(decidesTier);
  const latest = deciding.at(-1);
  if (!latest) return null;
  const applied = { number: latest.number, method: { key: latest.method.key, version: latest.method.version } };
  if (overridden(latest)) return { ...applied, tier: latest.effectiveTier };
  const carried = deciding.filter((a) => a.number < latest.number && overridden(a)).at(-1);
  return { ...applied, tier: carried ? Math.min(latest.computedTier, carried.effectiveTier) : latest.computedTier };
}
