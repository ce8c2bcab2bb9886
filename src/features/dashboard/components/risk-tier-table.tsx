import { Link } from 'react-router';
import type { Dashboard } from '#domain/contracts/dashboard.ts';
import { formatRiskTier } from '#src/lib/format.ts';
import { EmptyState, tableFrame, td, th } from './dashboard-section.tsx';

const tierHints: Record<number, string> = { 1: 'critical', 4: 'experimental' };

/** Models by risk tier, with their packages counted by where they stand. */
export function RiskTierTable({ rows }: { rows: Dashboard['byRiskTier'] }) {
  if (rows.every((row) => row.models === 0)) return <EmptyState>No model has been submitted yet.</EmptyState>;
  return (
    <div className={tableFrame}>
      <table className="w-full border-collapse">
        <caption className="px-4 py-3 text-left text-sm text-slate-600">Models per risk tier; the other columns count their packages (one per model version) by status</caption>
        <thead className="border-y border-slate-200 bg-slate-100">
          <tr>
            <th scope="col" className={th}>Risk tier</th>
            <th scope="col" className={`${th} text-right`}>Models</th>
            <th scope="col" className={`${th} text-right`}>In review</th>
            <th scope="col" className={`${th} text-right`}>Approved</th>
            <th scope="col" className={`${th} text-right`}>Rejected</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={row.riskTier}>
              <th scope="row" className={`${td} text-left font-semibold`}>
                {row.models > 0 ? <Link to={`/?riskTier=${row.riskTier}`}>{formatRiskTier(row.riskTier)}</Link> : formatRiskTier(row.riskTier)}
                {tierHints[row.riskTier] && <span className="font-normal text-slate-600"> ({tierHints[row.riskTier]})</span>}
              </th>
              <td className={`${td} text-right tabular-nums`}>{row.models}</td>
              <td className={`${td} text-right tabular-nums`}>{row.inReview}</td>
              <td className={`${td} text-right tabular-nums`}>{row.approved}</td>
              <td className={`${td} text-right tabular-nums`}>{row.rejected}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
