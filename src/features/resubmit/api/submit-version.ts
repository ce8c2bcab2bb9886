import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SubmitVersionRequest } from '#domain/contracts/packages.ts';
import { apiPath, routes, submitVersionResponseSchema } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

export type SubmitVersionResponse = z.output<typeof submitVersionResponseSchema>;

/** Submits a new, immutable version of a package with the owner's answers; 422 names every field at fault. */
export function submitVersion(packageId: string, request: SubmitVersionRequest): Promise<SubmitVersionResponse> {
  return apiFetch(apiPath(routes.submitVersion.path, { id: packageId }), { method: 'POST', body: request, schema: submitVersionResponseSchema });
}

export function useSubmitVersion(packageId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SubmitVersionRequest) => submitVersion(packageId, request),
    // Status, versions, steps and the inbox all move with a new version. Not awaited: the
    // page navigates to the new version at once, and the refetch lands there.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: packageKeys.all });
    },
  });
}
