import { useMutation, useQueryClient } from '@tanstack/react-query';
import { managedUserSchema } from '#api/users/contract.ts';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { usersKey } from './query-keys.ts';

/** POST /api/admin/users/{id}/password-reset: its sessions end; the holder must replace the temporary password at next sign-in. */
function resetUserPassword({ id, temporaryPassword }: { id: string; temporaryPassword: string }) {
  return apiFetch(apiPath(routes.resetUserPassword.path, { id }), { method: 'POST', body: { temporaryPassword }, schema: managedUserSchema });
}

export function useResetUserPassword() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: resetUserPassword, onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }) });
}
