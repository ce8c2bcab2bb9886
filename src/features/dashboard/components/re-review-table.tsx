import { Link } from 'react-router';
import type { Dashboard } from '#domain/contracts/dashboard.ts';
import { formatDate } from '#src/lib/format.ts';
import { tableFrame, td, th } from './dashboard-section.tsx';

/** Conditional approvals whose re-review date has come or is near, soonest first. */
export function ReReviewTable({ items }: { items: Dashboard['reReviews'] }) {
  return (
    <div className={tableFrame}>
      <table className="w-full border-collapse">
        <caption className="sr-only">Approvals with conditions due for re-review, soonest first</caption>
        <thead className="border-y border-slate-200 bg-slate-100">
          <tr>
            <th scope="col" className={`${th} min-w-48`}>Model</th>
            <th scope="col" className={th}>Step</th>
            <th scope="col" className={th}>Approved by</th>
            <th scope="col" className={th}>Re-review on</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {items.map((item) => (
            <tr key={`${item.packageId}:${item.stepName}:${item.approvedBy.id}:${item.reReviewOn}`}>
              <th scope="row" className={`${td} text-left font-semibold`}>
                <Link to={`/packages/${encodeURIComponent(item.packageId)}`}>{item.modelName}</Link>
                <span className="block font-mono text-sm font-normal text-slate-600">{item.versionLabel}</span>
              </th>
              <td className={td}>{item.stepName}</td>
              <td className={td}>
                {item.approvedBy.displayName}
                {item.approvedBy.title && <span className="block text-sm text-slate-600">{item.approvedBy.title}</span>}
              </td>
              <td className={td}>
                {/* A calendar date: read as UTC midnight it must not shift a day in the reader's zone. */}
                <time dateTime={item.reReviewOn} className="block whitespace-nowrap">
                  {formatDate(`${item.reReviewOn}T12:00:00Z`)}
                </time>
                <span className={`block whitespace-nowrap text-sm ${item.state === 'due' ? 'font-semibold text-red-800' : 'text-slate-600'}`}>
                  {item.state === 'due' ? (
                    <>
                      <span aria-hidden="true">⚠ </span>Due now
                    </>
                  ) : (
                    'Within 30 days'
                  )}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
