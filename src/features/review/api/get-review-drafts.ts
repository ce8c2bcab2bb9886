import { queryOptions, useQuery } from '@tanstack/react-query';
import { reviewDraftListSchema, type ReviewDraft } from '#domain/contracts/drafts.ts';
import { apiPath } from '#api/kernel/route-def.ts';
import { draftsRoutes } from '#api/drafts/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

/** The signed-in reviewer's unpublished comments and clarification requests on a package. */
export async function getReviewDrafts(id: string, signal?: AbortSignal): Promise<ReviewDraft[]> {
  const list = await apiFetch(apiPath(draftsRoutes.listReviewDrafts.path, { id }), { schema: reviewDraftListSchema, ...(signal ? { signal } : {}) });
  return list.items;
}

export function reviewDraftsQueryOptions(id: string) {
  return queryOptions({
    queryKey: packageKeys.reviewDrafts(id),
    queryFn: ({ signal }) => getReviewDrafts(id, signal),
    // Drafts written on another device show up when this tab is looked at again (refetch on focus).
  });
}

export function useReviewDrafts(id: string, enabled: boolean) {
  return useQuery({ ...reviewDraftsQueryOptions(id), enabled });
}
