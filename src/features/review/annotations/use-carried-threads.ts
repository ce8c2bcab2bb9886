import { useMemo, useState } from 'react';
import { carryOverThreads, type CarriedThread } from '#domain/annotations/carry-over.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { Thread } from '#domain/contracts/threads.ts';

export interface CarriedThreads {
  /** Threads of earlier versions whose section is in this version (carried over or outdated), by section key. */
  bySection: ReadonlyMap<string, readonly CarriedThread[]>;
  /** Threads of earlier versions whose section this version no longer has. */
  onRemovedSections: readonly CarriedThread[];
}

const noIds: ReadonlySet<string> = new Set();

/**
 * The unresolved threads of earlier versions, placed on version `number`. A thread resolved
 * while the reader is on this version stays in place, shown resolved, as a thread of the
 * version itself would (its card, and the focus on it, do not vanish); it is no longer
 * carried once the reader comes back.
 */
export function useCarriedThreads(threads: readonly Thread[] | undefined, number: number, content: PackageContent | undefined): CarriedThreads {
  const [shown, setShown] = useState<{ number: number; ids: ReadonlySet<string> }>({ number, ids: noIds });
  const shownIds = shown.number === number ? shown.ids : noIds;
  const carried = useMemo(
    () => (threads && content ? carryOverThreads(threads, { number, content }, { keepResolved: shownIds }) : []),
    [threads, number, content, shownIds],
  );

  // Remember what was shown (state set while rendering, as React recommends for derived state).
  const unseen = carried.filter((entry) => !shownIds.has(entry.thread.id));
  if (shown.number !== number || unseen.length > 0) setShown({ number, ids: new Set([...shownIds, ...unseen.map((entry) => entry.thread.id)]) });

  return useMemo(() => group(carried), [carried]);
}

function group(carried: readonly CarriedThread[]): CarriedThreads {
  const bySection = new Map<string, CarriedThread[]>();
  const onRemovedSections: CarriedThread[] = [];
  for (const entry of carried) {
    if (entry.reason === 'section_removed') {
      onRemovedSections.push(entry);
      continue;
    }
    const list = bySection.get(entry.thread.sectionKey) ?? [];
    list.push(entry);
    bySection.set(entry.thread.sectionKey, list);
  }
  return { bySection, onRemovedSections };
}
