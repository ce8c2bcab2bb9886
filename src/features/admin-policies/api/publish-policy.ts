import { useMutation, useQueryClient } from '@tanstack/react-query';
import { policyVersionEntrySchema, type PolicyVersionEntry } from '#domain/contracts/policies.ts';
import type { PolicyRequestBody } from '../policy-draft.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { policyKeys } from './policy-keys.ts';

/** Publishes a policy version; the server numbers it (the key's latest + 1). */
export function publishPolicy(request: PolicyRequestBody): Promise<PolicyVersionEntry> {
  return apiFetch(routes.publishPolicy.path, { method: 'POST', body: request, schema: policyVersionEntrySchema });
}

export function usePublishPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishPolicy,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policyKeys.all }),
  });
}
