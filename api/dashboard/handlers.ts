import type { Decision } from '#domain/contracts/decisions.ts';
import { committeeDashboard, recentDecisionLimit } from '#domain/workflow/committee-dashboard.ts';
import { dashboardRoutes as routes } from './routes.ts';
import { dashboardFindings } from '#domain/findings/dashboard-findings.ts';
import { toActor, usersById } from '../package-access/views.ts';
import { refreshSummaries } from '../package-access/summaries.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { governanceFigures } from './governance.ts';

/**
 * GET /api/dashboard. The route admits only oversight roles, who see every package, so
 * every package counts. Each is summarized exactly as the inbox and package pages summarize
 * it (the summaries table, brought up to date first: decision record 0130); the committee's
 * view is then a pure function of those summaries, their steps and the decisions it lists.
 */
export const dashboard = defineHandler(routes.dashboard, async (ctx) => {
  const { store, now } = ctx.deps;
  const at = now();
  await refreshSummaries(store, at);
  // The decisions the view lists: the newest (recent decisions), those with conditions (re-reviews), and
  // every decision of a package with an emergency approval (its follow-up). Steps only where those look.
  const [newest, flagged, allFindings, users] = await Promise.all([store.listDecisionsWhere({ newest: recentDecisionLimit }), store.listDecisionsWhere({ kinds: ['approve_with_conditions', 'emergency_approve'] }), store.listFindings('all'), usersById(store)]);
  const emergencyPackages = [...new Set(flagged.filter((d) => d.decision === 'emergency_approve').map((d) => d.packageId))];
  const decisions = new Map([...newest, ...flagged, ...(await store.listDecisions(emergencyPackages))].map((d) => [d.id, d]));
  const rows = await store.listSummaryRows(new Set(flagged.map((d) => d.packageId)));
  // Each package's decisions oldest first, as loadPackageFacts gives them.
  const decisionsOf = new Map<string, Decision[]>();
  for (const d of [...decisions.values()].sort((a, b) => a.decidedAt.localeCompare(b.decidedAt) || a.id.localeCompare(b.id))) {
    const list = decisionsOf.get(d.packageId);
    if (list) list.push(d);
    else decisionsOf.set(d.packageId, [d]);
  }
  const packages = rows.map(({ summary, steps }) => ({ summary, steps, decisions: decisionsOf.get(summary.id) ?? [] }));
  const findings = dashboardFindings(
    allFindings,
    new Map(rows.map((r) => [r.summary.id, r.summary])),
    (id) => toActor(users.get(id), id),
    at,
  );
  const governance = await governanceFigures(store, packages.map((p) => p.summary), at);
  return { status: 200, body: { ...committeeDashboard(packages, at), findings, governance } };
});
