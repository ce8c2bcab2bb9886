import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import { Breadcrumb } from '#src/components/ui/breadcrumb.tsx';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { NotFound } from '#src/components/ui/not-found.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { usePackage } from '#src/lib/get-package.ts';
import { useThreads } from '#src/lib/get-threads.ts';
import { useVersion } from '#src/lib/get-version.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useViewer } from '#src/lib/use-viewer.ts';
import { resubmitEligibility } from '../eligibility.ts';
import { ResubmitForm } from './resubmit-form.tsx';
import { useResubmitDraftQuery } from '../api/get-resubmit-draft.ts';

const notFoundTitle = 'Package not found';

/** /packages/:id/resubmit: the owner's new version of a rejected package, or one waiting for clarification. */
export function ResubmitPage() {
  const { id = '' } = useParams();
  const viewer = useViewer();
  const query = usePackage(id);
  const pkg = query.data;
  const notFound = isApiProblem(query.error, 404);
  // Once submitted, the page only waits for the navigation to the new version: the package
  // refetched meanwhile is no longer open to resubmission, and that is not news.
  const [submitted, setSubmitted] = useState<number | null>(null);
  usePageTitle(notFound ? notFoundTitle : pkg ? `Revise ${pkg.modelName} ${pkg.versionLabel}` : 'Revise and resubmit');

  if (notFound) {
    return <NotFound title={notFoundTitle} detail="There is no package at this address that you can see. Check the link, or find the package in your inbox." />;
  }
  const eligibility = pkg && viewer ? resubmitEligibility(pkg, viewer) : null;
  return (
    <div className="space-y-8">
      <Breadcrumb
        trail={[
          { label: 'Inbox', to: '/' },
          { label: pkg ? pkg.modelName : 'Package', to: `/packages/${encodeURIComponent(id)}` },
        ]}
        current="Revise and resubmit"
      />
      <div className="space-y-1">
        <PageHeading>Revise and resubmit</PageHeading>
        {pkg && (
          <p className="text-lg text-slate-700">
            {pkg.modelName} {pkg.versionLabel}
          </p>
        )}
      </div>
      <div aria-busy={query.isPending} className="space-y-8">
        {query.isPending && <LoadingNotice>Loading the package…</LoadingNotice>}
        {!pkg && query.isError && <ErrorNotice title="The package could not be loaded." error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />}
        {pkg && submitted !== null && (
          <p role="status" className="text-slate-700">
            Version {submitted} submitted. Opening it…
          </p>
        )}
        {pkg && submitted === null && eligibility && !eligibility.allowed && (
          <div className="space-y-3 rounded-md border-l-4 border-slate-400 bg-white p-4 shadow-sm">
            <p className="max-w-prose">{eligibility.reason}</p>
            <p>
              <Link to={`/packages/${encodeURIComponent(pkg.id)}`}>Back to the package</Link>
            </p>
          </div>
        )}
        {pkg && submitted === null && eligibility?.allowed && <ResubmitSources pkg={pkg} onSubmitted={setSubmitted} />}
      </div>
    </div>
  );
}

/** The latest version (the draft's starting point) and the threads (what to answer), then the form. */
function ResubmitSources({ pkg, onSubmitted }: { pkg: PackageDetail; onSubmitted: (version: number) => void }) {
  const version = useVersion(pkg.id, pkg.latestVersion);
  const threads = useThreads(pkg.id);
  const saved = useResubmitDraftQuery(pkg.id);
  // Data first: a failed background refetch must not replace a form being filled in.
  if (version.data && threads.data && saved.fresh !== undefined) {
    return <ResubmitForm key={`${pkg.id}:${version.data.number}`} pkg={pkg} base={version.data} threads={threads.data} saved={saved.fresh} onSubmitted={onSubmitted} />;
  }
  if (saved.fresh === undefined && saved.isError) {
    return <ErrorNotice title="Your saved draft could not be loaded." error={saved.error} onRetry={() => void saved.refetch()} retrying={saved.isFetching} />;
  }
  if (!version.data && version.isError) {
    return <ErrorNotice title={`Version ${pkg.latestVersion} could not be loaded.`} error={version.error} onRetry={() => void version.refetch()} retrying={version.isFetching} />;
  }
  if (!threads.data && threads.isError) {
    return <ErrorNotice title="The clarification requests could not be loaded." error={threads.error} onRetry={() => void threads.refetch()} retrying={threads.isFetching} />;
  }
  return <LoadingNotice>{`Loading version ${pkg.latestVersion}…`}</LoadingNotice>;
}
