import type { PolicyEvaluation } from '../contracts/policies.ts';
import type { SignedGovernance } from '../contracts/signatures.ts';
import { sha256Hex } from '../crypto/sha256.ts';
import { canonicalize } from '../json/canonicalize.ts';
import { appliedAssessmentOf, type AppliedAssessment, type AssessmentTierFacts } from './applied-assessment.ts';

// What a decision's signature says it was made under (docs/decisions/0107): the browser builds
// it from what it showed and the server from what it stored, the same way, so they can be compared.

export type { AppliedAssessment } from './applied-assessment.ts';

/** The digest a signature binds a check by, and the audit entry recording the check states (0171): SHA-256 of its RFC 8785 form. */
export const evaluationDigest = (evaluation: PolicyEvaluation): Promise<string> => sha256Hex(canonicalize(evaluation));

export async function signedGovernance(evaluation: PolicyEvaluation | null, assessment: AppliedAssessment | null): Promise<SignedGovernance> {
  return {
    policy: evaluation ? { key: evaluation.policy.key, version: evaluation.policy.version, evaluationDigest: await evaluationDigest(evaluation) } : null,
    riskAssessment: assessment ? { number: assessment.number, method: { key: assessment.method.key, version: assessment.method.version }, tier: assessment.tier } : null,
  };
}

/** A package's risk assessments as `GET /api/packages/{id}/risk-assessments` lists them. */
interface ListedAssessments {
  items: readonly AssessmentTierFacts[];
}

/**
 * The member as a client builds it from what it read: the version's policy check and the
 * assessment that applies, by the rule the server enforces (docs/decisions/0165), not merely the
 * last one listed.
 */
export function signedGovernanceFrom(version: { policy?: PolicyEvaluation | null }, assessments: ListedAssessments): Promise<SignedGovernance> {
  return signedGovernance(version.policy ?? null, appliedAssessmentOf(assessments.items));
}
