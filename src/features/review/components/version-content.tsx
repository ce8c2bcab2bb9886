import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { isReviewerRole } from '#domain/contracts/roles.ts';
import type { PackageDetail, PackageVersion } from '#domain/contracts/packages.ts';
import { changedSectionKeys } from '#domain/package/changed-sections.ts';
import { annotationLock, conversationLock, versionLock } from '#domain/workflow/version-lock.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { formatDateTime } from '#src/lib/format.ts';
import { useViewer } from '#src/lib/use-viewer.ts';
import { useThreads } from '#src/lib/get-threads.ts';
import { useVersion, versionQueryOptions } from '#src/lib/get-version.ts';
import { useCarriedThreads } from '../annotations/use-carried-threads.ts';
import { useQuoteHighlights } from '../annotations/use-quote-highlights.ts';
import { useSelectedPassage } from '../annotations/use-selected-passage.ts';
import { openCount, threadsBySection } from '../thread-abilities.ts';
import { ShortcutsDialog } from './keyboard/shortcuts-dialog.tsx';
import { useReviewShortcuts } from './keyboard/use-review-shortcuts.ts';
import { ReviewProgress } from './review/review-progress.tsx';
import { SectionReview } from './review/section-review.tsx';
import { useVersionReviews } from './review/use-version-reviews.ts';
import { SectionBlock } from './sections/section-block.tsx';
import { SectionToc } from './section-toc.tsx';
import { useProgressiveSections } from './use-progressive-sections.ts';
import { RemovedSectionThreads } from './threads/removed-section-threads.tsx';
import { SectionThreads } from './threads/section-threads.tsx';

const notice = 'rounded-md border border-slate-200 bg-white p-5';
const noThreads: never[] = [];
const noCarried: never[] = [];

/** What the decision slot is given: the signing feature fills it (features do not import each other). */
export interface DecisionSlotProps {
  pkg: PackageDetail;
  version: PackageVersion;
  reviewed: number;
  total: number;
}

interface Props {
  pkg: PackageDetail;
  number: number;
  renderDecision?: ((props: DecisionSlotProps) => ReactNode) | undefined;
}

