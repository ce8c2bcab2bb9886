import { Link } from 'react-router';
import type { Dashboard } from '#domain/contracts/dashboard.ts';
import { formatDate } from '#src/lib/format.ts';
import { tableFrame, td, th } from './dashboard-section.tsx';

/** Emergency approvals whose follow-up review is not done, oldest first. */
export function EmergencyFollowUpTable({ items }: { items: Dashboard['emergencyFollowUps'] }) {
  return (
    <div className={tableFrame}>
      <table className="w-full border-collapse">
        <caption className="sr-only">Emergency approvals awaiting follow-up, oldest first</caption>
        <thead className="border-y border-slate-200 bg-slate-100">
          <tr>
            <th scope="col" className={`${th} min-w-48`}>Model</th>
            <th scope="col" className={th}>Incident</th>
            <th scope="col" className={th}>Approved by</th>
            <th scope="col" className={th}>Follow-up waits on</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {items.map((item) => (
            <tr key={item.decisionId}>
              <th scope="row" className={`${td} text-left font-semibold`}>
                <Link to={`/packages/${encodeURIComponent(item.packageId)}`}>{item.modelName}</Link>
                <span className="block font-mono text-sm font-normal text-slate-600">
                  {item.versionLabel}, version {item.versionNumber}
                </span>
              </th>
              <td className={td}>
                <span className="font-mono">{item.incidentRef}</span>
                <span className="block max-w-md text-sm text-slate-700">{item.justification}</span>
              </td>
              <td className={td}>
                {item.approvedBy.displayName}
                <time dateTime={item.decidedAt} className="block whitespace-nowrap text-sm text-slate-600">
                  {formatDate(item.decidedAt)}
                </time>
              </td>
              <td className={td}>{item.waitingOn ?? 'A new version (no step is active)'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
