import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { accountRequestApprovalSchema, accountRequestListSchema, accountRequestSchema } from '#api/account-requests/contract.ts';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { accountRequestsKey, usersKey } from './query-keys.ts';

/** GET /api/admin/account-requests: privileged changes waiting for a second administrator (0175). */
export function accountRequestsQueryOptions() {
  return queryOptions({
    queryKey: accountRequestsKey,
    queryFn: async ({ signal }) => (await apiFetch(routes.listAccountRequests.path, { schema: accountRequestListSchema, signal })).items,
  });
}

export function useAccountRequests() {
  return useQuery(accountRequestsQueryOptions());
}

/** POST …/{id}/approval or …/rejection: another administrator's request takes effect, or is dropped. */
function decide({ id, decision }: { id: string; decision: 'approval' | 'rejection' }) {
  if (decision === 'rejection') return apiFetch(apiPath(routes.rejectAccountRequest.path, { id }), { method: 'POST', schema: accountRequestSchema });
  // A privileged reset's answer carries its generated password, this once (0181).
  return apiFetch(apiPath(routes.approveAccountRequest.path, { id }), { method: 'POST', schema: accountRequestApprovalSchema });
}

export function useDecideAccountRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decide,
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: accountRequestsKey }), queryClient.invalidateQueries({ queryKey: usersKey })]),
  });
}
