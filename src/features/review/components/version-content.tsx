import { useCallback, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { PackageDetail, PackageVersion } from '#domain/contracts/packages.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { formatDateTime } from '#src/lib/format.ts';
import { ShortcutsDialog } from './keyboard/shortcuts-dialog.tsx';
import { ReviewBar } from './review/review-bar.tsx';
import { ReviewProgress } from './review/review-progress.tsx';
import { SectionReview } from './review/section-review.tsx';
import { SectionBlock } from './sections/section-block.tsx';
import { SectionToc } from './section-toc.tsx';
import { RemovedSectionThreads } from './threads/removed-section-threads.tsx';
import { SectionThreads } from './threads/section-threads.tsx';
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
          {number === latest && view.reviews.reviewer && view.reviews.states && renderDecision?.({ pkg, version: view.version.data, reviewed: view.reviews.reviewedCount, total: view.reviews.states.size, placement: 'panel' })}
          {view.reviews.reviewer && view.reviews.states && view.reviews.reviewedByMe && view.version.data.content.sections.length > 0 && (
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
              decide={number === latest && renderDecision?.({ pkg, version: view.version.data, reviewed: view.reviews.reviewedCount, total: view.reviews.states.size, placement: 'bar' })}
            />
          )}
          {view.version.data.content.sections.length === 0 ? (
            <p className={notice}>This version has no sections.</p>
          ) : (
            <div ref={container} className="grid gap-8 lg:grid-cols-[14rem_minmax(0,1fr)]">
              <SectionToc
                sections={view.version.data.content.sections}
                reviewedByMe={view.reviews.reviewedByMe}
                openThreads={view.openThreads}
                changed={view.changed}
                header={view.reviews.reviewer && view.reviews.states && <ReviewProgress reviewed={view.reviews.reviewedCount} total={view.reviews.states.size} />}
              />
              <div className="min-w-0 space-y-8">
                {view.version.data.content.sections.map((section, index) => {
                  const state = view.reviews.states?.get(section.key);
                  return (
                    <SectionBlock
                      key={section.key}
                      section={section}
                      pending={index >= view.renderedCount && section.key !== view.pinnedKey}
                      collapse={state?.reviewedByMe ? { collapsed: !unfolded.has(section.key), toggle: toggleFold } : undefined}
                    >
                      <SectionFindings packageId={pkg.id} versionNumber={number} section={section} />
                      {state && <SectionReview mark={{ packageId: pkg.id, versionNumber: number, sectionKey: section.key }} state={state} reviewer={view.reviews.reviewer} lock={view.lock} />}
                      <SectionThreads
                        packageId={pkg.id}
                        versionNumber={number}
                        section={section}
                        threads={view.byThreadSection.get(section.key) ?? noThreads}
                        carried={view.carried.bySection.get(section.key) ?? noCarried}
                        viewer={view.viewer}
                        lock={view.lock}
                        lockFor={view.lockFor}
                        annotateLock={view.annotateLock}
                        canAnnotate={view.canAnnotate}
                        selected={view.selected?.sectionKey === section.key ? view.selected.selector : null}
                        quotesFound={view.quotesFound}
                        formRequested={view.annotateRequests.get(section.key) ?? 0}
                      />
                    </SectionBlock>
                  );
                })}
                <RemovedSectionThreads versionNumber={number} threads={view.carried.onRemovedSections} viewer={view.viewer} lockFor={view.lockFor} />
              </div>
            </div>
          )}
        </PolicyEvaluationContext>
      )}
    </div>
  );
}
