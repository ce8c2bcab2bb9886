import type { ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
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
import { PackageBand } from './package-band.tsx';
import { PackageSummary } from './package-summary.tsx';
import { StepChain } from './step-chain.tsx';
import { VersionList } from './version-list.tsx';
import { EvidenceLinks } from './evidence-links.tsx';
import { EmergencyBanner } from './emergency-banner.tsx';
import { RegistryStatus } from './registry-status.tsx';
import { PackageTabs } from './package-tabs.tsx';

const notFoundTitle = 'Package not found';

interface Props {
  /**
   * The package's content, below its summary, steps and versions. A slot rather than an
   * import: features do not import each other, so the route (src/app) fills it in.
   */
  renderContent?: (pkg: PackageDetail) => ReactNode;
  /** Beside each decision in the chain: whether its signature verifies. */
  renderSignatureState?: (pkg: PackageDetail, decisionId: string) => ReactNode;
  /** Below the steps: the conditions of its approvals as obligations (obligations). */
  renderObligations?: (pkg: PackageDetail) => ReactNode;
}

const tabs = { document: 'Document', details: 'Details and versions' } as const;
type TabKey = keyof typeof tabs;

/**
 * A package opens on its document: above it a compact band (where it stands, its evidence, the
 * chain of steps with every signature); its full facts, versions and registry one tab away
 * (`?tab=details`, so a link can open it).
 */
export function PackagePage({ renderContent, renderSignatureState, renderObligations }: Props) {
  const { id = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab: TabKey = searchParams.get('tab') === 'details' ? 'details' : 'document';
  const selectTab = (key: TabKey) =>
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (key === 'details') next.set('tab', 'details');
        else next.delete('tab');
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
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
            <div className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
              <PackageBand pkg={pkg} />
              <EvidenceLinks packageId={pkg.id} versions={pkg.versions.length} />
            </div>
            <EmergencyBanner pkg={pkg} renderSignatureState={renderSignatureState && ((id) => renderSignatureState(pkg, id))} />
            <NextActionBanner pkg={pkg} />
            <section aria-labelledby="steps-heading" className="space-y-2">
              <h2 id="steps-heading" className="text-lg font-bold">
                Review steps
              </h2>
              <StepChain steps={pkg.steps} decisions={pkg.decisions} latestVersion={pkg.latestVersion} now={new Date(query.dataUpdatedAt)} renderSignatureState={renderSignatureState && ((id) => renderSignatureState(pkg, id))} />
            </section>
            {renderObligations?.(pkg)}
            <PackageTabs
              label="Package"
              selected={tab}
              onSelect={selectTab}
              tabs={[
                // Kept mounted behind the other tab: the reader's place, folds and drafts in the document survive a look at the details.
                { key: 'document', label: tabs.document, keepMounted: true, content: renderContent?.(pkg) },
                {
                  key: 'details',
                  label: tabs.details,
                  content: (
                    <>
                      <PackageSummary pkg={pkg} />
                      <RegistryStatus packageId={pkg.id} />
                      <section aria-labelledby="versions-heading" className="space-y-4">
                        <h2 id="versions-heading" className="text-xl font-bold">
                          Versions
                        </h2>
                        <VersionList packageId={pkg.id} versions={pkg.versions} />
                      </section>
                    </>
                  ),
                },
              ]}
            />
          </>
        )}
      </div>
    </div>
  );
}
