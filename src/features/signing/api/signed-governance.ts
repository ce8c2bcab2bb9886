import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPath } from '#api/kernel/route-def.ts';
import { riskAssessmentsRoutes } from '#api/risk-assessments/routes.ts';
import type { SignedGovernance } from '#domain/contracts/signatures.ts';
import type { PolicyEvaluation } from '#domain/contracts/policies.ts';
import { riskAssessmentListSchema } from '#domain/contracts/risk-assessment.ts';
import { signedGovernanceFrom } from '#domain/policy/signed-governance.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

/**
 * What the decision is signed under (docs/decisions/0107): the policy check of the version
 * shown and the risk assessment that applies, read fresh when the dialog opens.
 */
export function signedGovernanceQueryOptions(packageId: string, versionNumber: number, evaluation: PolicyEvaluation | null) {
  return queryOptions({
    queryKey: [...packageKeys.version(packageId, versionNumber), 'signed-governance'] as const,
    queryFn: async ({ signal }) => {
      const list = await apiFetch(apiPath(riskAssessmentsRoutes.listRiskAssessments.path, { id: packageId }), { schema: riskAssessmentListSchema, signal });
      return signedGovernanceFrom({ policy: evaluation }, list);
    },
    staleTime: 0,
  });
}

export function useSignedGovernance(packageId: string, versionNumber: number, evaluation: PolicyEvaluation | null) {
  return useQuery(signedGovernanceQueryOptions(packageId, versionNumber, evaluation));
}

/**
 * The member to sign, waiting for it while it still loads (decision record 0115): a dialog
 * must not send a payload without it because the read has not come back yet. If it cannot be
 * read, none is sent and the server's refusal says why.
 */
export async function governed(loaded: SignedGovernance | undefined, refetch: () => Promise<{ data?: SignedGovernance | undefined }>): Promise<SignedGovernance | undefined> {
  return loaded ?? (await refetch()).data;
}
