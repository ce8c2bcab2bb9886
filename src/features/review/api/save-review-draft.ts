import { useMutation, useQueryClient } from '@tanstack/react-query';
import { reviewDraftSchema, type ReviewDraft, type ReviewDraftRequest } from '#domain/contracts/drafts.ts';
import { apiPath } from '#api/kernel/route-def.ts';
import { draftsRoutes } from '#api/drafts/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

export interface SaveReviewDraftInput {
  packageId: string;
  request: ReviewDraftRequest;
}

/** Saves a comment or clarification request as a draft on the server, for the reviewer alone. */
export function saveReviewDraft({ packageId, request }: SaveReviewDraftInput): Promise<ReviewDraft> {
  return apiFetch(apiPath(draftsRoutes.saveReviewDraft.path, { id: packageId }), { method: 'POST', body: request, schema: reviewDraftSchema });
}

export function useSaveReviewDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveReviewDraft,
    onSuccess: async (draft) => {
      queryClient.setQueryData<ReviewDraft[]>(packageKeys.reviewDrafts(draft.packageId), (drafts = []) => [...drafts.filter((d) => d.id !== draft.id), draft]);
      await queryClient.invalidateQueries({ queryKey: packageKeys.reviewDrafts(draft.packageId) });
    },
  });
}
