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

export function dashboardFindings(findings: readonly DashboardFindingFacts[], packages: ReadonlyMap<string, { modelName: string; versionLabel: string }>, owners: (id: string) => Actor, now: Date): DashboardFindings {
  const today = now.toISOString().slice(0, 10);
  const horizon = new Date(now.getTime() + acceptanceHorizonDays * 86_400_000).toISOString().slice(0, 10);
  const openBySeverity = { critical: 0, high: 0, medium: 0, low: 0 };
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
  for (const f of known) if (isUnresolved(f.status)) openBySeverity[f.severity] += 1;
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
