import { Link } from 'react-router';
import type { PackageSummary } from '#domain/contracts/packages.ts';
import { None } from '#src/components/ui/none.tsx';
import { PackageStatusBadge } from '#src/components/ui/package-status-badge.tsx';
import { dueStatus, formatDate, formatRiskTier } from '#src/lib/format.ts';
import { tableFrame, td, th } from './dashboard-section.tsx';

interface Props {
  items: readonly PackageSummary[];
  caption: string;
  now: Date;
}

/** Packages waiting on a review step, each with the step and when it is due. */
export function PendingTable({ items, caption, now }: Props) {
  return (
    <div className={tableFrame}>
      <table className="w-full border-collapse">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-y border-slate-200 bg-slate-100">
          <tr>
            <th scope="col" className={`${th} min-w-48`}>Model</th>
            <th scope="col" className={th}>Risk tier</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Waiting on</th>
            <th scope="col" className={th}>Due</th>
            <th scope="col" className={th}>Submitted</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {items.map((pkg) => {
            const due = pkg.currentStep?.dueAt ? dueStatus(pkg.currentStep.dueAt, pkg.currentStep.overdue, now) : null;
            return (
              <tr key={pkg.id}>
                <th scope="row" className={`${td} text-left font-semibold`}>
                  <Link to={`/packages/${encodeURIComponent(pkg.id)}`}>{pkg.modelName}</Link>
                  <span className="block font-mono text-sm font-normal text-slate-600">{pkg.versionLabel}</span>
                </th>
                <td className={`${td} whitespace-nowrap`}>{formatRiskTier(pkg.riskTier)}</td>
                <td className={td}>
                  <PackageStatusBadge status={pkg.status} />
                </td>
                <td className={td}>{pkg.currentStep ? pkg.currentStep.name : <None />}</td>
                <td className={td}>
                  {pkg.currentStep?.dueAt && due ? (
                    <>
                      <time dateTime={pkg.currentStep.dueAt} className="block whitespace-nowrap">
                        {formatDate(pkg.currentStep.dueAt)}
                      </time>
                      {/* Said in words and marked with a sign, not by colour alone. */}
                      <span className={`block whitespace-nowrap text-sm ${due.overdue ? 'font-semibold text-red-800' : 'text-slate-600'}`}>
                        {due.overdue && <span aria-hidden="true">⚠ </span>}
                        {due.text}
                      </span>
                    </>
                  ) : (
                    <None />
                  )}
                </td>
                <td className={`${td} whitespace-nowrap`}>
                  <time dateTime={pkg.submittedAt}>{formatDate(pkg.submittedAt)}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
