import { committeeDashboard } from '#domain/workflow/committee-dashboard.ts';
import { dashboardRoutes as routes } from './routes.ts';
import { dashboardFindings } from '#domain/findings/dashboard-findings.ts';
import { loadPackageFacts, summarize, toActor, usersById } from '../package-access/views.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { governanceFigures } from './governance.ts';

/**
 * GET /api/dashboard. The route admits only oversight roles, who see every package, so
 * every package counts. Each is summarized exactly as the inbox and package pages summarize
 * it; the committee's view is then a pure function of those summaries and the decisions.
 */
export const dashboard = defineHandler(routes.dashboard, async (ctx) => {
  const { store, now } = ctx.deps;
  const at = now();
  const facts = await loadPackageFacts(store, await store.listPackages());
  const packages = facts.map((f) => {
    const { summary, state } = summarize(f, at);
    return { summary, steps: state.steps, decisions: f.decisions };
  });
  const users = await usersById(store);
  const findings = dashboardFindings(
    facts.flatMap((f) => f.findings),
    new Map(facts.map((f) => [f.pkg.id, f.pkg])),
    (id) => toActor(users.get(id), id),
    at,
  );
  const governance = await governanceFigures(store, packages.map((p) => p.summary), at);
  return { status: 200, body: { ...committeeDashboard(packages, at), findings, governance } };
});
