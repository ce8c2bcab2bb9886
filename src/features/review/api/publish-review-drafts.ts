import { useMutation, useQueryClient } from '@tanstack/react-query';
import { publishedReviewSchema, type PublishedReview } from '#domain/contracts/drafts.ts';
import { apiPath } from '#api/kernel/route-def.ts';
import { draftsRoutes } from '#api/drafts/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

/** Publishes every draft of the reviewer's on the package at once, as threads. */
export function publishReviewDrafts(packageId: string): Promise<PublishedReview> {
  return apiFetch(apiPath(draftsRoutes.publishReviewDrafts.path, { id: packageId }), { method: 'POST', schema: publishedReviewSchema });
}

export function usePublishReviewDrafts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishReviewDrafts,
    // The threads, the drafts, the package's counts and the inbox all moved.
    onSettled: (_published, _error, packageId) => Promise.all([queryClient.invalidateQueries({ queryKey: packageKeys.detail(packageId) }), queryClient.invalidateQueries({ queryKey: packageKeys.lists() })]),
  });
}
