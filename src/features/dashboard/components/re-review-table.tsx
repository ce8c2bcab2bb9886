import type { Dashboard } from '#domain/contracts/dashboard.ts';
import { formatDate } from '#src/lib/format.ts';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
import { modelColumn } from './dashboard-section.tsx';

const columns: readonly Column<Dashboard['reReviews'][number]>[] = [
  modelColumn((item) => ({ packageId: item.packageId, modelName: item.modelName, version: item.versionLabel })),
  { header: 'Step', cell: (item) => item.stepName },
  {
    header: 'Approved by',
    cell: (item) => (
      <>
        {item.approvedBy.displayName}
        {item.approvedBy.title && <span className="block text-sm text-slate-600">{item.approvedBy.title}</span>}
      </>
    ),
  },
  {
    header: 'Re-review on',
    cell: (item) => (
      <>
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
      </>
    ),
  },
];

/** Conditional approvals whose re-review date has come or is near, soonest first. */
export function ReReviewTable({ items }: { items: Dashboard['reReviews'] }) {
  return (
    <DataTable
      look="card"
      caption="Approvals with conditions due for re-review, soonest first"
      columns={columns}
      rows={items}
      rowKey={(item) => `${item.packageId}:${item.stepName}:${item.approvedBy.id}:${item.reReviewOn}`}
    />
  );
}
