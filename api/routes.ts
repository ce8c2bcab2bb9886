import type { RouteDef } from './kernel/route-def.ts';
import { systemRoutes } from './system/routes.ts';
import { sessionRoutes } from './session/routes.ts';
import { packagesRoutes } from './packages/routes.ts';
import { threadsRoutes } from './threads/routes.ts';
import { findingsRoutes } from './findings/routes.ts';
import { sectionReviewsRoutes } from './section-reviews/routes.ts';
import { signingRoutes } from './signing/routes.ts';
import { passkeysRoutes } from './passkeys/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { recordRoutes } from './record/routes.ts';
import { dashboardRoutes } from './dashboard/routes.ts';
import { templatesRoutes } from './templates/routes.ts';
import { policiesRoutes } from './policies/routes.ts';
import { riskAssessmentsRoutes } from './risk-assessments/routes.ts';
import { delegationsRoutes } from './delegations/routes.ts';
import { notificationsRoutes } from './notifications/routes.ts';
import { tokensRoutes } from './tokens/routes.ts';
import { webhooksRoutes } from './webhooks/routes.ts';
import { usersRoutes } from './users/routes.ts';
import { accountRequestsRoutes } from './account-requests/routes.ts';
import { catalogueProposalsRoutes } from './catalogue-proposals/routes.ts';
import { mailRoutes } from './mail/routes.ts';
import { registriesRoutes } from './registries/routes.ts';
import { draftsRoutes } from './drafts/routes.ts';
import { monitoringRoutes } from './monitoring/routes.ts';
import { obligationsRoutes } from './obligations/routes.ts';
import { revalidationRoutes } from './revalidation/routes.ts';
import { rollbacksRoutes } from './rollbacks/routes.ts';
import { businessLinesRoutes } from './business-lines/routes.ts';

// The public API, declared once, spread from the capability modules. The server, the MSW
// mocks, the OpenAPI document, the authorization tests and every client URL are built
// from this table, so a route cannot exist in one and not the others.

export const routes = {
  ...systemRoutes,
  ...sessionRoutes,
  ...packagesRoutes,
  ...threadsRoutes,
  ...findingsRoutes,
  ...sectionReviewsRoutes,
  ...signingRoutes,
  ...passkeysRoutes,
  ...auditRoutes,
  ...recordRoutes,
  ...dashboardRoutes,
  ...templatesRoutes,
  ...policiesRoutes,
  ...riskAssessmentsRoutes,
  ...delegationsRoutes,
  ...notificationsRoutes,
  ...tokensRoutes,
  ...webhooksRoutes,
  ...usersRoutes,
  ...accountRequestsRoutes,
  ...catalogueProposalsRoutes,
  ...mailRoutes,
  ...registriesRoutes,
  ...monitoringRoutes,
  ...draftsRoutes,
  ...obligationsRoutes,
  ...revalidationRoutes,
  ...rollbacksRoutes,
  ...businessLinesRoutes,
} as const;

export type Routes = typeof routes;
export type RouteId = keyof Routes;
export const routeList: readonly RouteDef[] = Object.values(routes);

export { apiPath, type Access, type RouteDef } from './kernel/route-def.ts';
export { healthResponseSchema } from './system/routes.ts';
export { submitPackageResponseSchema, submitVersionResponseSchema } from './packages/routes.ts';
