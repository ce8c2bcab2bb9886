import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPath, routes } from '#api/routes.ts';
import { findingSchema, type Finding, type RaiseFindingRequest } from '#domain/contracts/findings.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

export interface RaiseFindingInput {
  packageId: string;
  request: RaiseFindingRequest;
}

/** POST /api/packages/{id}/findings: a reviewer raises a finding on a section or a passage. */
export function raiseFinding({ packageId, request }: RaiseFindingInput): Promise<Finding> {
  return apiFetch(apiPath(routes.raiseFinding.path, { id: packageId }), { method: 'POST', body: request, schema: findingSchema });
}

export function useRaiseFinding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: raiseFinding,
    // The package's blockers change with its findings: its whole detail is refreshed.
    onSuccess: (finding) => queryClient.invalidateQueries({ queryKey: packageKeys.detail(finding.packageId) }),
  });
}
