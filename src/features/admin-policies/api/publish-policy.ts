import { useMutation, useQueryClient } from '@tanstack/react-query';
import { noteCatalogueOutcome } from '#src/lib/catalogue-proposes.ts';
import { policyVersionEntrySchema, type PolicyVersionEntry, type PublishPolicyRequest } from '#domain/contracts/policies.ts';
import { changeCatalogue, type CatalogueOutcome } from '#src/lib/catalogue-change.ts';
import type { PolicyRequestBody } from '../policy-draft.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { policyKeys } from './policy-keys.ts';

/** Publishes a policy version (the server numbers it: the key's latest + 1), or proposes it once two administrators exist (0182). */
export function publishPolicy(request: PolicyRequestBody): Promise<CatalogueOutcome<PolicyVersionEntry>> {
  // Sent as drafted: the server checks it, as the direct route would.
  return changeCatalogue({ kind: 'publish_policy', change: request as PublishPolicyRequest }, () => apiFetch(routes.publishPolicy.path, { method: 'POST', body: request, schema: policyVersionEntrySchema }));
}

export function usePublishPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishPolicy,
    onSuccess: (outcome) => {
      noteCatalogueOutcome(queryClient, outcome);
      return queryClient.invalidateQueries({ queryKey: policyKeys.all });
    },
  });
}
