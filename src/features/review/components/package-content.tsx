import { useEffect } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { VersionSummary } from '../../../../domain/contracts/packages.ts';
import { ErrorNotice } from '../../../components/ui/error-notice.tsx';
import { LoadingNotice } from '../../../components/ui/loading-notice.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useVersion } from '../api/get-version.ts';
import { chooseVersion } from '../version-choice.ts';
import { ReviewProgress } from './review/review-progress.tsx';
import { SectionReview } from './review/section-review.tsx';
import { useVersionReviews } from './review/use-version-reviews.ts';
import { SectionBlock } from './sections/section-block.tsx';
import { SectionToc } from './section-toc.tsx';
import { VersionPicker } from './version-picker.tsx';

interface Props {
  packageId: string;
  versions: readonly VersionSummary[];
}

const notice = 'rounded-md border border-slate-200 bg-white p-5';

/** The content of one version of a package (the latest unless ?version=n), section by section. */
export function PackageContent({ packageId, versions }: Props) {
  const [searchParams, setSearchParams] = useSearchParams();
  const numbers = versions.map((version) => version.number).sort((a, b) => b - a);
  const choice = chooseVersion(searchParams.get('version'), numbers);

  const selectVersion = (n: number) => {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('version', String(n));
        return next;
      },
      // As with the inbox filters: switching versions is not a page Back should step through.
      { replace: true },
    );
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 className="text-xl font-bold">Package content</h2>
        {choice && <VersionPicker versions={numbers} value={choice.number} onChange={selectVersion} />}
      </div>
      {!choice ? (
        <p className={notice}>No version of this package has been submitted yet.</p>
      ) : (
        <>
          {choice.unknown !== null && (
            <p className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-4">
              This package has no version “{choice.unknown}”. Showing the latest, version {choice.number}.
            </p>
          )}
          <VersionContent packageId={packageId} number={choice.number} latest={numbers[0] ?? choice.number} />
        </>
      )}
    </div>
  );
}

function VersionContent({ packageId, number, latest }: { packageId: string; number: number; latest: number }) {
  const version = useVersion(packageId, number);
  const reviews = useVersionReviews(packageId, number, version.data?.content.sections);
  const loaded = version.data !== undefined;
  const { hash } = useLocation();

  // A deep link to a section (#section-<key>) arrives before the content does, so the
  // browser cannot scroll to it by itself: do it once the sections are on the page.
  useEffect(() => {
    if (!loaded || !hash.startsWith('#section-')) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [loaded, hash]);

  return (
    <div aria-busy={version.isFetching} className="space-y-6">
      {version.isPending && <LoadingNotice>{`Loading version ${number}…`}</LoadingNotice>}
      {version.isError && (
        <ErrorNotice title={`Version ${number} could not be loaded.`} error={version.error} onRetry={() => void version.refetch()} retrying={version.isFetching} />
      )}
      {version.data && (
        <>
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
          {reviews.query.isError && (
            <ErrorNotice
              title="The review marks could not be loaded."
              error={reviews.query.error}
              onRetry={() => void reviews.query.refetch()}
              retrying={reviews.query.isFetching}
            />
          )}
          {version.data.content.sections.length === 0 ? (
            <p className={notice}>This version has no sections.</p>
          ) : (
            <div className="grid gap-8 lg:grid-cols-[14rem_minmax(0,1fr)]">
              <SectionToc
                sections={version.data.content.sections}
                reviewedByMe={reviews.reviewedByMe}
                header={reviews.reviewer && reviews.states && <ReviewProgress reviewed={reviews.reviewedCount} total={reviews.states.size} />}
              />
              <div className="min-w-0 space-y-8">
                {version.data.content.sections.map((section) => {
                  const state = reviews.states?.get(section.key);
                  return (
                    <SectionBlock key={section.key} section={section}>
                      {state && <SectionReview mark={{ packageId, versionNumber: number, sectionKey: section.key }} state={state} reviewer={reviews.reviewer} />}
                    </SectionBlock>
                  );
                })}
              </div>
            </div>
          )}
        </>
      )}
    </div>
  );
}
