import { Link } from 'react-router';
import type { Dashboard } from '#domain/contracts/dashboard.ts';
import { formatRiskTier } from '#src/lib/format.ts';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
import { EmptyState } from './dashboard-section.tsx';

const tierHints: Record<number, string> = { 1: 'critical', 4: 'experimental' };

const count = { headerClassName: 'text-right', className: 'text-right tabular-nums' };

const columns: readonly Column<Dashboard['byRiskTier'][number]>[] = [
  {
    header: 'Risk tier',
    className: 'font-semibold',
    cell: (row) => (
      <>
        {row.models > 0 ? <Link to={`/?riskTier=${row.riskTier}`}>{formatRiskTier(row.riskTier)}</Link> : formatRiskTier(row.riskTier)}
        {tierHints[row.riskTier] && <span className="font-normal text-slate-600"> ({tierHints[row.riskTier]})</span>}
      </>
    ),
  },
  { header: 'Models', ...count, cell: (row) => row.models },
  { header: 'In review', ...count, cell: (row) => row.inReview },
  { header: 'Approved', ...count, cell: (row) => row.approved },
  { header: 'Rejected', ...count, cell: (row) => row.rejected },
];

/** Models by risk tier, with their packages counted by where they stand. */
export function RiskTierTable({ rows }: { rows: Dashboard['byRiskTier'] }) {
  if (rows.every((row) => row.models === 0)) return <EmptyState>No model has been submitted yet.</EmptyState>;
  return (
    <DataTable
      look="card"
      caption="Models per risk tier; the other columns count their packages (one per model version) by status"
      showCaption
      columns={columns}
      rows={rows}
      rowKey={(row) => row.riskTier}
    />
  );
}
