import { useMemo } from 'react';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { Thread } from '#domain/contracts/threads.ts';
import { useCarriedThreads } from '../annotations/use-carried-threads.ts';
import { openCount, threadsBySection } from '../thread-abilities.ts';

const noThreads: never[] = [];

/**
 * A version's threads by section: its own, and earlier ones carried over or outdated; which
 * passages can be highlighted; how many threads each section has open.
 */
export function useVersionThreads(threads: readonly Thread[] | undefined, number: number, content: PackageContent | undefined) {
  const byThreadSection = useMemo(() => threadsBySection(threads ?? noThreads, number), [threads, number]);
  const versionThreads = useMemo(() => [...byThreadSection.values()].flat(), [byThreadSection]);
  const carried = useCarriedThreads(threads, number, content);
  const carriedInSections = useMemo(() => [...carried.bySection.values()].flat(), [carried]);
  // Threads under this version's sections: its own, and earlier ones carried over or outdated.
  const sectionThreads = useMemo(() => versionThreads.concat(carriedInSections.map((entry) => entry.thread)), [versionThreads, carriedInSections]);
  // Only passages still in this version can be highlighted; an outdated quote is shown in its thread.
  const highlighted = useMemo(
    () => versionThreads.concat(carriedInSections.filter((entry) => entry.state === 'carried_over').map((entry) => entry.thread)),
    [versionThreads, carriedInSections],
  );
  const openThreads = useMemo(() => {
    const counts = new Map([...byThreadSection].map(([key, list]) => [key, openCount(list)]));
    for (const [key, list] of carried.bySection) counts.set(key, (counts.get(key) ?? 0) + openCount(list.map((entry) => entry.thread)));
    return counts;
  }, [byThreadSection, carried]);
  return { byThreadSection, carried, sectionThreads, highlighted, openThreads };
}
