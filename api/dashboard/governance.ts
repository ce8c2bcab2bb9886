import type { Governance, GovernanceFigure } from '#domain/contracts/governance.ts';
import { figure, lastTwelveMonths, monthStartOf, type DerivedGovernanceList, type FigureInput } from '#domain/governance/governance-figures.ts';
import { approvedStatuses, pendingStatuses } from '#domain/workflow/committee-dashboard.ts';
import type { SummaryTierCounts } from '../store/package-summaries.ts';
import type { StoredGovernanceSnapshot } from '../store/governance.ts';
import type { Store } from '../store/store.ts';
import { rollbackAction, storedFigures, type SummaryFigures } from './stored-figures.ts';

// The governance figures of GET /api/dashboard (docs/decisions/0117). Each figure is counted by
// the same rule as the list its link opens: the store's governance lists and the findings and
// audit filters are counted in the database; the workflow states (pending, overdue, approved,
// re-review due) over the summary table, counted in SQL by domain/governance's rule
// (inDerivedList; decision record 0145). What stored rows alone decide is kept under the audit
// log's size (stored-figures.ts, decision record 0177); the rest is counted on every request.

const tiers = [1, 2, 3, 4] as const;

/** What the audit chain's trend shows per month (decision record 0156). */
export const auditChainMeasure = 'Entries in the audit log at the last tree head signed in the month (a head is signed only over a log that verifies)';

/** The figures whose trend comes from the monthly snapshots (docs/decisions/0136): states worked out now. */
export const snapshotFigures = ['overdue', 'approved', 'acceptances_expired', 're_review_due'] as const;

function snapshotsOf(rows: readonly StoredGovernanceSnapshot[]) {
  return (key: (typeof snapshotFigures)[number], measure: string): FigureInput['snapshots'] => ({
    values: Object.fromEntries(rows.filter((r) => r.figure === key).map((r) => [r.month, r.value])),
    measure,
  });
}

/** What the dashboard and the governance figures count over the summaries (brought up to date by the caller). */
export async function countSummaryFigures(store: Store): Promise<SummaryFigures> {
  const [tiers, approved] = await Promise.all([store.summaryTierCounts({ pending: pendingStatuses, approved: approvedStatuses }), store.countApprovedModels(approvedStatuses)]);
  return { tiers, approved };
}

/**
 * The figures, given the summary counts (brought up to date by the caller) and the audit log's
 * size read before them, under which the counts of stored rows are kept (stored-figures.ts).
 */
export async function governanceFigures(store: Store, summary: SummaryFigures, logSize: number, now: Date): Promise<Governance> {
  const { tiers: tierCounts, approved } = summary;
  const months = lastTwelveMonths(now);
  const today = now.toISOString().slice(0, 10);
  const monthStart = `${months[11] ?? today.slice(0, 7)}-01`;
  const trendsFrom = `${months[0] ?? monthStart.slice(0, 7)}-01T00:00:00.000Z`;
  const [stored, expired, snapshotRows, headSizes] = await Promise.all([
    storedFigures(store, logSize, { monthStart: monthStartOf(now), trendsFrom }),
    store.findingRegisterPage({ packageOwnerId: null, status: 'risk_accepted', acceptanceExpired: true, today, sort: 'due', limit: 1, offset: 0 }),
    store.listGovernanceSnapshots(months[0] ?? monthStart.slice(0, 7)),
    store.treeHeadSizesByMonth(trendsFrom),
  ]);
  const { counts, trends, changesThisMonth, rollbacksThisMonth } = stored;
  const snapshots = snapshotsOf(snapshotRows);
  const { complete, assessed, blocking_failed: blockingFailed, overridden, current: models } = counts;
  // The lists decided by workflow state: counted over the summaries by inDerivedList's rule.
  const sum = (pick: (t: SummaryTierCounts) => number) => tierCounts.reduce((n, t) => n + pick(t), 0);
  const derivedCounts: Record<DerivedGovernanceList, number> = { pending: sum((t) => t.pending), overdue: sum((t) => t.overdue), re_review_due: sum((t) => t.reReviewDue), approved };
  const derived = (list: DerivedGovernanceList) => derivedCounts[list];
  const inputs: FigureInput[] = [
    ...tiers.map(
      (tier): FigureInput => ({
        key: `tier_${tier}`,
        value: counts.byTier[tier] ?? 0,
        link: { list: 'packages', query: { governance: 'current', riskTier: tier } },
        trend: { counts: trends.submittedByTier[tier], measure: `Packages submitted in tier ${tier}` },
      }),
    ),
    { key: 'pending', value: derived('pending'), link: { list: 'packages', query: { governance: 'pending' } }, trend: { counts: trends.versionsSubmitted, measure: 'Versions submitted for review' } },
    { key: 'overdue', value: derived('overdue'), link: { list: 'packages', query: { governance: 'overdue' } }, snapshots: snapshots('overdue', 'At the close of each month: overdue reviews') },
    { key: 'complete', value: complete, of: models, link: { list: 'packages', query: { governance: 'complete' } }, trend: { counts: trends.completeVersions, measure: 'Policy checks (at submission or re-checks) with nothing the policy requires missing' } },
    { key: 'assessed', value: assessed, of: models, link: { list: 'packages', query: { governance: 'assessed' } }, trend: { counts: trends.assessments, measure: 'Risk assessments recorded' } },
    { key: 'approved', value: derived('approved'), of: models, link: { list: 'packages', query: { governance: 'approved' } }, snapshots: snapshots('approved', 'At the close of each month: models with all approvals') },
    { key: 'blocking_failed', value: blockingFailed, link: { list: 'packages', query: { governance: 'blocking_failed' } }, trend: { counts: trends.flaggedVersions, measure: 'Policy checks (at submission or re-checks) finding a blocking failure' } },
    { key: 'overridden', value: overridden, link: { list: 'packages', query: { governance: 'overridden' } }, trend: { counts: trends.overrides, measure: 'Tier overrides confirmed and approvals signed over a blocker' } },
    { key: 'acceptances_expired', value: expired.total, link: { list: 'findings', query: { status: 'risk_accepted', acceptanceExpired: 'true' } }, snapshots: snapshots('acceptances_expired', 'At the close of each month: accepted risks past their expiry') },
    { key: 're_review_due', value: derived('re_review_due'), link: { list: 'packages', query: { governance: 're_review_due' } }, snapshots: snapshots('re_review_due', 'At the close of each month: re-reviews due') },
    {
      key: 'changes_this_month',
      value: changesThisMonth,
      link: { list: 'packages', query: { governance: 'changed' } },
      trend: { counts: trends.changes, measure: 'Packages submitted or resubmitted (new models, new model versions, new versions of a package)' },
    },
    { key: 'rollbacks_this_month', value: rollbacksThisMonth, link: { list: 'audit', query: { action: rollbackAction, from: monthStart } }, trend: { counts: trends.rollbacks, measure: 'Approvals rolled back' } },
  ];
  const figures: GovernanceFigure[] = inputs.map((input) => figure(input, months));
  const auditChain = { trend: months.map((month) => ({ month, value: headSizes[month] ?? null })), trendMeasure: auditChainMeasure };
  return { figures, auditChain };
}
