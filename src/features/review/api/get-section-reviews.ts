import { queryOptions, useQuery } from '@tanstack/react-query';
import { sectionReviewListSchema, type SectionReview } from '#domain/contracts/threads.ts';
import { apiPath } from '#api/kernel/route-def.ts';
import { sectionReviewsRoutes } from '#api/section-reviews/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

/** Every reviewer's "section reviewed" marks on every version of a package, oldest first. */
export async function getSectionReviews(id: string, signal?: AbortSignal): Promise<SectionReview[]> {
  const list = await apiFetch(apiPath(sectionReviewsRoutes.listSectionReviews.path, { id }), { schema: sectionReviewListSchema, ...(signal ? { signal } : {}) });
  return list.items;
}

export function sectionReviewsQueryOptions(id: string) {
  return queryOptions({
    queryKey: packageKeys.reviews(id),
    queryFn: ({ signal }) => getSectionReviews(id, signal),
    // Other reviewers mark sections while this page is open: a modest poll, on top of the
    // refetch on focus, shows their progress without a reload.
    refetchInterval: 30_000,
  });
}

export function useSectionReviews(id: string) {
  return useQuery(sectionReviewsQueryOptions(id));
}
