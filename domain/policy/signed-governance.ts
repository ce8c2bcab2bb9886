import type { PolicyEvaluation } from '../contracts/policies.ts';
import type { SignedGovernance } from '../contracts/signatures.ts';
import { sha256Hex } from '../crypto/sha256.ts';
import { canonicalize } from '../json/canonicalize.ts';

// What a decision's signature says it was made under (docs/decisions/0107): the browser builds
// it from what it showed and the server from what it stored, the same way, so they can be compared.

export interface AppliedAssessment {
  number: number;
  method: { key: string; version: number };
  tier: number;
}

export async function signedGovernance(evaluation: PolicyEvaluation | null, assessment: AppliedAssessment | null): Promise<SignedGovernance> {
  return {
    policy: evaluation ? { key: evaluation.policy.key, version: evaluation.policy.version, evaluationDigest: await sha256Hex(canonicalize(evaluation)) } : null,
    riskAssessment: assessment ? { number: assessment.number, method: { key: assessment.method.key, version: assessment.method.version }, tier: assessment.tier } : null,
  };
}

/** A package's risk assessments as `GET /api/packages/{id}/risk-assessments` lists them: the last applies. */
interface ListedAssessments {
  items: readonly { number: number; method: { key: string; version: number }; effectiveTier: number }[];
}

/** The member as a client builds it from what it read: the version's policy check and the listed assessments. */
export function signedGovernanceFrom(version: { policy?: PolicyEvaluation | null }, assessments: ListedAssessments): Promise<SignedGovernance> {
  const latest = assessments.items.at(-1);
  return signedGovernance(version.policy ?? null, latest ? { number: latest.number, method: latest.method, tier: latest.effectiveTier } : null);
}
