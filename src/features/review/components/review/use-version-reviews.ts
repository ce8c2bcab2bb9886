import { useMemo } from 'react';
import type { Actor } from '#domain/contracts/decisions.ts';
import { isReviewerRole } from '#domain/contracts/roles.ts';
import type { Section } from '#domain/contracts/sections.ts';
import { useViewer } from '#src/lib/use-viewer.ts';
import { useSectionReviews } from '../../api/get-section-reviews.ts';
import { countReviewedByMe, reviewStateBySection } from '../../section-reviews.ts';

/**
 * The review marks on one version, from the signed-in user's side: the state of each
 * section, their own progress, and whether they may mark sections at all (reviewer roles;
 * owners and administrators see the marks but cannot make them).
 */
export function useVersionReviews(packageId: string, versionNumber: number, sections: readonly Section[] | undefined) {
  const sectionKeys = useMemo(() => sections?.map((section) => section.key), [sections]);
  const query = useSectionReviews(packageId);
  const viewer = useViewer();
  const reviewer: Actor | null = useMemo(
    () => (viewer?.roles.some(isReviewerRole) ? { id: viewer.id, displayName: viewer.displayName, title: viewer.title } : null),
    [viewer],
  );
  const states = useMemo(
    () => (query.data && sectionKeys ? reviewStateBySection(query.data, versionNumber, sectionKeys, viewer?.id ?? null) : undefined),
    [query.data, versionNumber, sectionKeys, viewer?.id],
  );
  const reviewedByMe = useMemo(() => (states && reviewer ? new Set([...states].filter(([, state]) => state.reviewedByMe).map(([key]) => key)) : undefined), [states, reviewer]);
  return { query, reviewer, states, reviewedByMe, reviewedCount: states ? countReviewedByMe(states) : 0 };
}
