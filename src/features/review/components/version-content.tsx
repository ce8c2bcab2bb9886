import { useCallback, useMemo, useRef, useState, type ComponentProps, type ReactNode, type RefObject } from 'react';
import { Link } from 'react-router';
import type { CarriedThread } from '#domain/annotations/carry-over.ts';
import type { PackageDetail, PackageVersion } from '#domain/contracts/packages.ts';
import type { Thread } from '#domain/contracts/threads.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { formatDateTime } from '#src/lib/format.ts';
import { ShortcutsDialog } from './keyboard/shortcuts-dialog.tsx';
import { useReviewDrafts } from '../api/get-review-drafts.ts';
import { ReviewBar } from './review/review-bar.tsx';
import { SectionReview } from './review/section-review.tsx';
import { SectionBlock } from './sections/section-block.tsx';
import { SectionToc } from './section-toc.tsx';
import { useStickyHeight } from '#src/lib/use-sticky-height.ts';
import { QuoteMarkers } from './threads/quote-markers.tsx';
import { RemovedSectionThreads } from './threads/removed-section-threads.tsx';
import { SelectionActions } from './threads/selection-actions.tsx';
import { SectionThreads } from './threads/section-threads.tsx';
import { useCurrentSection } from './use-current-section.ts';
import { SectionFindings } from './findings/section-findings.tsx';
import { useVersionContentState } from './use-version-content-state.ts';
import { PolicyEvaluationContext } from './policy/policy-context.ts';
import { PolicySummary } from './policy/policy-summary.tsx';

const notice = 'rounded-md border border-slate-200 bg-white p-5';
const noThreads: never[] = [];
const noCarried: never[] = [];

/** What the decision slot is given: the signing feature fills it (features do not import each other). */
export interface DecisionSlotProps {
  pkg: PackageDetail;
  version: PackageVersion;
  reviewed: number;
  total: number;
  /** In the page's flow, or as the review bar's "Decide…" button. */
  placement: 'panel' | 'bar';
  /** How many of the reviewer's drafts signing will publish with the decision. */
  unpublished?: number;
}

interface Props {
  pkg: PackageDetail;
  number: number;
  renderDecision?: ((props: DecisionSlotProps) => ReactNode) | undefined;
}

function toggled(keys: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const next = new Set(keys);
  if (!next.delete(key)) next.add(key);
  return next;
}

