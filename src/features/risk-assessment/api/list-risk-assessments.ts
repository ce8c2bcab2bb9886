import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPath } from '#api/kernel/route-def.ts';
import { riskAssessmentsRoutes } from '#api/risk-assessments/routes.ts';
import { riskAssessmentListSchema, type RiskAssessmentList } from '#domain/contracts/risk-assessment.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

/** Below the package's detail: an assessment can change its tier and workflow, and both are refreshed together. */
export const riskAssessmentsKey = (packageId: string) => [...packageKeys.detail(packageId), 'risk-assessments'] as const;

/** GET /api/packages/{id}/risk-assessments: the package's assessments (the last applies) and the current method. */
export function listRiskAssessments(packageId: string, signal?: AbortSignal): Promise<RiskAssessmentList> {
  return apiFetch(apiPath(riskAssessmentsRoutes.listRiskAssessments.path, { id: packageId }), { schema: riskAssessmentListSchema, ...(signal ? { signal } : {}) });
}

export function riskAssessmentsQueryOptions(packageId: string) {
  return queryOptions({ queryKey: riskAssessmentsKey(packageId), queryFn: ({ signal }) => listRiskAssessments(packageId, signal) });
}

export function useRiskAssessments(packageId: string) {
  return useQuery(riskAssessmentsQueryOptions(packageId));
}
