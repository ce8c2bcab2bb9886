import { useMutation, useQueryClient } from '@tanstack/react-query';
import { connectionTestSchema } from '#domain/contracts/registries.ts';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { registriesKey } from './get-registries.ts';

/** POST /api/admin/registries/{connector}/test: one real read call with the configured credentials. */
function testConnection(connector: string) {
  return apiFetch(apiPath(routes.testRegistryConnection.path, { connector }), { method: 'POST', schema: connectionTestSchema });
}

export function useTestConnection() {
  const queryClient = useQueryClient();
  // The outbox may have moved meanwhile: the page reads it again.
  return useMutation({ mutationFn: testConnection, onSettled: () => queryClient.invalidateQueries({ queryKey: registriesKey }) });
}
