import type { Actor } from '../contracts/decisions.ts';
import type { DashboardFinding, DashboardFindings } from '../contracts/dashboard.ts';
import type { FindingSeverity, FindingStatus } from '../contracts/findings.ts';
import { compareSeverity, isOverdue, isUnresolved } from './lifecycle.ts';

// The findings part of the committee dashboard (issue 19): what is open by severity, what is
// overdue, and which accepted risks have run out or run out within 30 days. Pure, over the
// stored findings, so the server and the mocks agree with the register's "overdue".

/** Acceptances expiring this close (in days, inclusive) are listed. */
export const acceptanceHorizonDays = 30;

export interface DashboardFindingFacts {
  id: string;
  packageId: string;
  title: string;
  severity: FindingSeverity;
  status: FindingStatus;
  ownerId: string;
  dueDate: string;
  acceptance: { expiresOn: string } | null;
}

/** Today, and the last day an expiring acceptance is listed (both YYYY-MM-DD, UTC). */
export function findingDates(now: Date): { today: string; horizon: string } {
  return { today: now.toISOString().slice(0, 10), horizon: new Date(now.getTime() + acceptanceHorizonDays * 86_400_000).toISOString().slice(0, 10) };
}

/** Findings not yet verified nor accepted as a risk, by severity, of the packages known. */
export function openBySeverityOf(findings: readonly DashboardFindingFacts[], known: (packageId: string) => boolean): DashboardFindings['openBySeverity'] {
  const open = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of findings) if (known(f.packageId) && isUnresolved(f.status)) open[f.severity] += 1;
  return open;
}

/**
 * The findings part over the stored findings. `openBySeverity` may come counted already (the
 * server counts it in SQL, decision record 0145): then `findings` needs to hold only those the
 * lists may show (overdue, accepted with an expiring acceptance).
 */
export function dashboardFindings(
  findings: readonly DashboardFindingFacts[],
  packages: ReadonlyMap<string, { modelName: string; versionLabel: string }>,
  owners: (id: string) => Actor,
  now: Date,
  openBySeverity = openBySeverityOf(findings, (id) => packages.has(id)),
): DashboardFindings {
  const { today, horizon } = findingDates(now);
  const digest = (f: DashboardFindingFacts): DashboardFinding => ({
    findingId: f.id,
    packageId: f.packageId,
    modelName: packages.get(f.packageId)?.modelName ?? '',
    versionLabel: packages.get(f.packageId)?.versionLabel ?? '',
    title: f.title,
    severity: f.severity,
    status: f.status,
    owner: owners(f.ownerId),
    dueDate: f.dueDate,
    expiresOn: f.acceptance?.expiresOn ?? null,
  });
  const known = findings.filter((f) => packages.has(f.packageId));
  const tie = (a: DashboardFinding, b: DashboardFinding) => compareSeverity(a.severity, b.severity) || a.findingId.localeCompare(b.findingId);
  return {
    openBySeverity,
    overdue: known
      .filter((f) => isOverdue(f, today))
      .map(digest)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || tie(a, b)),
    acceptancesExpiring: known
      .filter((f) => f.status === 'risk_accepted' && f.acceptance !== null && f.acceptance.expiresOn <= horizon)
      .map(digest)
      .sort((a, b) => (a.expiresOn ?? '').localeCompare(b.expiresOn ?? '') || tie(a, b)),
  };
}
