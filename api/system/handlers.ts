import { buildOpenApiDocument } from '../kernel/openapi.ts';
import { routes, routeList } from '../routes.ts';
import { defineHandler } from '../kernel/define-handler.ts';

export const health = defineHandler(routes.health, async (ctx) => {
  // Touch the database so a load balancer stops sending traffic when storage is gone.
  await ctx.deps.store.listTemplates();
  return { status: 200, body: { status: 'ok' as const, database: ctx.deps.store.engine, time: ctx.deps.now().toISOString() } };
});

export const openapi = defineHandler(routes.openapi, () => Promise.resolve({ status: 200, body: buildOpenApiDocument(routeList) }));
