import { queryOptions, useQuery } from '@tanstack/react-query';
import { policyListSchema, type PolicyVersionEntry } from '#domain/contracts/policies.ts';
import { routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { policyKeys } from './policy-keys.ts';

/** Every version of every governance policy, keys alphabetically and each key's versions newest first. */
export async function listPolicies(signal?: AbortSignal): Promise<PolicyVersionEntry[]> {
  return (await apiFetch(routes.listPolicies.path, { schema: policyListSchema, ...(signal ? { signal } : {}) })).items;
}

export function policiesQueryOptions() {
  return queryOptions({ queryKey: policyKeys.list(), queryFn: ({ signal }) => listPolicies(signal) });
}

export function usePolicies() {
  return useQuery(policiesQueryOptions());
}

/** One key's versions, newest first. */
export function usePolicyVersions(key: string) {
  return useQuery({ ...policiesQueryOptions(), select: (items) => items.filter((item) => item.policy.key === key) });
}
