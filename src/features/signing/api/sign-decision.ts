import { useMutation, useQueryClient } from '@tanstack/react-query';
import { signedDecisionSchema, type SignDecisionRequest, type SignedDecision } from '#domain/contracts/signatures.ts';
import { apiPath } from '#api/kernel/route-def.ts';
import { signingRoutes } from '#api/signing/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

/** Records a signed decision; the server verifies the re-authentication and countersigns. */
export function signDecision(request: SignDecisionRequest): Promise<SignedDecision> {
  return apiFetch(apiPath(signingRoutes.signDecision.path, { id: request.payload.packageId }), { method: 'POST', body: request, schema: signedDecisionSchema });
}

export function useSignDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signDecision,
    // The chain, the status and the inbox all move with a decision.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: packageKeys.all }),
  });
}
