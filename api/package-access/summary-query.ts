import type { PackageSummary } from '#domain/contracts/packages.ts';
import { inTabSelection } from '#domain/package/inbox-tabs.ts';
import type { SummaryKey, SummaryPageQuery } from '../store/package-summaries.ts';

// The inbox's page query (server/db/queries/package-summaries.ts says it in SQL) over summaries
// computed in memory: what a list request falls back to when the summary table cannot be
// written back (another connection holds SQLite's write lock past the busy timeout), so a read
// still answers, from the packages' facts, rather than 503 or a stale row.

/** Whether a summary is in the query's list (its cursor and limit aside); the caller has kept only what the user may see. */
export function matchesSummaryQuery(s: PackageSummary, q: Omit<SummaryPageQuery, 'after' | 'limit' | 'ownerId'>): boolean {
  if (q.status !== undefined && s.status !== q.status) return false;
  if (q.statuses !== undefined && !q.statuses.includes(s.status)) return false;
  if (q.riskTier !== undefined && s.riskTier !== q.riskTier) return false;
  if (q.modelKey !== undefined && s.modelKey !== q.modelKey) return false;
  if (q.stepRole !== undefined && s.currentStep?.role !== q.stepRole) return false;
  if (q.stepOverdue !== undefined && (s.currentStep?.overdue ?? false) !== q.stepOverdue) return false;
  if (q.reReviewDue !== undefined && s.reReviewDue !== q.reReviewDue) return false;
  if (q.revalidationDueBy !== undefined && (s.revalidationDueOn === undefined || s.revalidationDueOn > q.revalidationDueBy)) return false;
  if (q.conditionsLapsed && s.conditionsLapsed !== true) return false;
  if (q.onlyIds !== undefined && !q.onlyIds.has(s.id)) return false;
  return q.tab === undefined || inTabSelection(s, q.tab);
}

/** The page after `after` in the inbox's order (newest change first, then by id), `limit` + 1 rows when there are more. */
export function pageOf(summaries: readonly PackageSummary[], after: SummaryKey | null, limit: number): PackageSummary[] {
  const ordered = [...summaries].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  const start = after ? ordered.findIndex((s) => s.updatedAt < after.updatedAt || (s.updatedAt === after.updatedAt && s.id > after.id)) : 0;
  return start === -1 ? [] : ordered.slice(start, start + limit + 1);
}
