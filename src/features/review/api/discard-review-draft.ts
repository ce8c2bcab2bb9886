import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReviewDraft } from '#domain/contracts/drafts.ts';
import { apiPath } from '#api/kernel/route-def.ts';
import { draftsRoutes } from '#api/drafts/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

export interface DraftRef {
  packageId: string;
  draftId: string;
}

/** Discards one of the reviewer's drafts; it was never published, so nothing else changes. */
export function discardReviewDraft({ packageId, draftId }: DraftRef): Promise<void> {
  return apiFetch(apiPath(draftsRoutes.discardReviewDraft.path, { id: packageId, draftId }), { method: 'DELETE' });
}

export function useDiscardReviewDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: discardReviewDraft,
    onSuccess: (_nothing, { packageId, draftId }) => queryClient.setQueryData<ReviewDraft[]>(packageKeys.reviewDrafts(packageId), (drafts) => drafts?.filter((d) => d.id !== draftId)),
    onSettled: (_nothing, _error, { packageId }) => queryClient.invalidateQueries({ queryKey: packageKeys.reviewDrafts(packageId) }),
  });
}