/** One version, section by section, with its review marks, threads and the reviewer's decision. */
export function VersionContent({ pkg, number, renderDecision }: Props) {
  const version = useVersion(pkg.id, number);
  const previous = useQuery({ ...versionQueryOptions(pkg.id, number - 1), enabled: number > 1 });
  const reviews = useVersionReviews(pkg.id, number, version.data?.content.sections);
  const threads = useThreads(pkg.id);
  const viewer = useViewer();
  const container = useRef<HTMLDivElement>(null);
  const selected = useSelectedPassage(container);
  const { hash } = useLocation();
  const [annotateRequests, setAnnotateRequests] = useState<ReadonlyMap<string, number>>(new Map());
  const [helpOpen, setHelpOpen] = useState(false);

  const latest = pkg.latestVersion;
  const lockFacts = { status: pkg.status, latestVersion: latest, decisions: pkg.decisions };
  const lock = versionLock(lockFacts, number);
  // A carried thread is answered and resolved under the rules of its own version.
  // Threads carry over to the latest version, so every conversation follows its lock.
  const lockFor = () => conversationLock(lockFacts);
  const annotateLock = annotationLock(lockFacts, number);
  const canAnnotate = viewer?.roles.some(isReviewerRole) ?? false;

  const byThreadSection = useMemo(() => threadsBySection(threads.data ?? noThreads, number), [threads.data, number]);
  const versionThreads = useMemo(() => [...byThreadSection.values()].flat(), [byThreadSection]);
  const carried = useCarriedThreads(threads.data, number, version.data?.content);
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
  const changed = useMemo(
    () => (version.data && previous.data ? { keys: changedSectionKeys(version.data.content, previous.data.content), since: previous.data.number } : undefined),
    [version.data, previous.data],
  );
  const currentThreadId = hash.startsWith('#thread-') ? decodeURIComponent(hash.slice('#thread-'.length)) : null;
  const renderedCount = useProgressiveSections(version.data?.content.sections);
  // The section a link points at (directly, or through one of its threads) renders at once.
  const pinnedKey = hash.startsWith('#section-') ? decodeURIComponent(hash.slice('#section-'.length)) : sectionThreads.find((thread) => thread.id === currentThreadId)?.sectionKey;
  const quotesFound = useQuoteHighlights(container, highlighted, currentThreadId, renderedCount);

  const annotate = useCallback((key: string) => setAnnotateRequests((requests) => new Map(requests).set(key, (requests.get(key) ?? 0) + 1)), []);
  const ownHashes = useRef(new Set<string>());
  useReviewShortcuts(container, { annotate, help: () => setHelpOpen(true), ownHashes });

  // A deep link (#section-<key> or #thread-<id>) arrives before the content does, so the
  // browser cannot scroll to it by itself: do it once the target is on the page, and give
  // it focus so the keyboard continues from there.
  const loaded = version.data !== undefined && (!hash.startsWith('#thread-') || threads.data !== undefined);
  useEffect(() => {
    if (!loaded || !(hash.startsWith('#section-') || hash.startsWith('#thread-'))) return;
    // A keyboard move wrote this hash after placing focus itself; keys pressed quickly
    // must not be pulled back to an earlier target.
    if (ownHashes.current.delete(hash)) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.scrollIntoView();
    if (target !== document.activeElement && !target.contains(document.activeElement)) target.focus({ preventScroll: true });
  }, [loaded, hash]);

  return (
    <div aria-busy={version.isFetching} className="space-y-6">
      {version.isPending && <LoadingNotice>{`Loading version ${number}…`}</LoadingNotice>}
      {version.isError && (
        <ErrorNotice title={`Version ${number} could not be loaded.`} error={version.error} onRetry={() => void version.refetch()} retrying={version.isFetching} />
      )}
      {version.data && (
        <>
          <div className="flex flex-wrap items-start justify-between gap-4">
            <p className="text-slate-700">
              Version {version.data.number}, submitted by {version.data.submittedBy.displayName}
              {version.data.submittedBy.title && `, ${version.data.submittedBy.title}`}, on{' '}
              <time dateTime={version.data.submittedAt}>{formatDateTime(version.data.submittedAt)}</time>.
              {number !== latest && (
                <>
                  {' '}
                  This is an earlier version; <Link to={`?version=${latest}`}>read the latest, version {latest}</Link>.
                </>
              )}
            </p>
            <button type="button" className={buttonClasses.secondary} onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
              Keyboard shortcuts
            </button>
          </div>
          <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
          {reviews.query.isError && (
            <ErrorNotice title="The review marks could not be loaded." error={reviews.query.error} onRetry={() => void reviews.query.refetch()} retrying={reviews.query.isFetching} />
          )}
          {threads.isError && <ErrorNotice title="The threads could not be loaded." error={threads.error} onRetry={() => void threads.refetch()} retrying={threads.isFetching} />}
          {number === latest && reviews.reviewer && reviews.states && renderDecision?.({ pkg, version: version.data, reviewed: reviews.reviewedCount, total: reviews.states.size })}
          {version.data.content.sections.length === 0 ? (
            <p className={notice}>This version has no sections.</p>
          ) : (
            <div ref={container} className="grid gap-8 lg:grid-cols-[14rem_minmax(0,1fr)]">
              <SectionToc
                sections={version.data.content.sections}
                reviewedByMe={reviews.reviewedByMe}
                openThreads={openThreads}
                changed={changed}
                header={reviews.reviewer && reviews.states && <ReviewProgress reviewed={reviews.reviewedCount} total={reviews.states.size} />}
              />
              <div className="min-w-0 space-y-8">
                {version.data.content.sections.map((section, index) => {
                  const state = reviews.states?.get(section.key);
                  return (
                    <SectionBlock key={section.key} section={section} pending={index >= renderedCount && section.key !== pinnedKey}>
                      {state && <SectionReview mark={{ packageId: pkg.id, versionNumber: number, sectionKey: section.key }} state={state} reviewer={reviews.reviewer} />}
                      <SectionThreads
                        packageId={pkg.id}
                        versionNumber={number}
                        section={section}
                        threads={byThreadSection.get(section.key) ?? noThreads}
                        carried={carried.bySection.get(section.key) ?? noCarried}
                        viewer={viewer}
                        lock={lock}
                        lockFor={lockFor}
                        annotateLock={annotateLock}
                        canAnnotate={canAnnotate}
                        selected={selected?.sectionKey === section.key ? selected.selector : null}
                        quotesFound={quotesFound}
                        formRequested={annotateRequests.get(section.key) ?? 0}
                      />
                    </SectionBlock>
                  );
                })}
                <RemovedSectionThreads versionNumber={number} threads={carried.onRemovedSections} viewer={viewer} lockFor={lockFor} />
              </div>
            </div>
          )}
        </>
      )}
    </div>
  );
}
