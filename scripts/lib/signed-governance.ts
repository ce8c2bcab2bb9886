import type { SignedGovernance } from '#domain/contracts/signatures.ts';
import { packageVersionSchema } from '#domain/contracts/packages.ts';
import { riskAssessmentListSchema } from '#domain/contracts/risk-assessment.ts';
import { signedGovernanceFrom } from '#domain/policy/signed-governance.ts';

// What every client that signs over the API sends as the payload's `governance` (decision
// records 0107, 0115): read the version's policy check and the package's risk assessments,
// build the member as the sign dialog does. Scripts, the contract suite and e2e share it.

export async function governanceOver(get: (path: string) => Promise<unknown>, packageId: string, versionNumber: number): Promise<SignedGovernance> {
  const version = packageVersionSchema.pick({ policy: true }).parse(await get(`/api/packages/${packageId}/versions/${versionNumber}`));
  const assessments = riskAssessmentListSchema.pick({ items: true }).parse(await get(`/api/packages/${packageId}/risk-assessments`));
  return signedGovernanceFrom(version, assessments);
}
