import { queryOptions, useQuery } from '@tanstack/react-query';
import { setupStatusSchema } from '#api/users/contract.ts';
import { apiFetch } from '#src/lib/api-client.ts';

// The path of the setup routes (routes.setupStatus, routes.completeSetup), written out for the
// log-in page, which asks whether setup is due: importing the route table there would put every
// contract of the API into the first download. setup-path.test.ts holds it to the route table.
export const setupPath = '/api/setup';

export const setupKeys = {
  status: ['setup', 'status'] as const,
};

/** GET /api/setup: whether this installation still waits for its first administrator. */
export function setupStatusQueryOptions() {
  return queryOptions({
    queryKey: setupKeys.status,
    queryFn: async ({ signal }) => (await apiFetch(setupPath, { schema: setupStatusSchema, signal })).required,
  });
}

export function useSetupStatus() {
  return useQuery(setupStatusQueryOptions());
}
