import { Link, useParams } from 'react-router';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { NotFound } from '#src/components/ui/not-found.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { usePackage } from '#src/lib/get-package.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useViewer } from '#src/lib/use-viewer.ts';
import { mayOverseeAudit } from '../audit-access.ts';
import { AuditLogView } from './audit-log-view.tsx';
import { IntegrityPanel } from './integrity-panel.tsx';

/** /packages/:id/audit: the entries about one package, for anyone who can see it. */
export function PackageAuditPage() {
  const { id = '' } = useParams();
  const pkg = usePackage(id);
  const viewer = useViewer();
  const title = pkg.data ? `Audit trail: ${pkg.data.modelName} ${pkg.data.versionLabel}` : 'Audit trail';
  usePageTitle(title);

  if (pkg.isError) {
    if (isApiProblem(pkg.error, 404)) return <NotFound title="Package not found" detail="There is no package at this address, or you do not have access to it." />;
    return <ErrorNotice title="The package could not be loaded." error={pkg.error} onRetry={() => void pkg.refetch()} retrying={pkg.isFetching} />;
  }
  if (pkg.isPending) return <LoadingNotice>Loading the package…</LoadingNotice>;
  const source = { kind: 'package', packageId: pkg.data.id } as const;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p>
          <Link to={`/packages/${encodeURIComponent(pkg.data.id)}`}>Back to the package</Link>
        </p>
        <PageHeading>{title}</PageHeading>
        <p className="max-w-prose text-slate-700">
          Every event about this package, newest first. Your browser recomputes the hash of each entry it shows and marks any that no longer matches what was written.
        </p>
      </div>
      {/* The chain runs through the whole log, so only those who can read all of it can check it. */}
      {viewer && mayOverseeAudit(viewer.roles) && <IntegrityPanel />}
      <AuditLogView source={source} caption={`Audit entries about ${pkg.data.modelName} ${pkg.data.versionLabel}, newest first`} empty="No entries about this package yet." />
    </div>
  );
}
