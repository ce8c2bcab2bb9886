import { skipToken, useQuery, type QueryClient } from '@tanstack/react-query';
import { sessionResponseSchema } from '#domain/contracts/users.ts';
import { sessionQueryKey } from './use-viewer.ts';

// What a catalogue button says (docs/decisions/0192, third amendment): once two administrators
// exist a change waits for the second (0182), so "Publish" would promise what does not happen.
// The session, which every admin page has, says which; the change's own answer still decides
// (catalogue-change.ts), and corrects the session when the count changed since it was read.

function proposesOf(data: unknown): boolean {
  const parsed = sessionResponseSchema.nullable().safeParse(data);
  return parsed.success && parsed.data?.catalogueNeedsSecondAdministrator === true;
}

/** Whether a catalogue change made on this page waits for a second administrator. */
export function useCatalogueProposes(): boolean {
  return useQuery({ queryKey: sessionQueryKey, queryFn: skipToken, select: proposesOf }).data ?? false;
}

/** The verb a catalogue button starts with: "Publish" (or `direct`) when the change is made at once, "Propose" when it waits. */
export function catalogueVerb(proposes: boolean, direct = 'Publish'): string {
  return proposes ? 'Propose' : direct;
}

/** What the change would have been, for a heading saying it did not happen: "proposed" when it waits. */
export function catalogueDone(proposes: boolean, direct = 'published'): string {
  return proposes ? 'proposed' : direct;
}

/** After a change's answer: the session learns what it said, so the buttons follow an administrator added or removed since. */
export function noteCatalogueOutcome(queryClient: QueryClient, outcome: { proposed: boolean }): void {
  queryClient.setQueryData(sessionQueryKey, (data: unknown) => {
    const parsed = sessionResponseSchema.nullable().safeParse(data);
    if (!parsed.success || !parsed.data || parsed.data.catalogueNeedsSecondAdministrator === outcome.proposed) return data;
    return { ...parsed.data, catalogueNeedsSecondAdministrator: outcome.proposed };
  });
}
