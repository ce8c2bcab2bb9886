import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import { isReviewerRole } from '#domain/contracts/roles.ts';
import { changedSectionKeys } from '#domain/package/changed-sections.ts';
import { annotationLock, conversationLock, versionLock } from '#domain/workflow/version-lock.ts';
import { useThreads } from '#src/lib/get-threads.ts';
import { useVersion, versionQueryOptions } from '#src/lib/get-version.ts';
import { useViewer } from '#src/lib/use-viewer.ts';
import { useQuoteHighlights } from '../annotations/use-quote-highlights.ts';
import { useSelectedPassage } from '../annotations/use-selected-passage.ts';
import { useReviewShortcuts } from './keyboard/use-review-shortcuts.ts';
import { useVersionReviews } from './review/use-version-reviews.ts';
import { useProgressiveSections } from './use-progressive-sections.ts';
import { useVersionDeepLink } from './use-version-deep-link.ts';
import { useVersionThreads } from './use-version-threads.ts';
import { useGoToThread } from './threads/use-go-to-thread.ts';

/**
 * Everything one version's page shows besides its markup: the version and the one before it
 * (for what changed), the review marks, the threads, the locks, the passage selected, the
 * highlights, the sections rendered so far, the deep link and the keyboard shortcuts.
 */
export function useVersionContentState(pkg: PackageDetail, number: number) {
  const version = useVersion(pkg.id, number);
  const previous = useQuery({ ...versionQueryOptions(pkg.id, number - 1), enabled: number > 1 });
  const reviews = useVersionReviews(pkg.id, number, version.data?.content.sections);
  const threads = useThreads(pkg.id);
  const viewer = useViewer();
  const container = useRef<HTMLDivElement>(null);
  const selected = useSelectedPassage(container);
  const [annotateRequests, setAnnotateRequests] = useState<ReadonlyMap<string, number>>(new Map());
  const [helpOpen, setHelpOpen] = useState(false);

  const lockFacts = { status: pkg.status, latestVersion: pkg.latestVersion, decisions: pkg.decisions };
  // A carried thread is answered and resolved under the rules of its own version.
  // Threads carry over to the latest version, so every conversation follows its lock.
  const lockFor = () => conversationLock(lockFacts);

  const { byThreadSection, carried, sectionThreads, highlighted, openThreads } = useVersionThreads(threads.data, number, version.data?.content);
  const changed = useMemo(
    () => (version.data && previous.data ? { keys: changedSectionKeys(version.data.content, previous.data.content), since: previous.data.number } : undefined),
    [version.data, previous.data],
  );
  const renderedCount = useProgressiveSections(version.data?.content.sections);
  const { currentThreadId, pinnedKey, ownHashes } = useVersionDeepLink({ versionLoaded: version.data !== undefined, threadsLoaded: threads.data !== undefined, sectionThreads });
  const { found: quotesFound, ranges: quoteRanges } = useQuoteHighlights(container, highlighted, currentThreadId, renderedCount);

  const annotate = useCallback((key: string) => setAnnotateRequests((requests) => new Map(requests).set(key, (requests.get(key) ?? 0) + 1)), []);
  // `a` annotates the selected passage wherever it is, else the section in focus.
  const selectedKey = useRef<string | null>(null);
  useEffect(() => {
    selectedKey.current = selected?.sectionKey ?? null;
  }, [selected]);
  const annotateCurrent = useCallback((key: string) => annotate(selectedKey.current ?? key), [annotate]);
  useReviewShortcuts(container, { annotate: annotateCurrent, help: () => setHelpOpen(true), ownHashes });
  const goToThread = useGoToThread(container, quoteRanges, ownHashes);

  return {
    version,
    reviews,
    threads,
    viewer,
    container,
    selected,
    lock: versionLock(lockFacts, number),
    lockFor,
    annotateLock: annotationLock(lockFacts, number),
    canAnnotate: viewer?.roles.some(isReviewerRole) ?? false,
    byThreadSection,
    carried,
    openThreads,
    changed,
    renderedCount,
    pinnedKey,
    ownHashes,
    quotesFound,
    quoteRanges,
    goToThread,
    annotate,
    annotateRequests,
    helpOpen,
    openHelp: () => setHelpOpen(true),
    closeHelp: () => setHelpOpen(false),
  };
}
