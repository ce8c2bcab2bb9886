import type { Decision } from '#domain/contracts/decisions.ts';
import { dashboardListLinks, emergencyFollowUps, reReviewHorizonDays, recentDecisionLimit, recentDecisions, reReviews, riskTierRows, type CommitteeView, type DashboardPackage } from '#domain/workflow/committee-dashboard.ts';
import { dashboardFindings, findingDates } from '#domain/findings/dashboard-findings.ts';
import { dashboardListLimit, type Dashboard } from '#domain/contracts/dashboard.ts';
import { dashboardRoutes as routes } from './routes.ts';
import { toActor, usersById } from '../package-access/views.ts';
import { refreshSummaries } from '../package-access/summaries.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { SerializedJson } from '../kernel/serialized-json.ts';
import type { DashboardSummaryList } from '../store/package-summaries.ts';
import type { StoredUser } from '../store/store.ts';
import { countSummaryFigures, governanceFigures } from './governance.ts';
import { summaryFigures } from './stored-figures.ts';

const day = 86_400_000;

/**
 * GET /api/dashboard. The route admits only oversight roles, who see every package, so every
 * package counts. Its figures are counted in SQL over the summaries table (brought up to date
 * first: decision records 0130, 0145); of each list of summaries (pending, overdue, conditions
 * lapsed) it sends the first page, read in the pure dashboard's order from the list's index and
 * sent as the table stores it, with the list's size and the inventory list holding all of it
 * (decision record 0159). Only the packages of the decisions it lists or looks at, and of the
 * findings it lists, are read whole; the pure dashboard functions compute those parts from them.
 * The counts over the whole inventory and its history are kept under the audit log's size, read
 * first (stored-figures.ts, decision record 0177); the lists are read on every request.
 */
export const dashboard = defineHandler(routes.dashboard, async (ctx) => {
  const { store, now } = ctx.deps;
  const at = now();
  // The log's size before anything is read: the counts kept under it are at least this new (decision record 0177).
  const logSize = await store.auditLogSize();
  await refreshSummaries(store, at);
  const { today, horizon } = findingDates(at);
  // The decisions the view lists: the newest (recent decisions), those with conditions (re-reviews), and
  // every decision of a package with an emergency approval (its follow-up).
  const [summary, pending, overdue, lapsed, lapsedTotal, newest, flagged, findingFacts] = await Promise.all([
    summaryFigures(store, logSize, at, () => countSummaryFigures(store)),
    store.firstSummaryTexts('pending', dashboardListLimit),
    store.firstSummaryTexts('overdue', dashboardListLimit),
    store.firstSummaryTexts('conditionsLapsed', dashboardListLimit),
    store.countSummaries({ ownerId: null, conditionsLapsed: true }),
    store.listDecisionsWhere({ newest: recentDecisionLimit }),
    store.listDecisionsWhere({ kinds: ['approve_with_conditions', 'emergency_approve'] }),
    store.dashboardFindings(today, horizon),
  ]);
  const { tiers } = summary;
  const reReviewBy = new Date(at.getTime() + reReviewHorizonDays * day).toISOString().slice(0, 10);
  // A conditional approval is listed only when its re-review date is within the horizon: only those packages' steps are read.
  const conditional = flagged.filter((d) => d.decision === 'emergency_approve' || (d.conditions !== null && d.conditions.reReviewOn <= reReviewBy));
  const emergencyPackages = [...new Set(conditional.filter((d) => d.decision === 'emergency_approve').map((d) => d.packageId))];
  const decisions = new Map([...newest, ...conditional, ...(await store.listDecisions(emergencyPackages))].map((d) => [d.id, d]));
  const [rows, governance, users] = await Promise.all([
    store.listSummaryRows(new Set([...[...decisions.values()].map((d) => d.packageId), ...findingFacts.listed.map((f) => f.packageId)])),
    governanceFigures(store, summary, logSize, at),
    findingFacts.listed.length > 0 ? usersById(store) : Promise.resolve(new Map<string, StoredUser>()),
  ]);
  // Each package's decisions oldest first, as loadPackageFacts gives them.
  const decisionsOf = new Map<string, Decision[]>();
  for (const d of [...decisions.values()].sort((a, b) => a.decidedAt.localeCompare(b.decidedAt) || a.id.localeCompare(b.id))) {
    const list = decisionsOf.get(d.packageId);
    if (list) list.push(d);
    else decisionsOf.set(d.packageId, [d]);
  }
  const packages: DashboardPackage[] = rows.map(({ summary, steps }) => ({ summary, steps, decisions: decisionsOf.get(summary.id) ?? [] }));
  const findings = dashboardFindings(findingFacts.listed, new Map(rows.map((r) => [r.summary.id, r.summary])), (id) => toActor(users.get(id), id), at, { critical: 0, high: 0, medium: 0, low: 0, ...findingFacts.openBySeverity });
  const view: Omit<CommitteeView, 'pending' | 'overdue' | 'conditionsLapsed'> & Pick<Dashboard, 'findings' | 'governance'> = {
    generatedAt: at.toISOString(),
    byRiskTier: riskTierRows(tiers),
    reReviews: reReviews(packages, at),
    recentDecisions: recentDecisions(packages),
    emergencyFollowUps: emergencyFollowUps(packages),
    findings,
    governance,
  };
  // The totals are the figures' own counts (the same SQL over the same rows), so a list and its figure agree.
  const totals = { pending: tiers.reduce((n, t) => n + t.pending, 0), overdue: tiers.reduce((n, t) => n + t.overdue, 0), conditionsLapsed: lapsedTotal };
  return { status: 200, body: dashboardJson(view, { pending: { items: pending, total: totals.pending }, overdue: { items: overdue, total: totals.overdue }, conditionsLapsed: { items: lapsed, total: totals.conditionsLapsed } }) };
});

/** A first page of a list: the stored summaries' JSON texts, in order, and the list's size. */
interface FirstPage {
  items: readonly string[];
  total: number;
}

/**
 * The dashboard as JSON text, its members in the contract's order; the summaries of each list's
 * first page are the stored JSON texts joined, which is what JSON.stringify of their parsed values would give.
 */
function dashboardJson(view: Omit<Dashboard, DashboardSummaryList>, lists: Record<DashboardSummaryList, FirstPage>): SerializedJson {
  const list = (name: DashboardSummaryList) => `{"items":[${lists[name].items.join(',')}],"total":${lists[name].total},"link":${JSON.stringify(dashboardListLinks[name])}}`;
  const member = (name: string, text: string) => `${JSON.stringify(name)}:${text}`;
  const members = [
    member('generatedAt', JSON.stringify(view.generatedAt)),
    member('byRiskTier', JSON.stringify(view.byRiskTier)),
    member('pending', list('pending')),
    member('overdue', list('overdue')),
    member('reReviews', JSON.stringify(view.reReviews)),
    member('conditionsLapsed', list('conditionsLapsed')),
    member('recentDecisions', JSON.stringify(view.recentDecisions)),
    member('emergencyFollowUps', JSON.stringify(view.emergencyFollowUps)),
    member('findings', JSON.stringify(view.findings)),
    member('governance', JSON.stringify(view.governance)),
  ];
  return new SerializedJson(`{${members.join(',')}}`);
}
