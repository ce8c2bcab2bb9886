import type { PackageSummary } from '#domain/contracts/packages.ts';
import { ownerMustAnswer } from '#domain/workflow/whose-turn.ts';
import { DueDate } from '#src/components/ui/due-date.tsx';
import { None } from '#src/components/ui/none.tsx';
import { PackageStatusBadge } from '#src/components/ui/package-status-badge.tsx';
import { formatDate, formatRiskTier } from '#src/lib/format.ts';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
import { modelColumn } from './dashboard-section.tsx';

const columns = (now: Date): readonly Column<PackageSummary>[] => [
  modelColumn((pkg) => ({ packageId: pkg.id, modelName: pkg.modelName, version: pkg.versionLabel })),
  { header: 'Risk tier', className: 'whitespace-nowrap', cell: (pkg) => formatRiskTier(pkg.riskTier) },
  { header: 'Status', cell: (pkg) => <PackageStatusBadge status={pkg.status} /> },
  { header: 'Waiting on', cell: (pkg) => (pkg.currentStep ? pkg.currentStep.name : <None />) },
  { header: 'Due', cell: (pkg) => <DueDate step={pkg.currentStep} now={now} pausedForOwner={ownerMustAnswer(pkg.turn)} /> },
  { header: 'Submitted', className: 'whitespace-nowrap', cell: (pkg) => <time dateTime={pkg.submittedAt}>{formatDate(pkg.submittedAt)}</time> },
];

interface Props {
  items: readonly PackageSummary[];
  caption: string;
  now: Date;
}

/** Packages waiting on a review step, each with the step and when it is due. */
export function PendingTable({ items, caption, now }: Props) {
  return <DataTable look="card" caption={caption} columns={columns(now)} rows={items} rowKey={(pkg) => pkg.id} />;
}
