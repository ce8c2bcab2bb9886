import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPath } from '#api/kernel/route-def.ts';
import { obligationsRoutes } from '#api/obligations/routes.ts';
import { obligationSchema, type Obligation, type ObligationTransitionRequest } from '#domain/contracts/obligations.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

export interface TransitionObligationInput {
  packageId: string;
  obligationId: string;
  request: ObligationTransitionRequest;
}

/** POST …/obligations/{obligationId}/transitions: record fulfilment, confirm it, or send it back. */
export function transitionObligation({ packageId, obligationId, request }: TransitionObligationInput): Promise<Obligation> {
  return apiFetch(apiPath(obligationsRoutes.transitionObligation.path, { id: packageId, obligationId }), { method: 'POST', body: request, schema: obligationSchema });
}

export function useTransitionObligation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionObligation,
    // The package's detail holds its obligations' query: its status (conditions lapsed) may change too.
    onSuccess: (obligation) => queryClient.invalidateQueries({ queryKey: packageKeys.detail(obligation.packageId) }),
  });
}
