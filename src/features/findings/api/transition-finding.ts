import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPath, routes } from '#api/routes.ts';
import { findingSchema, type Finding, type FindingTransitionRequest } from '#domain/contracts/findings.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

export interface TransitionFindingInput {
  packageId: string;
  findingId: string;
  request: FindingTransitionRequest;
}

/** POST …/findings/{findingId}/transitions: propose, remediate, verify, reopen or accept the risk. */
export function transitionFinding({ packageId, findingId, request }: TransitionFindingInput): Promise<Finding> {
  return apiFetch(apiPath(routes.transitionFinding.path, { id: packageId, findingId }), { method: 'POST', body: request, schema: findingSchema });
}

export function useTransitionFinding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionFinding,
    onSuccess: async (finding) => {
      await queryClient.invalidateQueries({ queryKey: packageKeys.detail(finding.packageId) });
      await queryClient.invalidateQueries({ queryKey: packageKeys.findingRegisters() });
    },
  });
}
