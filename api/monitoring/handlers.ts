import { monitoringAlertSchema, type MonitoringAlert, type MonitoringAlertResult } from '#domain/contracts/monitoring.ts';
import { alertFinding, defaultAlertSeverities } from '#domain/monitoring/alert-finding.ts';
import { verifyStandardWebhook, type SignatureVerdict } from '#domain/webhooks/verify.ts';
import type { ApiDeps } from '../kernel/context.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { problems, zodProblems } from '../kernel/problems.ts';
import { newId } from '../kernel/new-id.ts';
import { loadWorkflowFacts, workflowStateOf } from '../package-access/views.ts';
import { appendLimitedAnonymous } from '../throttle/rate-limits.ts';
import type { StoredFinding, StoredPackage } from '../store/store.ts';
import { standingApprovals } from '../re-review/standing-approvals.ts';
import { monitoringRoutes as routes } from './routes.ts';

// A monitoring tool's alert (decision record 0110). Signature first (refusals audited, within
// the anonymous budget per client), then the body; a webhook-id seen before answers what it
// answered then. Everything else happens in one transaction whose first write is the alert
// row keyed by webhook-id, so of two concurrent deliveries exactly one writes anything.

async function alertPackage(deps: ApiDeps, alert: MonitoringAlert): Promise<StoredPackage> {
  if (alert.packageId) {
    const pkg = await deps.store.findPackage(alert.packageId);
    if (!pkg) throw problems.validation([{ pointer: '/packageId', message: `No package ${alert.packageId}` }]);
    return pkg;
  }
  const model = alert.model ?? { key: '', version: '' };
  const pkg = await deps.store.findPackageByModelVersion(model.key, model.version);
  if (!pkg) throw problems.validation([{ pointer: '/model', message: `No package of model ${model.key} version ${model.version}` }]);
  return pkg;
}

async function refuse(deps: ApiDeps, clientAddress: string | null, reason: Exclude<SignatureVerdict, { ok: true }>['reason'] | 'not_configured', webhookId: string | null, detail?: string): Promise<never> {
  await appendLimitedAnonymous(deps, clientAddress, (tx, at) =>
    tx.appendAudit({ event: { action: 'monitoring.alert_refused', subject: 'monitoring alerts', before: null, after: { reason, webhookId: webhookId?.slice(0, 200) ?? null, client: clientAddress } }, actorId: null, at }),
  );
  const why = reason === 'not_configured' ? 'no monitoring secret is configured (MONITORING_WEBHOOK_SECRET)' : detail ? `its webhook headers are malformed: ${detail}` : `its webhook-signature does not verify (${reason})`;
  throw problems.unauthenticated(`The alert was refused: ${why}; nothing was done.`);
}

export const receiveMonitoringAlert = defineHandler(routes.receiveMonitoringAlert, async (ctx, { body }) => {
  const { deps } = ctx;
  const header = (name: string) => ctx.headers?.get(name) ?? null;
  const webhookId = header('webhook-id');
  const secret = deps.monitoring?.secret;
  if (!secret) return refuse(deps, ctx.clientAddress, 'not_configured', webhookId);
  const verdict = await verifyStandardWebhook(secret, { id: webhookId, timestamp: header('webhook-timestamp'), signature: header('webhook-signature'), body: ctx.rawBody ?? '' }, deps.now());
  if (!verdict.ok) return refuse(deps, ctx.clientAddress, verdict.reason, webhookId, verdict.detail);
  // The signature covers the id, so it is present, the sender's and within bounds: the whole id is the key.
  const id = webhookId ?? '';
  const parsed = monitoringAlertSchema.safeParse(body);
  if (!parsed.success) throw problems.validation(zodProblems(parsed.error, ''));
  const alert = parsed.data;
  const seen = await deps.store.findMonitoringAlert(id);
  if (seen) return { status: 200, body: seen.result };
  const pkg = await alertPackage(deps, alert);
  const now = deps.now();
  const at = now.toISOString();
  const result = await deps.store.transaction(async (tx): Promise<MonitoringAlertResult | null> => {
    await tx.lockPackage(pkg.id);
    const [facts] = await loadWorkflowFacts(tx, [pkg]);
    if (!facts) throw new Error(`Package ${pkg.id} has no facts`);
    const { state, latestVersion } = workflowStateOf(facts, now);
    const pointer = alert.packageId ? '/packageId' : '/model';
    if (state.status !== 'approved' && state.status !== 'approved_with_conditions') {
      throw problems.validation([{ pointer, message: `${pkg.modelName} ${pkg.versionLabel} is not approved (it is ${state.status.replaceAll('_', ' ')}); alerts are taken for approved models` }]);
    }
    const approvals = standingApprovals(facts.decisions);
    const version = latestVersion;
    const findingId = newId(deps, 'fnd');
    const outcome: MonitoringAlertResult = { alertId: id, packageId: pkg.id, findingId, reReviewDecisions: approvals.map((d) => d.id) };
    // The idempotency guard, written first: a replay or a concurrent duplicate stops here.
    if (!(await tx.insertMonitoringAlert({ webhookId: id, packageId: pkg.id, findingId, result: outcome, receivedAt: at }))) return null;
    const role = approvals[0]?.role ?? 'model_risk';
    const raisedBy = { id: 'system', displayName: `Monitoring: ${alert.source}`.slice(0, 200), title: 'Automated monitoring' };
    const shape = alertFinding(alert, deps.monitoring?.severities ?? defaultAlertSeverities, at.slice(0, 10));
    const finding: StoredFinding = { id: findingId, packageId: pkg.id, versionNumber: version, sectionKey: 'evaluation', anchor: null, ...shape, type: 'validation_finding', ownerId: pkg.ownerId, remediationPlan: '', status: 'open', raisedBy, raisedRole: role, acceptance: null, revision: 0, createdAt: at, updatedAt: at };
    await tx.insertFinding(finding);
    await tx.insertFindingEvent({ id: newId(deps, 'fev'), findingId, position: 0, at, by: raisedBy, role, from: null, to: 'open', versionNumber: version, note: shape.description });
    // Flagged as a due re-review is (the sweep's notice); an approval flagged before stays so.
    for (const d of approvals) await tx.insertReReviewNotice({ decisionId: d.id, packageId: pkg.id, reReviewOn: at.slice(0, 10), noticedAt: at });
    const roles = [...new Set(approvals.map((d) => d.role))];
    await tx.appendAudit({
      event: { action: 'monitoring.alert_received', subject: pkg.id, before: null, after: { webhookId: id, kind: alert.kind, metric: alert.metric, value: alert.value, threshold: alert.threshold, observedAt: alert.observedAt, source: alert.source, finding: findingId, version, decisions: outcome.reReviewDecisions, roles } },
      actorId: null,
      at,
    });
    return outcome;
  });
  if (result) return { status: 200, body: result };
  const stored = await deps.store.findMonitoringAlert(id);
  if (!stored) throw new Error(`Monitoring alert ${id} was recorded by another transaction but cannot be read`);
  return { status: 200, body: stored.result };
});
