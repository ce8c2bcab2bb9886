import { Hono } from 'hono';
import { handleApiRequest } from '#api/index.ts';
import type { ApiDeps } from '#api/kernel/context.ts';
import { clientAddressOf } from './client-address.ts';
import { madeWithSecurityHeaders, securityHeaderRecord } from '../security-headers.ts';

/**
 * The API is the domain route table (api/routes.ts) run through the shared request
 * pipeline, the same one the MSW mocks run; see docs/decisions/0002-one-request-pipeline.md.
 */
export function apiRoutes(deps: ApiDeps, options: { trustProxy: boolean }): Hono {
  const api = new Hono();
  api.all('/*', async (c) => {
    // The security headers go in with the response's own, not added after it (0161).
    const responseHeaders = securityHeaderRecord(deps.publicOrigin, () => c.req.url);
    const response = await handleApiRequest(c.req.raw, deps, { clientAddress: clientAddressOf(c, options.trustProxy), responseHeaders });
    madeWithSecurityHeaders.add(response);
    return response;
  });
  return api;
}
