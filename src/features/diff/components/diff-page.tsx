import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { Breadcrumb } from '#src/components/ui/breadcrumb.tsx';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { NotFound } from '#src/components/ui/not-found.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { usePackage } from '#src/lib/get-package.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { chooseDiff, diffSearch, type DiffChoice } from '../diff-choice.ts';
import { DiffView } from './diff-view.tsx';
import { VersionForm } from './version-form.tsx';

const notFoundTitle = 'Package not found';

/** `/packages/:id/diff?from=&to=&mode=`: what changed between two versions, section by section. */
export function DiffPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { hash } = useLocation();
  const query = usePackage(id);
  const pkg = query.data;
  const choice = pkg ? chooseDiff(params, pkg) : null;
  const notFound = isApiProblem(query.error, 404);
  usePageTitle(notFound ? notFoundTitle : pkg && choice ? `Version ${choice.from} → ${choice.to}: ${pkg.modelName} ${pkg.versionLabel}` : 'Compare versions');
  if (notFound) return <NotFound title={notFoundTitle} detail="There is no package at this address that you can see. Check the link, or find the package in your inbox." />;

  // The section in the address stays: the reader keeps their place across versions and layouts.
  const compare = (next: Pick<DiffChoice, 'from' | 'to' | 'mode'>) => void navigate({ search: diffSearch(next), hash }, { preventScrollReset: true });
  return (
    <div className="space-y-8">
      <Breadcrumb
        trail={[
          { label: 'Inbox', to: '/' },
          { label: pkg ? pkg.modelName : 'Package', to: pkg && `/packages/${pkg.id}` },
        ]}
        current="Compare versions"
      />
      <PageHeading>{pkg ? `Compare versions: ${pkg.modelName} ${pkg.versionLabel}` : 'Compare versions'}</PageHeading>
      {query.isPending && <LoadingNotice>Loading the package…</LoadingNotice>}
      {query.isError && <ErrorNotice title="The package could not be loaded." error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />}
      {pkg && !choice && (
        <p className="text-lg text-slate-700">
          This package has a single version: there is nothing to compare yet. <Link to={`/packages/${pkg.id}`}>Back to the package</Link>
        </p>
      )}
      {pkg && choice && (
        <>
          {choice.unknown && (
            <p role="status" className="rounded border border-amber-600 bg-amber-50 p-3 text-amber-950">
              The link asked for a version this package does not have ({choice.unknown}); showing version {choice.from} against version {choice.to}.
            </p>
          )}
          <VersionForm key={`form-${choice.from}-${choice.to}`} versions={pkg.versions} choice={choice} onCompare={compare} />
          <p>
            <Link to={`/packages/${pkg.id}?version=${choice.to}`}>Review version {choice.to}</Link>
          </p>
          <DiffView key={`diff-${choice.from}-${choice.to}`} pkg={pkg} choice={choice} />
        </>
      )}
    </div>
  );
}
