import { Link, useLocation, useParams } from 'react-router';
import { buttonClasses } from '#src/components/ui/button.ts';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { NotFound } from '#src/components/ui/not-found.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { formatDateTime } from '#src/lib/format.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useViewer } from '#src/lib/use-viewer.ts';
import { usePolicyVersions } from '../api/list-policies.ts';
import { PolicyRequirements } from './policy-requirements.tsx';

/** One policy: every version, newest first, each with its requirements and who published it. */
export function PolicyPage() {
  const { key = '' } = useParams();
  const versions = usePolicyVersions(key);
  const viewer = useViewer();
  const published = (useLocation().state as { published?: number } | null)?.published;
  const current = versions.data?.find((v) => v.current);
  usePageTitle(current ? current.policy.name : 'Governance policy');
  if (versions.data && !current) return <NotFound title="Policy not found" detail={`There is no governance policy "${key}".`} />;
  return (
    <div className="space-y-6">
      <p>
        <Link to="/admin/policies">All policies</Link>
      </p>
      <PageHeading>{current ? current.policy.name : 'Governance policy'}</PageHeading>
      {published !== undefined && (
        <p role="status" className="rounded-md border-l-4 border-emerald-700 bg-white p-4">
          Version {published} is published. Submissions from now on are checked against it.
        </p>
      )}
      {current && viewer?.roles.includes('admin') && (
        <p>
          <Link to={`/admin/policies/${key}/new-version`} className={buttonClasses.primary}>
            New version
          </Link>
        </p>
      )}
      <div aria-busy={versions.isFetching} className="space-y-8">
        {versions.isPending && <LoadingNotice>Loading the policy…</LoadingNotice>}
        {versions.isError && <ErrorNotice title="The policy could not be loaded." error={versions.error} onRetry={() => void versions.refetch()} retrying={versions.isFetching} />}
        {versions.data?.map((entry) => (
          <section key={entry.policy.version} aria-labelledby={`policy-version-${entry.policy.version}`} className="space-y-3 rounded-md border border-slate-200 bg-white p-3 sm:p-5">
            <h2 id={`policy-version-${entry.policy.version}`} className="text-xl font-semibold">
              Version {entry.policy.version}
              {entry.current ? ' (current)' : ''}
            </h2>
            <p className="text-slate-700">
              {entry.publishedBy ? `Published by ${entry.publishedBy.displayName}` : 'Installed with the demo data'}
              {entry.publishedAt && (
                <>
                  {' '}
                  on <time dateTime={entry.publishedAt}>{formatDateTime(entry.publishedAt)}</time>
                </>
              )}
              .{entry.policy.appliesToPackagesInReview ? ' Checked packages already in review when it was published.' : ''}
            </p>
            <PolicyRequirements policy={entry.policy} />
          </section>
        ))}
      </div>
    </div>
  );
}
