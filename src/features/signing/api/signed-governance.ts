import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPath, routes } from '#api/routes.ts';
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
      const list = await apiFetch(apiPath(routes.listRiskAssessments.path, { id: packageId }), { schema: riskAssessmentListSchema, signal });
      return signedGovernanceFrom({ policy: evaluation }, list);
    },
    staleTime: 0,
  });
}

export function useSignedGovernance(packageId: string, versionNumber: number, evaluation: PolicyEvaluation | null) {
  return useQuery(signedGovernanceQueryOptions(packageId, versionNumber, evaluation));
}
