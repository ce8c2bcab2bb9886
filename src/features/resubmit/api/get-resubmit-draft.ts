import { queryOptions, useQuery } from '@tanstack/react-query';
import { resubmitDraftResponseSchema, type ResubmitDraft } from '#domain/contracts/drafts.ts';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { packageKeys } from '#src/lib/package-keys.ts';

/** The owner's resubmission in progress for the package, as last saved from any tab or device; null for none. */
export async function getResubmitDraft(id: string, signal?: AbortSignal): Promise<ResubmitDraft | null> {
  const reply = await apiFetch(apiPath(routes.getResubmitDraft.path, { id }), { schema: resubmitDraftResponseSchema, ...(signal ? { signal } : {}) });
  return reply.draft;
}

export function resubmitDraftQueryOptions(id: string) {
  return queryOptions({
    queryKey: packageKeys.resubmitDraft(id),
    queryFn: ({ signal }) => getResubmitDraft(id, signal),
    // Read afresh each time the editor opens (another device may have saved since); the
    // editor then owns the draft and saves it as it changes.
    staleTime: Infinity,
    refetchOnMount: 'always',
    refetchOnWindowFocus: false,
  });
}

export function useResubmitDraftQuery(id: string) {
  const query = useQuery(resubmitDraftQueryOptions(id));
  /** The draft as the server has it now (not a copy cached before this page opened); undefined until then. */
  const fresh = query.isFetchedAfterMount ? query.data : undefined;
  return { ...query, fresh };
}
