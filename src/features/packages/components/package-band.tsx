import type { ReactNode } from 'react';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import { PackageStatusBadge } from '#src/components/ui/package-status-badge.tsx';
import { ConditionsLapsedBadge } from '#src/components/ui/conditions-lapsed-badge.tsx';
import { formatRiskTier } from '#src/lib/format.ts';

/**
 * The package at a glance, on one or two lines above the document: where it stands and what it
 * is. The full facts, the versions and the registry are one tab away ("Details and versions").
 */
export function PackageBand({ pkg }: { pkg: PackageDetail }) {
  const facts: [string, ReactNode][] = [
    [
      'Status',
      <span key="status" className="flex flex-wrap items-center gap-1.5">
        <PackageStatusBadge status={pkg.status} />
        <ConditionsLapsedBadge lapsed={pkg.conditionsLapsed} />
      </span>,
    ],
    ['Version', <span key="version" className="font-mono">{pkg.versionLabel}</span>],
    ['Risk tier', formatRiskTier(pkg.riskTier)],
    ['Business line', <BusinessLine key="line" pkg={pkg} />],
    ['Owner team', pkg.ownerTeam],
  ];
  return (
    <dl aria-label="Package at a glance" className="flex flex-wrap items-center gap-x-6 gap-y-1 text-sm">
      {facts.map(([term, value]) => (
        <div key={term} className="flex items-center gap-1.5">
          <dt className="font-semibold text-slate-600">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A line the organisation does not list (or listed only after the package was filed, 0182) is flagged where the line is read: no approval is signed under it (docs/decisions/0176). */
function BusinessLine({ pkg }: { pkg: PackageDetail }) {
  const unlisted = pkg.governanceBlockers.find((b) => b.kind === 'unlisted_business_line');
  if (!unlisted) return pkg.businessLine;
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      {pkg.businessLine}
      <span className="rounded border border-red-700 px-1.5 text-xs font-semibold text-red-800">{unlisted.listedAfterFiling ? 'Listed after filing' : 'Not on the list'}</span>
    </span>
  );
}
