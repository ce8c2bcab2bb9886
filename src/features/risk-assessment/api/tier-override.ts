import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPath } from '#api/kernel/route-def.ts';
import { riskAssessmentsRoutes } from '#api/risk-assessments/routes.ts';
import { riskAssessmentSchema, type ConfirmTierOverride, type RequestTierOverride, type RiskAssessment } from '#domain/contracts/risk-assessment.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

// A tier override is asked for and confirmed by two people in two roles: both requests in one
// module, since they act on the same thing and refresh the same queries.

interface Target {
  packageId: string;
  number: number;
}

/** POST …/risk-assessments/{number}/override: ask for another tier, with a reason, in one of your roles. */
export function requestTierOverride({ packageId, number, request }: Target & { request: RequestTierOverride }): Promise<RiskAssessment> {
  return apiFetch(apiPath(riskAssessmentsRoutes.requestTierOverride.path, { id: packageId, number: String(number) }), { method: 'POST', body: request, schema: riskAssessmentSchema });
}

/** POST …/override/confirmation: model risk management, not the requester nor the owner, confirms it (0167). */
export function confirmTierOverride({ packageId, number, request }: Target & { request: ConfirmTierOverride }): Promise<RiskAssessment> {
  return apiFetch(apiPath(riskAssessmentsRoutes.confirmTierOverride.path, { id: packageId, number: String(number) }), { method: 'POST', body: request, schema: riskAssessmentSchema });
}

export function useRequestTierOverride() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: requestTierOverride, onSuccess: (a) => queryClient.invalidateQueries({ queryKey: packageKeys.detail(a.packageId) }) });
}

export function useConfirmTierOverride() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: confirmTierOverride, onSuccess: (a) => queryClient.invalidateQueries({ queryKey: packageKeys.detail(a.packageId) }) });
}
