import type { Decision } from '../contracts/decisions.ts';
import { dashboardListLimit, type Dashboard, type DashboardPackageList } from '../contracts/dashboard.ts';
import type { PackageListLink } from '../contracts/governance.ts';
import type { PackageStatus, PackageSummary, StepState } from '../contracts/packages.ts';
import type { RiskTier } from '../contracts/sections.ts';
import { emergencyApprovals } from './emergency.ts';

// The committee's view across every package, computed from what the workflow derives (the
// package summary and its steps) and the decisions. Pure: the server, the mocks and the
// tests give it the same facts and the same clock and get the same dashboard.

export interface DashboardPackage {
  summary: PackageSummary;
  steps: readonly StepState[];
  /** Every decision on the package, any order. */
  decisions: readonly Decision[];
}

/** Re-reviews this close (in days, inclusive) are listed as upcoming. */
export const reReviewHorizonDays = 30;
/** How many decisions the dashboard lists. */
export const recentDecisionLimit = 20;

const riskTiers: readonly RiskTier[] = [1, 2, 3, 4];
const day = 86_400_000;

/** Still in review; an emergency approved package is too: its chain goes on as the follow-up. */
export const pendingStatuses: readonly PackageStatus[] = ['in_review', 'clarification_requested', 'emergency_approved'];
export const approvedStatuses: readonly PackageStatus[] = ['approved', 'approved_with_conditions'];

export function isPending(summary: PackageSummary): boolean {
  return pendingStatuses.includes(summary.status);
}

export function isApproved(summary: PackageSummary): boolean {
  return approvedStatuses.includes(summary.status);
}

/** A calendar date (UTC) as YYYY-MM-DD, `days` after `now`. */
function utcDate(now: Date, days = 0): string {
  return new Date(now.getTime() + days * day).toISOString().slice(0, 10);
}

/**
 * What the workflow alone tells the committee. The findings and the governance figures come
 * from their own stores; the handler adds them, and the contract requires both (no zeroed
 * default stands in for a part nobody computed).
 */
export type CommitteeView = Omit<Dashboard, 'findings' | 'governance'>;

/** What the committee counts per risk tier, over every package (the server counts it in SQL). */
export interface TierCounts {
  riskTier: number;
  models: number;
  pending: number;
  approved: number;
  rejected: number;
}

/**
 * Code-unit order, as SQL's binary collation (SQLite's default, PostgreSQL's "C") sorts: the
 * server takes each list's first page from an index in this order (decision record 0159), and a
 * locale's order (localeCompare) would put mixed-case ids elsewhere.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The pending list's order: oldest submission first, then by id. */
export function comparePending(a: { submittedAt: string; id: string }, b: { submittedAt: string; id: string }): number {
  return compareCodeUnits(a.submittedAt, b.submittedAt) || compareCodeUnits(a.id, b.id);
}

/** The overdue list's order: most overdue first (the one whose due time passed longest ago; none first), then by id. */
export function compareOverdue(a: { dueAt: string | null; id: string }, b: { dueAt: string | null; id: string }): number {
  return compareCodeUnits(a.dueAt ?? '', b.dueAt ?? '') || compareCodeUnits(a.id, b.id);
}

/** The dashboard's package lists, each the inventory list (governance filter) that holds it whole. */
export const dashboardListLinks = {
  pending: { list: 'packages', query: { governance: 'pending' } },
  overdue: { list: 'packages', query: { governance: 'overdue' } },
  conditionsLapsed: { list: 'packages', query: { governance: 'conditions_lapsed' } },
} as const satisfies Record<'pending' | 'overdue' | 'conditionsLapsed', PackageListLink>;

/** A whole list as the dashboard shows it: its first page, its size and its link (decision record 0159). */
export function firstPage(all: readonly PackageSummary[], link: PackageListLink): DashboardPackageList {
  return { items: all.slice(0, dashboardListLimit), total: all.length, link };
}

/** The rows of `byRiskTier`: every tier, a tier without packages as zeros. */
export function riskTierRows(counts: readonly TierCounts[]): CommitteeView['byRiskTier'] {
  return riskTiers.map((riskTier) => {
    const c = counts.find((t) => t.riskTier === riskTier);
    return { riskTier, models: c?.models ?? 0, inReview: c?.pending ?? 0, approved: c?.approved ?? 0, rejected: c?.rejected ?? 0 };
  });
}

/** Counted over the summaries, as the server counts them in SQL (decision record 0145). */
export function tierCounts(summaries: readonly PackageSummary[]): TierCounts[] {
  return riskTiers.map((riskTier) => {
    const inTier = summaries.filter((s) => s.riskTier === riskTier);
    return {
      riskTier,
      // A model with several packages (versions) counts once; the status columns count packages.
      models: new Set(inTier.map((s) => s.modelKey)).size,
      pending: inTier.filter(isPending).length,
      approved: inTier.filter(isApproved).length,
      rejected: inTier.filter((s) => s.status === 'rejected').length,
    };
  });
}

