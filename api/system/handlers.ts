import type { RouteDef } from '../kernel/route-def.ts';
import { buildOpenApiDocument } from '../kernel/openapi.ts';
import { defineHandler, type Handler } from '../kernel/define-handler.ts';
import { samlPaths } from '#domain/contracts/sso.ts';
import { systemRoutes } from './routes.ts';

export const health = defineHandler(systemRoutes.health, async (ctx) => {
  // Touch the database so a load balancer stops sending traffic when storage is gone.
  await ctx.deps.store.listTemplates();
  return { status: 200, body: { status: 'ok' as const, database: ctx.deps.store.engine, time: ctx.deps.now().toISOString() } };
});

/** The SAML configuration with the URLs the IdP administrator needs, at this public origin. */
export const ssoSettings = defineHandler(systemRoutes.ssoSettings, (ctx) => {
  const saml = ctx.deps.samlSettings;
  return Promise.resolve({ status: 200, body: { saml: saml ? { ...saml, acsUrl: `${ctx.origin}${samlPaths.acs}`, metadataUrl: `${ctx.origin}${samlPaths.metadata}` } : null } });
});

/**
 * The API describes itself from the whole route table, which api/routes.ts composes from every
 * module, this one included: the table is handed in rather than imported, or this module and
 * the composition would import each other.
 */
export function openapiHandler(routeList: readonly RouteDef[]): Handler {
  return defineHandler(systemRoutes.openapi, () => Promise.resolve({ status: 200, body: buildOpenApiDocument(routeList) }));
}
