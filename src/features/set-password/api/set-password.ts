import { useMutation } from '@tanstack/react-query';
import { usersRoutes as routes } from '#api/users/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';

/** POST /api/set-password: the holder sets their password with the token of the mailed link (docs/decisions/0181). */
function setPassword(request: { token: string; password: string }) {
  return apiFetch(routes.setPasswordWithLink.path, { method: 'POST', body: request });
}

export function useSetPassword() {
  return useMutation({ mutationFn: setPassword });
}
