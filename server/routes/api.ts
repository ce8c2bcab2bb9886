import { Hono } from 'hono';
import { handleApiRequest } from '#api/index.ts';
import type { ApiDeps } from '#api/kernel/context.ts';
import { clientAddressOf } from './client-address.ts';

/**
 * The API is the domain route table (api/routes.ts) run through the shared request
 * pipeline, the same one the MSW mocks run; see docs/decisions/0002-one-request-pipeline.md.
 */
export function apiRoutes(deps: ApiDeps, options: { trustProxy: boolean }): Hono {
  const api = new Hono();
  api.all('/*', (c) => handleApiRequest(c.req.raw, deps, { clientAddress: clientAddressOf(c, options.trustProxy) }));
  return api;
}