/** One version, section by section, with its review marks, threads and the reviewer's decision. */
export function VersionContent({ pkg, number, renderDecision }: Props) {
  const { container, ...view } = useVersionContentState(pkg, number);
  const latest = pkg.latestVersion;
  // Reviewed sections fold; these are the ones the reader opened again.
  const [unfolded, setUnfolded] = useState<ReadonlySet<string>>(new Set());
  const toggleFold = useCallback((key: string) => setUnfolded((keys) => toggled(keys, key)), []);
  const openThreadCount = [...view.openThreads.values()].reduce((sum, n) => sum + n, 0);
  const unpublished = useReviewDrafts(pkg.id, view.reviews.reviewer !== null).data?.length ?? 0;
  const sectionTitles = useMemo(() => new Map(view.version.data?.content.sections.map((s) => [s.key, s.title])), [view.version.data]);

  return (
    <div aria-busy={view.version.isFetching} className="space-y-6">
      {view.version.isPending && <LoadingNotice>{`Loading version ${number}…`}</LoadingNotice>}
      {view.version.isError && (
        <ErrorNotice title={`Version ${number} could not be loaded.`} error={view.version.error} onRetry={() => void view.version.refetch()} retrying={view.version.isFetching} />
      )}
      {view.version.data && (
        <PolicyEvaluationContext value={view.version.data.policy}>
          <div className="flex flex-wrap items-start justify-between gap-4">
            <p className="text-slate-700">
              Version {view.version.data.number}, submitted by {view.version.data.submittedBy.displayName}
              {view.version.data.submittedBy.title && `, ${view.version.data.submittedBy.title}`}, on{' '}
              <time dateTime={view.version.data.submittedAt}>{formatDateTime(view.version.data.submittedAt)}</time>.
              {number !== latest && (
                <>
                  {' '}
                  This is an earlier version; <Link to={`?version=${latest}`}>read the latest, version {latest}</Link>.
                </>
              )}
            </p>
            <button type="button" className={buttonClasses.secondary} onClick={view.openHelp} aria-keyshortcuts="?">
              Keyboard shortcuts
            </button>
          </div>
          <ShortcutsDialog open={view.helpOpen} onClose={view.closeHelp} />
          <PolicySummary evaluation={view.version.data.policy} />
          {view.reviews.query.isError && (
            <ErrorNotice title="The review marks could not be loaded." error={view.reviews.query.error} onRetry={() => void view.reviews.query.refetch()} retrying={view.reviews.query.isFetching} />
          )}
          {view.threads.isError && <ErrorNotice title="The threads could not be loaded." error={view.threads.error} onRetry={() => void view.threads.refetch()} retrying={view.threads.isFetching} />}
          {number === latest && view.reviews.reviewer && view.reviews.states && renderDecision?.({ pkg, version: view.version.data, reviewed: view.reviews.reviewedCount, total: view.reviews.states.size, placement: 'panel', unpublished })}
          {view.version.data.content.sections.length === 0 ? (
            <p className={notice}>This version has no sections.</p>
          ) : (
            <>
              {/* Stuck to the top together: the reviewer's bar, and the contents line that says where the reader is. */}
              <StickyBars
                container={container}
                toc={{ sections: view.version.data.content.sections, reviewedByMe: view.reviews.reviewedByMe, openThreads: view.openThreads, changed: view.changed }}
              >
                {view.reviews.reviewer && view.reviews.states && view.reviews.reviewedByMe && (
                  <ReviewBar
                    packageId={pkg.id}
                    versionNumber={number}
                    reviewer={view.reviews.reviewer}
                    reviewedByMe={view.reviews.reviewedByMe}
                    total={view.reviews.states.size}
                    openThreads={openThreadCount}
                    lock={view.lock}
                    container={container}
                    ownHashes={view.ownHashes}
                    decide={number === latest && renderDecision?.({ pkg, version: view.version.data, reviewed: view.reviews.reviewedCount, total: view.reviews.states.size, placement: 'bar', unpublished })}
                    sectionTitles={sectionTitles}
                  />
                )}
              </StickyBars>
              <div ref={container} className="space-y-8">
                {view.version.data.content.sections.map((section, index) => {
                  const state = view.reviews.states?.get(section.key);
                  const threads = view.byThreadSection.get(section.key) ?? noThreads;
                  const carried = view.carried.bySection.get(section.key) ?? noCarried;
                  const selected = view.selected?.sectionKey === section.key ? view.selected.selector : null;
                  return (
                    <SectionBlock
                      key={section.key}
                      section={section}
                      pending={index >= view.renderedCount && section.key !== view.pinnedKey}
                      collapse={state?.reviewedByMe ? { collapsed: !unfolded.has(section.key), toggle: toggleFold } : undefined}
                      margin={
                        <SectionThreads
                          packageId={pkg.id}
                          versionNumber={number}
                          section={section}
                          threads={threads}
                          carried={carried}
                          viewer={view.viewer}
                          lock={view.lock}
                          lockFor={view.lockFor}
                          annotateLock={view.annotateLock}
                          canAnnotate={view.canAnnotate}
                          selected={selected}
                          quotesFound={view.quotesFound}
                          quoteRanges={view.quoteRanges}
                          formRequested={view.annotateRequests.get(section.key) ?? 0}
                        />
                      }
                    >
                      <SectionMarkers threads={threads} carried={carried} ranges={view.quoteRanges} goToThread={view.goToThread} />
                      {selected && view.canAnnotate && !view.annotateLock && <SelectionActions selected={selected} onAnnotate={() => view.annotate(section.key)} />}
                      <SectionFindings packageId={pkg.id} versionNumber={number} section={section} />
                      {state && <SectionReview mark={{ packageId: pkg.id, versionNumber: number, sectionKey: section.key }} state={state} reviewer={view.reviews.reviewer} lock={view.lock} />}
                    </SectionBlock>
                  );
                })}
                <RemovedSectionThreads versionNumber={number} threads={view.carried.onRemovedSections} viewer={view.viewer} lockFor={view.lockFor} />
              </div>
            </>
          )}
        </PolicyEvaluationContext>
      )}
    </div>
  );
}

/** The markers beside a section's highlighted passages, one per thread whose passage is on the page. */
function SectionMarkers({ threads, carried, ranges, goToThread }: { threads: readonly Thread[]; carried: readonly CarriedThread[]; ranges: ReadonlyMap<string, Range>; goToThread: (threadId: string) => void }) {
  const anchored = useMemo(
    () =>
      [...carried.map((entry) => entry.thread), ...threads].flatMap((thread) => {
        const range = ranges.get(thread.id);
        return range ? [{ thread, range }] : [];
      }),
    [threads, carried, ranges],
  );
  return anchored.length > 0 ? <QuoteMarkers threads={anchored} goToThread={goToThread} /> : null;
}

/**
 * Stuck to the top of the window together: the reviewer's bar (`children`), and the contents
 * line with the section the reader is in. While they are there, what the browser scrolls into
 * view lands below them (see useStickyHeight).
 */
function StickyBars({ container, toc, children }: { container: RefObject<HTMLElement | null>; toc: Omit<ComponentProps<typeof SectionToc>, 'current'>; children: ReactNode }) {
  const bars = useRef<HTMLDivElement>(null);
  const height = useStickyHeight(bars);
  const current = useCurrentSection(container, height, toc.sections.length);
  return (
    <div ref={bars} data-sticky-bars className="sticky top-0 z-20 -mx-1 border-b border-slate-300 bg-white px-1 shadow-sm">
      {children}
      <SectionToc {...toc} current={current} />
    </div>
  );
}
