import { useMutation, useQueryClient } from '@tanstack/react-query';
import { accountRequestSchema, type AccountRequest, type NewAccountRequest } from '#api/account-requests/contract.ts';
import { managedUserSchema, type ManagedUser } from '#api/users/contract.ts';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { accountRequestsKey, usersKey } from './query-keys.ts';

// One change to an account, made at once or filed for a second administrator (0175): the forms
// say which (docs/decisions/0175 lists what is privileged); the server decides anyway.

/** A reset made at once takes the administrator's temporary password; a filed one takes none (generated at approval, 0181). */
export type AccountChange = Exclude<NewAccountRequest, { kind: 'reset_password' }> | { kind: 'reset_password'; userId: string; temporaryPassword: string };

export type AccountChangeOutcome = { kind: 'applied'; user: ManagedUser } | { kind: 'requested'; request: AccountRequest };

async function direct(change: AccountChange): Promise<ManagedUser> {
  switch (change.kind) {
    case 'create_account': {
      const { kind: _, ...body } = change;
      return apiFetch(routes.createUser.path, { method: 'POST', body, schema: managedUserSchema });
    }
    case 'set_roles':
      return apiFetch(apiPath(routes.setUserRoles.path, { id: change.userId }), { method: 'PUT', body: { roles: change.roles }, schema: managedUserSchema });
    case 'reset_password':
      return apiFetch(apiPath(routes.resetUserPassword.path, { id: change.userId }), { method: 'POST', body: { temporaryPassword: change.temporaryPassword }, schema: managedUserSchema });
  }
}

async function change({ change, needsApproval }: { change: AccountChange; needsApproval: boolean }): Promise<AccountChangeOutcome> {
  if (!needsApproval) return { kind: 'applied', user: await direct(change) };
  const body: NewAccountRequest = change.kind === 'reset_password' ? { kind: change.kind, userId: change.userId } : change;
  return { kind: 'requested', request: await apiFetch(routes.requestAccountChange.path, { method: 'POST', body, schema: accountRequestSchema }) };
}

export function useAccountChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: usersKey }), queryClient.invalidateQueries({ queryKey: accountRequestsKey })]),
  });
}
