import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import { Breadcrumb } from '#src/components/ui/breadcrumb.tsx';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { NotFound } from '#src/components/ui/not-found.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { usePackage } from '#src/lib/get-package.ts';
import { NextActionBanner } from './next-action-banner.tsx';
import { PackageSummary } from './package-summary.tsx';
import { StepChain } from './step-chain.tsx';
import { VersionList } from './version-list.tsx';
import { EvidenceLinks } from './evidence-links.tsx';
import { EmergencyBanner } from './emergency-banner.tsx';
import { RegistryStatus } from './registry-status.tsx';

const notFoundTitle = 'Package not found';

interface Props {
  /**
   * The package's content, below its summary, steps and versions. A slot rather than an
   * import: features do not import each other, so the route (src/app) fills it in.
   */
  renderContent?: (pkg: PackageDetail) => ReactNode;
  /** Beside each decision in the chain: whether its signature verifies. */
  renderSignatureState?: (pkg: PackageDetail, decisionId: string) => ReactNode;
}

/** A package at a glance: where it stands, who acted, its versions, then its content. */
export function PackagePage({ renderContent, renderSignatureState }: Props) {
  const { id = '' } = useParams();
  const query = usePackage(id);
  const notFound = isApiProblem(query.error, 404);
  const pkg = query.data;
  usePageTitle(notFound ? notFoundTitle : pkg ? `${pkg.modelName} ${pkg.versionLabel}` : 'Package');

  if (notFound) {
    // The API answers 404 alike for "does not exist" and "not yours": say nothing more.
    return <NotFound title={notFoundTitle} detail="There is no package at this address that you can see. Check the link, or find the package in your inbox." />;
  }
  return (
    <div className="space-y-8">
      <Breadcrumb trail={[{ label: 'Inbox', to: '/' }]} current={pkg ? pkg.modelName : 'Package'} />
      <PageHeading>{pkg ? `${pkg.modelName} ${pkg.versionLabel}` : 'Package'}</PageHeading>
      <div aria-busy={query.isFetching} className="space-y-8">
        {query.isPending && <LoadingNotice>Loading the package…</LoadingNotice>}
        {query.isError && <ErrorNotice title="The package could not be loaded." error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />}
        {pkg && (
          <>
            <PackageSummary pkg={pkg} />
            <EvidenceLinks packageId={pkg.id} />
            <RegistryStatus packageId={pkg.id} />
            <EmergencyBanner pkg={pkg} renderSignatureState={renderSignatureState && ((id) => renderSignatureState(pkg, id))} />
            <NextActionBanner pkg={pkg} />
            <section aria-labelledby="steps-heading" className="space-y-4">
              <h2 id="steps-heading" className="text-xl font-bold">
                Review steps
              </h2>
              <StepChain steps={pkg.steps} decisions={pkg.decisions} now={new Date(query.dataUpdatedAt)} renderSignatureState={renderSignatureState && ((id) => renderSignatureState(pkg, id))} />
            </section>
            <section aria-labelledby="versions-heading" className="space-y-4">
              <h2 id="versions-heading" className="text-xl font-bold">
                Versions
              </h2>
              <VersionList packageId={pkg.id} versions={pkg.versions} />
            </section>
            {renderContent?.(pkg)}
          </>
        )}
      </div>
    </div>
  );
}
