import type { ReactNode } from 'react';
import type { PackageDetail } from '../../../../domain/contracts/packages.ts';
import { PackageStatusBadge } from '../../../components/ui/package-status-badge.tsx';
import { formatDateTime, formatRiskTier } from '../../../lib/format.ts';

export function PackageSummary({ pkg }: { pkg: PackageDetail }) {
  const facts: [string, ReactNode][] = [
    ['Status', <PackageStatusBadge key="status" status={pkg.status} />],
    ['Version', <span key="version" className="font-mono">{pkg.versionLabel}</span>],
    ['Risk tier', formatRiskTier(pkg.riskTier)],
    ['Business line', pkg.businessLine],
    ['Owner team', pkg.ownerTeam],
    ['Workflow', pkg.template.name],
    ['Submitted', <time key="submitted" dateTime={pkg.submittedAt}>{formatDateTime(pkg.submittedAt)}</time>],
    ['Last updated', <time key="updated" dateTime={pkg.updatedAt}>{formatDateTime(pkg.updatedAt)}</time>],
  ];
  return (
    <dl className="grid gap-x-8 gap-y-4 rounded-md border border-slate-200 bg-white p-5 sm:grid-cols-2 lg:grid-cols-4">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt className="text-sm font-semibold text-slate-600">{term}</dt>
          <dd className="mt-1">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
