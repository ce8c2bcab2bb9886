import type { PackageDetail } from '#domain/contracts/packages.ts';
import { DefinitionList, type Fact } from '#src/components/ui/definition-list.tsx';
import { PackageStatusBadge } from '#src/components/ui/package-status-badge.tsx';
import { formatDateTime, formatRiskTier } from '#src/lib/format.ts';

export function PackageSummary({ pkg }: { pkg: PackageDetail }) {
  const facts: Fact[] = [
    ['Status', <PackageStatusBadge key="status" status={pkg.status} />],
    ['Version', <span key="version" className="font-mono">{pkg.versionLabel}</span>],
    ['Risk tier', formatRiskTier(pkg.riskTier)],
    ['Business line', pkg.businessLine],
    ['Owner team', pkg.ownerTeam],
    ['Workflow', pkg.template.name],
    // Said wherever the template relaxed it; by default a person decides one step of the chain.
    ...(pkg.template.allowSameDeciderAcrossSteps ? [['Segregation of duties', 'Relaxed by the workflow template: one person may decide more than one step'] satisfies Fact] : []),
    ['Submitted', <time key="submitted" dateTime={pkg.submittedAt}>{formatDateTime(pkg.submittedAt)}</time>],
    ['Last updated', <time key="updated" dateTime={pkg.updatedAt}>{formatDateTime(pkg.updatedAt)}</time>],
  ];
  return <DefinitionList layout="stacked" facts={facts} className="rounded-md border border-slate-200 bg-white p-5 sm:grid-cols-2 lg:grid-cols-4" />;
}
