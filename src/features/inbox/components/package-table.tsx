import { Link } from 'react-router';
import type { PackageSummary } from '#domain/contracts/packages.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import { None } from '#src/components/ui/none.tsx';
import { PackageStatusBadge } from '#src/components/ui/package-status-badge.tsx';
import { formatDate, formatDuration, formatRelative, formatRiskTier } from '#src/lib/format.ts';
import { DueCell } from './due-cell.tsx';

const th = 'px-4 py-3 text-left text-sm font-semibold text-slate-700';
const td = 'px-4 py-3 align-top';

export function PackageTable({ items, now }: { items: readonly PackageSummary[]; now: Date }) {
  return (
    <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white shadow-sm">
      <table className="w-full border-collapse">
        <caption className="px-4 py-3 text-left text-sm text-slate-600">Packages, overdue first, then by due date</caption>
        <thead className="border-y border-slate-200 bg-slate-100">
          <tr>
            <th scope="col" className={`${th} min-w-48`}>Model</th>
            <th scope="col" className={th}>Version</th>
            <th scope="col" className={th}>Risk tier</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Current step</th>
            <th scope="col" className={th}>Due</th>
            <th scope="col" className={th}>Last updated</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {items.map((pkg) => (
            <tr key={pkg.id} className="hover:bg-slate-50">
              <th scope="row" className={`${td} text-left font-semibold`}>
                <Link to={`/packages/${encodeURIComponent(pkg.id)}`}>{pkg.modelName}</Link>
              </th>
              <td className={`${td} whitespace-nowrap font-mono text-sm`}>{pkg.versionLabel}</td>
              <td className={`${td} whitespace-nowrap`}>{formatRiskTier(pkg.riskTier)}</td>
              <td className={td}>
                <PackageStatusBadge status={pkg.status} />
                {pkg.reReviewDue && <span className="mt-1 block whitespace-nowrap text-sm font-semibold text-amber-900">Re-review due</span>}
              </td>
              <td className={td}>
                {pkg.currentStep ? (
                  <>
                    <span className="block">{pkg.currentStep.name}</span>
                    {/* Most steps are named after their role; say the role only when it adds something. */}
                    {roleLabels[pkg.currentStep.role] !== pkg.currentStep.name && (
                      <span className="block text-sm text-slate-600">{roleLabels[pkg.currentStep.role]}</span>
                    )}
                    {/* The summary has no time the step became active; the last change is the closest. */}
                    <span className="block whitespace-nowrap text-sm text-slate-600">waiting {formatDuration(now.getTime() - new Date(pkg.updatedAt).getTime())}</span>
                  </>
                ) : (
                  <None />
                )}
              </td>
              <td className={td}>
                <DueCell step={pkg.currentStep} now={now} />
              </td>
              <td className={td}>
                <time dateTime={pkg.updatedAt} className="block whitespace-nowrap">
                  {formatRelative(pkg.updatedAt, now)}
                </time>
                <span className="block whitespace-nowrap text-sm text-slate-600">{formatDate(pkg.updatedAt)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
