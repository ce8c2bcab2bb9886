import type { WebhookDelivery, WebhookEndpoint } from '#domain/webhooks/contract.ts';
import { newWebhookSecret } from '#domain/webhooks/sign.ts';
import type { RequestContext } from '../kernel/context.ts';
import { problems } from '../kernel/problems.ts';
import { webhooksRoutes as routes } from './routes.ts';
import type { StoredWebhookEndpoint, StoreTx } from '../store/store.ts';
import { toActor } from '../package-access/views.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { signedIn } from '../package-access/package-access.ts';
import { newId } from '../kernel/new-id.ts';
import { failureClassOf, refuseForbiddenLiteral } from './target.ts';

// Webhook endpoints, for administrators: register (the secret is answered once), disable,
// enable, and read each endpoint's delivery log. The route table admits only admins.

const deliveryLogLimit = 100;

async function endpointView(tx: StoreTx, e: StoredWebhookEndpoint): Promise<WebhookEndpoint> {
  const creator = await tx.findUserById(e.createdBy);
  return { id: e.id, url: e.url, description: e.description, events: e.events, enabled: e.enabled, createdAt: e.createdAt, createdBy: toActor(creator ?? undefined, e.createdBy) };
}

export const listWebhooks = defineHandler(routes.listWebhooks, async (ctx) => {
  const { store } = ctx.deps;
  const endpoints = await store.listWebhookEndpoints();
  return { status: 200, body: { items: await Promise.all(endpoints.map((e) => endpointView(store, e))) } };
});

export const registerWebhook = defineHandler(routes.registerWebhook, async (ctx, { body }) => {
  const user = signedIn(ctx);
  refuseForbiddenLiteral(body.url, ctx.deps.webhookAllowList ?? []);
  const at = ctx.deps.now().toISOString();
  const secret = newWebhookSecret();
  const endpoint: StoredWebhookEndpoint = { id: newId(ctx.deps, 'whe'), url: body.url, description: body.description, events: body.events, secret, enabled: true, createdAt: at, createdBy: user.id };
  const view = await ctx.deps.store.transaction(async (tx) => {
    await tx.insertWebhookEndpoint(endpoint);
    await tx.appendAudit({ event: { action: 'webhook.registered', subject: endpoint.id, before: null, after: { url: body.url, description: body.description, events: body.events } }, actorId: user.id, at });
    return endpointView(tx, endpoint);
  });
  return { status: 201, body: { endpoint: view, secret }, headers: [['location', `/api/webhooks/${endpoint.id}`]] };
});

async function setEnabled(ctx: RequestContext, id: string, enabled: boolean) {
  const user = signedIn(ctx);
  const at = ctx.deps.now().toISOString();
  return ctx.deps.store.transaction(async (tx) => {
    const endpoint = await tx.findWebhookEndpoint(id);
    if (!endpoint) throw problems.notFound(`No webhook endpoint ${id}.`);
    if (endpoint.enabled === enabled) throw problems.conflict(`This endpoint is already ${enabled ? 'enabled' : 'disabled'}.`);
    await tx.setWebhookEndpointEnabled(id, enabled);
    const event = enabled
      ? { action: 'webhook.enabled' as const, subject: id, before: { enabled: false as const }, after: { enabled: true as const } }
      : { action: 'webhook.disabled' as const, subject: id, before: { enabled: true as const }, after: { enabled: false as const } };
    await tx.appendAudit({ event, actorId: user.id, at });
    return endpointView(tx, { ...endpoint, enabled });
  });
}

export const disableWebhook = defineHandler(routes.disableWebhook, async (ctx, { params }) => ({ status: 200, body: await setEnabled(ctx, params.id, false) }));

export const enableWebhook = defineHandler(routes.enableWebhook, async (ctx, { params }) => ({ status: 200, body: await setEnabled(ctx, params.id, true) }));

export const listWebhookDeliveries = defineHandler(routes.listWebhookDeliveries, async (ctx, { params }) => {
  const { store } = ctx.deps;
  const endpoint = await store.findWebhookEndpoint(params.id);
  if (!endpoint) throw problems.notFound(`No webhook endpoint ${params.id}.`);
  const deliveries = await store.listWebhookDeliveries(endpoint.id, deliveryLogLimit);
  const attempts = await store.listWebhookAttempts(deliveries.map((d) => d.id));
  const items = deliveries.map(
    (d): WebhookDelivery => ({
      id: d.id,
      eventId: d.eventId,
      eventType: d.eventType,
      status: d.status,
      attempts: d.attempts,
      createdAt: d.createdAt,
      nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
      deliveredAt: d.deliveredAt,
      attemptLog: attempts.filter((a) => a.deliveryId === d.id).map(({ attempt, at, statusCode, error, durationMs }) => ({ attempt, at, statusCode, error: failureClassOf(error), durationMs })),
    }),
  );
  return { status: 200, body: { endpoint: await endpointView(store, endpoint), items } };
});
