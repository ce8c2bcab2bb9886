import { useMutation } from '@tanstack/react-query';
import { resubmitDraftResponseSchema, type ResubmitDraftRequest } from '#domain/contracts/drafts.ts';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';

/** Saves the draft on the server (replacing the one before), or, with null, discards it. */
export async function saveResubmitDraft(packageId: string, request: ResubmitDraftRequest | null): Promise<string | null> {
  const path = apiPath(routes.saveResubmitDraft.path, { id: packageId });
  if (request === null) {
    await apiFetch(path, { method: 'DELETE' });
    return null;
  }
  const reply = await apiFetch(path, { method: 'PUT', body: request, schema: resubmitDraftResponseSchema });
  return reply.draft?.savedAt ?? null;
}

export function useSaveResubmitDraft(packageId: string) {
  return useMutation({ mutationFn: (request: ResubmitDraftRequest | null) => saveResubmitDraft(packageId, request) });
}
