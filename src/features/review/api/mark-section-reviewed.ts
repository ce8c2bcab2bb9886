import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sectionReviewSchema, type SectionReview } from '#domain/contracts/threads.ts';
import { apiPath } from '#api/kernel/route-def.ts';
import { sectionReviewsRoutes } from '#api/section-reviews/routes.ts';
import type { Actor } from '#domain/contracts/decisions.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';
import { isSameMark, type SectionMark } from '../section-reviews.ts';

/** Marks a section of a version reviewed by the signed-in reviewer; marking twice is harmless. */
export function markSectionReviewed({ packageId, versionNumber, sectionKey }: SectionMark): Promise<SectionReview> {
  const path = apiPath(sectionReviewsRoutes.markSectionReviewed.path, { id: packageId, n: versionNumber, key: sectionKey });
  return apiFetch(path, { method: 'PUT', schema: sectionReviewSchema });
}

/**
 * The mark shows at once (optimistically) and is taken back if the server refuses it, for
 * instance because the version has been decided; the list is refetched either way.
 */
export function useMarkSectionReviewed(reviewer: Actor) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markSectionReviewed,
    onMutate: async (mark) => {
      const key = packageKeys.reviews(mark.packageId);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<SectionReview[]>(key);
      const optimistic: SectionReview = { versionNumber: mark.versionNumber, sectionKey: mark.sectionKey, reviewer, reviewedAt: new Date().toISOString(), carriedFrom: null };
      queryClient.setQueryData<SectionReview[]>(key, (reviews = []) => [...reviews.filter((review) => !isSameMark(review, mark, reviewer.id)), optimistic]);
      return { previous };
    },
    onError: (_error, mark, context) => {
      queryClient.setQueryData(packageKeys.reviews(mark.packageId), context?.previous);
    },
    onSettled: (_data, _error, mark) => queryClient.invalidateQueries({ queryKey: packageKeys.reviews(mark.packageId) }),
  });
}
