import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPath, routes } from '#api/routes.ts';
import { riskAssessmentSchema, type RecordRiskAssessmentRequest, type RiskAssessment } from '#domain/contracts/risk-assessment.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

export interface RecordRiskAssessmentInput {
  packageId: string;
  request: RecordRiskAssessmentRequest;
}

/** POST /api/packages/{id}/risk-assessments: the owner (or model risk) records an assessment; the server scores it. */
export function recordRiskAssessment({ packageId, request }: RecordRiskAssessmentInput): Promise<RiskAssessment> {
  return apiFetch(apiPath(routes.recordRiskAssessment.path, { id: packageId }), { method: 'POST', body: request, schema: riskAssessmentSchema });
}

export function useRecordRiskAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordRiskAssessment,
    // The tier may re-select the workflow: the whole package detail is refreshed.
    onSuccess: (assessment) => queryClient.invalidateQueries({ queryKey: packageKeys.detail(assessment.packageId) }),
  });
}
