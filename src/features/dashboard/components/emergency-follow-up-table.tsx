import type { Dashboard } from '#domain/contracts/dashboard.ts';
import { formatDate } from '#src/lib/format.ts';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
import { modelColumn } from './dashboard-section.tsx';

const columns: readonly Column<Dashboard['emergencyFollowUps'][number]>[] = [
  modelColumn((item) => ({ packageId: item.packageId, modelName: item.modelName, version: `${item.versionLabel}, version ${item.versionNumber}` })),
  {
    header: 'Incident',
    cell: (item) => (
      <>
        <span className="font-mono">{item.incidentRef}</span>
        <span className="block max-w-md text-sm text-slate-700">{item.justification}</span>
      </>
    ),
  },
  {
    header: 'Approved by',
    cell: (item) => (
      <>
        {item.approvedBy.displayName}
        <time dateTime={item.decidedAt} className="block whitespace-nowrap text-sm text-slate-600">
          {formatDate(item.decidedAt)}
        </time>
      </>
    ),
  },
  { header: 'Follow-up waits on', cell: (item) => item.waitingOn ?? 'A new version (no step is active)' },
];

/** Emergency approvals whose follow-up review is not done, oldest first. */
export function EmergencyFollowUpTable({ items }: { items: Dashboard['emergencyFollowUps'] }) {
  return <DataTable look="card" caption="Emergency approvals awaiting follow-up, oldest first" columns={columns} rows={items} rowKey={(item) => item.decisionId} />;
}
