import { ConditionsLapsedBadge } from '#src/components/ui/conditions-lapsed-badge.tsx';
import { Link } from 'react-router';
import type { PackageSummary } from '#domain/contracts/packages.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
import { ownerMustAnswer } from '#domain/workflow/whose-turn.ts';
import { DueDate } from '#src/components/ui/due-date.tsx';
import { None } from '#src/components/ui/none.tsx';
import { PackageStatusBadge } from '#src/components/ui/package-status-badge.tsx';
import { formatDate, formatDuration, formatRelative, formatRiskTier } from '#src/lib/format.ts';

const columns = (now: Date): readonly Column<PackageSummary>[] => [
  { header: 'Model', headerClassName: 'min-w-48', className: 'font-semibold', cell: (pkg) => <Link to={`/packages/${encodeURIComponent(pkg.id)}`}>{pkg.modelName}</Link> },
  { header: 'Version', className: 'whitespace-nowrap font-mono text-sm', cell: (pkg) => pkg.versionLabel },
  { header: 'Risk tier', className: 'whitespace-nowrap', cell: (pkg) => formatRiskTier(pkg.riskTier) },
  {
    header: 'Status',
    cell: (pkg) => (
      <>
        <PackageStatusBadge status={pkg.status} />
        {pkg.reReviewDue && <span className="mt-1 block whitespace-nowrap text-sm font-semibold text-amber-900">Re-review due</span>}
        <ConditionsLapsedBadge lapsed={pkg.conditionsLapsed} className="mt-1" />
      </>
    ),
  },
  {
    header: 'Current step',
    cell: (pkg) =>
      pkg.currentStep ? (
        <>
          <span className="block">{pkg.currentStep.name}</span>
          {/* Most steps are named after their role; say the role only when it adds something. */}
          {roleLabels[pkg.currentStep.role] !== pkg.currentStep.name && <span className="block text-sm text-slate-600">{roleLabels[pkg.currentStep.role]}</span>}
          {/* The summary has no time the step became active; the last change is the closest. */}
          <span className="block whitespace-nowrap text-sm text-slate-600">waiting {formatDuration(now.getTime() - new Date(pkg.updatedAt).getTime())}</span>
        </>
      ) : (
        <None />
      ),
  },
  {
    header: 'Due',
    cell: (pkg) =>
      // An approved package's next date is its periodic revalidation (decision record 0114).
      !pkg.currentStep && pkg.revalidationDueOn ? (
        <span className="block whitespace-nowrap">
          Revalidation <time dateTime={pkg.revalidationDueOn}>{formatDate(pkg.revalidationDueOn)}</time>
        </span>
      ) : (
        <DueDate step={pkg.currentStep} now={now} pausedForOwner={ownerMustAnswer(pkg.turn)} />
      ),
  },
  {
    header: 'Last updated',
    cell: (pkg) => (
      <>
        <time dateTime={pkg.updatedAt} className="block whitespace-nowrap">
          {formatRelative(pkg.updatedAt, now)}
        </time>
        <span className="block whitespace-nowrap text-sm text-slate-600">{formatDate(pkg.updatedAt)}</span>
      </>
    ),
  },
];

export function PackageTable({ items, now }: { items: readonly PackageSummary[]; now: Date }) {
  return (
    <DataTable
      look="card"
      caption="Packages, overdue first, then by due date"
      showCaption
      columns={columns(now)}
      rows={items}
      rowKey={(pkg) => pkg.id}
      rowClassName={() => 'hover:bg-slate-50'}
    />
  );
}
