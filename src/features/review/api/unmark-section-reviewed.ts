import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SectionReview } from '#domain/contracts/threads.ts';
import { apiPath } from '#api/kernel/route-def.ts';
import { sectionReviewsRoutes } from '#api/section-reviews/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';
import { isSameMark, type SectionMark } from '../section-reviews.ts';

/** Withdraws the signed-in reviewer's mark from a section of a version. */
export function unmarkSectionReviewed({ packageId, versionNumber, sectionKey }: SectionMark): Promise<void> {
  const path = apiPath(sectionReviewsRoutes.unmarkSectionReviewed.path, { id: packageId, n: versionNumber, key: sectionKey });
  return apiFetch(path, { method: 'DELETE' });
}

/** The mark disappears at once and comes back if the server refuses (a decided version). */
export function useUnmarkSectionReviewed(reviewerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unmarkSectionReviewed,
    onMutate: async (mark) => {
      const key = packageKeys.reviews(mark.packageId);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<SectionReview[]>(key);
      queryClient.setQueryData<SectionReview[]>(key, (reviews) => reviews?.filter((review) => !isSameMark(review, mark, reviewerId)));
      return { previous };
    },
    onError: (_error, mark, context) => {
      queryClient.setQueryData(packageKeys.reviews(mark.packageId), context?.previous);
    },
    onSettled: (_data, _error, mark) => queryClient.invalidateQueries({ queryKey: packageKeys.reviews(mark.packageId) }),
  });
}
