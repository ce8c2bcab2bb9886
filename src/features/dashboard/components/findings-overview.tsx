import { Link } from 'react-router';
import type { DashboardFinding, DashboardFindings } from '#domain/contracts/dashboard.ts';
import { findingSeverities, findingSeverityLabels, findingStatusLabels } from '#domain/contracts/findings.ts';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
import { formatDate } from '#src/lib/format.ts';
import { EmptyState, modelColumn } from './dashboard-section.tsx';

// Findings on the committee dashboard (issue 19): open ones by severity, the overdue ones, and
// accepted risks whose acceptance runs out within 30 days. Each row links to the finding.

const day = (date: string) => (
  // A calendar date: read as UTC midnight it must not shift a day in the reader's zone.
  <time dateTime={date} className="whitespace-nowrap">
    {formatDate(`${date}T12:00:00Z`)}
  </time>
);

function columns(dateHeader: string, dateOf: (f: DashboardFinding) => string): Column<DashboardFinding>[] {
  return [
    modelColumn((f) => ({ packageId: f.packageId, modelName: f.modelName, version: f.versionLabel })),
    {
      header: 'Finding',
      headerClassName: 'min-w-48',
      cell: (f) => (
        <>
          <Link to={`/packages/${encodeURIComponent(f.packageId)}/findings#finding-${f.findingId}`}>{f.title}</Link>
          <span className="block text-sm text-slate-600">
            {findingSeverityLabels[f.severity]}, {findingStatusLabels[f.status].toLowerCase()}
          </span>
        </>
      ),
    },
    { header: 'Owner', cell: (f) => f.owner.displayName },
    { header: dateHeader, cell: (f) => day(dateOf(f)) },
  ];
}

const overdueColumns = columns('Was due', (f) => f.dueDate);
const expiringColumns = columns('Acceptance ends', (f) => f.expiresOn ?? f.dueDate);

export function FindingsOverview({ findings }: { findings: DashboardFindings }) {
  const open = findingSeverities.reduce((sum, s) => sum + findings.openBySeverity[s], 0);
  return (
    <div className="space-y-4">
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Open findings by severity">
        {findingSeverities.map((severity) => (
          <li key={severity} className="rounded-md border border-slate-200 bg-white p-3">
            <span className="block text-sm text-slate-700">{findingSeverityLabels[severity]}</span>
            <span className="block text-2xl font-bold tabular-nums">{findings.openBySeverity[severity]}</span>
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-700">
        {open} open in all (not yet verified nor accepted as a risk). <Link to="/findings">Open the findings register</Link>
      </p>
      <h3 className="text-lg font-semibold">Overdue findings ({findings.overdue.length})</h3>
      {findings.overdue.length > 0 ? (
        <DataTable look="card" caption="Overdue findings, most overdue first" columns={overdueColumns} rows={findings.overdue} rowKey={(f) => f.findingId} />
      ) : (
        <EmptyState>No finding is past its due date.</EmptyState>
      )}
      <h3 className="text-lg font-semibold">Accepted risks expiring within 30 days ({findings.acceptancesExpiring.length})</h3>
      {findings.acceptancesExpiring.length > 0 ? (
        <DataTable look="card" caption="Accepted risks whose acceptance has ended or ends within 30 days, soonest first" columns={expiringColumns} rows={findings.acceptancesExpiring} rowKey={(f) => f.findingId} />
      ) : (
        <EmptyState>No accepted risk ends within 30 days.</EmptyState>
      )}
    </div>
  );
}
