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
}

/** A figure as the contract has it: the trend filled to 12 months (a month with nothing is 0). */
export function figure(input: FigureInput, months: readonly string[]): GovernanceFigure {
  return {
    key: input.key,
    value: input.value,
    of: input.of ?? null,
    link: input.link,
    trend: input.trend ? months.map((month) => ({ month, value: input.trend?.counts[month] ?? 0 })) : null,
    trendMeasure: input.trend?.measure ?? null,
  };
}
