import type { GovernanceFigure, GovernanceFigureKey, GovernanceLink, GovernanceList } from '../contracts/governance.ts';
import type { PackageSummary } from '../contracts/packages.ts';
import { isApproved, isPending } from '../workflow/committee-dashboard.ts';

// The governance metrics of the committee dashboard (issue 23, docs/decisions/0117). Each
// figure is the size of a list its link opens: the inventory with a `governance` filter, the
// findings register or the audit log. The lists decided by workflow state are decided here,
// once, for the dashboard's count and the inventory's filter alike; those decided by stored
// rows are one query each in the store, also shared by both.

export type DerivedGovernanceList = Extract<GovernanceList, 'pending' | 'overdue' | 'approved' | 're_review_due'>;

/**
 * Whether a package belongs to a list decided by its workflow state (`current`: it is its
 * model's newest; `rolledBack`: its approval was withdrawn, docs/decisions/0135).
 */
export function inDerivedList(list: DerivedGovernanceList, summary: PackageSummary, current: boolean, rolledBack = false): boolean {
  switch (list) {
    case 'pending':
      return isPending(summary);
    case 'overdue':
      return isPending(summary) && summary.currentStep?.overdue === true;
    case 'approved':
      // "With all approvals": the model's newest package went through its whole chain, and its
      // approval was not rolled back since.
      return current && isApproved(summary) && !rolledBack;
    case 're_review_due':
      return summary.status !== 'rejected' && summary.reReviewDue;
  }
}

export function isDerivedList(list: GovernanceList): list is DerivedGovernanceList {
  return list === 'pending' || list === 'overdue' || list === 'approved' || list === 're_review_due';
}

/** The first instant of `at`'s month (UTC), as ISO text: where "this month" starts for the `changed` list and its figure. */
export function monthStartOf(at: Date): string {
  return `${at.toISOString().slice(0, 7)}-01T00:00:00.000Z`;
}

/** The 12 calendar months (UTC) ending with `now`'s, oldest first, as 'YYYY-MM'. */
export function lastTwelveMonths(now: Date): string[] {
  return Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1)).toISOString().slice(0, 7));
}

export interface FigureInput {
  key: GovernanceFigureKey;
  value: number;
  of?: number;
  link: GovernanceLink;
  /** Monthly counts ('YYYY-MM' → n) and what they count; omitted where no history gives one. */
  trend?: { counts: Record<string, number>; measure: string };
  /**
   * For a state worked out now: its value at the close of each month ('YYYY-MM' → n) from the
   * monthly snapshots (docs/decisions/0136); this month is `value`, a month without one null.
   */
  snapshots?: { values: Record<string, number>; measure: string };
}

/** The 12 points of a figure's trend: counts (a month with nothing is 0) or snapshots (a month without one is null; this month is now). */
function trendOf(input: FigureInput, months: readonly string[]): GovernanceFigure['trend'] {
  const { trend, snapshots } = input;
  if (trend) return months.map((month) => ({ month, value: trend.counts[month] ?? 0 }));
  if (snapshots) return months.map((month, i) => ({ month, value: i === months.length - 1 ? input.value : (snapshots.values[month] ?? null) }));
  return null;
}

/** A figure as the contract has it, its trend filled to 12 months. */
export function figure(input: FigureInput, months: readonly string[]): GovernanceFigure {
  return {
    key: input.key,
    value: input.value,
    of: input.of ?? null,
    link: input.link,
    trend: trendOf(input, months),
    trendMeasure: input.trend?.measure ?? input.snapshots?.measure ?? null,
  };
}

/** The month before `now`'s (UTC), 'YYYY-MM': the one a snapshot pass in `now`'s month closes. */
export function closedMonth(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}