/**
 * The whole view from every package's facts: the reference the server's SQL counts and lists
 * are held to (tests), and the parts it computes over the few packages it reads whole.
 */
export function committeeDashboard(packages: readonly DashboardPackage[], now: Date): CommitteeView {
  const summaries = packages.map((p) => p.summary);
  return {
    generatedAt: now.toISOString(),
    byRiskTier: riskTierRows(tierCounts(summaries)),
    pending: firstPage(summaries.filter(isPending).sort(comparePending), dashboardListLinks.pending),
    overdue: firstPage(
      summaries
        .filter((s) => isPending(s) && s.currentStep?.overdue === true)
        .sort((a, b) => compareOverdue({ dueAt: a.currentStep?.dueAt ?? null, id: a.id }, { dueAt: b.currentStep?.dueAt ?? null, id: b.id })),
      dashboardListLinks.overdue,
    ),
    reReviews: reReviews(packages, now),
    conditionsLapsed: firstPage(
      summaries.filter((s) => s.conditionsLapsed === true).sort((a, b) => compareCodeUnits(a.id, b.id)),
      dashboardListLinks.conditionsLapsed,
    ),
    recentDecisions: recentDecisions(packages),
    emergencyFollowUps: emergencyFollowUps(packages),
  };
}

/** The latest decisions over `packages`, newest first, at most `recentDecisionLimit`. */
export function recentDecisions(packages: readonly DashboardPackage[]): CommitteeView['recentDecisions'] {
  return packages
    .flatMap(({ summary, decisions }) =>
      decisions.map((d) => ({
        packageId: summary.id,
        modelName: summary.modelName,
        versionLabel: summary.versionLabel,
        decisionId: d.id,
        decision: d.decision,
        meaning: d.meaning,
        role: d.role,
        actor: d.actor,
        decidedAt: d.decidedAt,
      })),
    )
    .sort((a, b) => b.decidedAt.localeCompare(a.decidedAt) || a.decisionId.localeCompare(b.decisionId))
    .slice(0, recentDecisionLimit);
}

/** Emergency approvals whose follow-up review is still open, oldest first: they stay listed until it is done. */
export function emergencyFollowUps(packages: readonly DashboardPackage[]): Dashboard['emergencyFollowUps'] {
  return packages
    .flatMap(({ summary, steps, decisions }) =>
      emergencyApprovals(decisions, { status: summary.status, steps })
        .filter(({ followUp }) => followUp.state === 'open')
        .map(({ decision }) => ({
          packageId: summary.id,
          modelName: summary.modelName,
          versionLabel: summary.versionLabel,
          decisionId: decision.id,
          versionNumber: decision.versionNumber,
          approvedBy: decision.actor,
          decidedAt: decision.decidedAt,
          incidentRef: decision.emergency.incidentRef,
          justification: decision.emergency.justification,
          waitingOn: summary.currentStep?.name ?? null,
        })),
    )
    .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt) || a.decisionId.localeCompare(b.decisionId));
}

/**
 * Conditional approvals that still stand and whose re-review date has come (due) or comes
 * within the horizon (upcoming), soonest first. An approval a later version made stale, or
 * one on a rejected package, commits nobody to a re-review, so it is left out.
 */
export function reReviews(packages: readonly DashboardPackage[], now: Date): Dashboard['reReviews'] {
  const today = utcDate(now);
  const horizon = utcDate(now, reReviewHorizonDays);
  const items: Dashboard['reReviews'] = [];
  for (const { summary, steps, decisions } of packages) {
    if (summary.status === 'rejected') continue;
    for (const step of steps) {
      for (const approval of step.approvals) {
        if (!approval.withConditions) continue;
        const decision = decisions.find(
          (d) => d.stepKey === step.key && d.actor.id === approval.actor.id && d.decidedAt === approval.decidedAt && d.versionNumber === approval.versionNumber,
        );
        const reReviewOn = decision?.conditions?.reReviewOn;
        if (!reReviewOn || reReviewOn > horizon) continue;
        items.push({
          packageId: summary.id,
          modelName: summary.modelName,
          versionLabel: summary.versionLabel,
          stepName: step.name,
          approvedBy: approval.actor,
          reReviewOn,
          state: reReviewOn <= today ? 'due' : 'upcoming',
        });
      }
    }
  }
  return items.sort((a, b) => a.reReviewOn.localeCompare(b.reReviewOn) || a.packageId.localeCompare(b.packageId));
}
