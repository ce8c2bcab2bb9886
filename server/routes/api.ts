import { Hono } from 'hono';
import { handleApiRequest } from '#api/index.ts';
import type { ApiDeps } from '#api/kernel/context.ts';
import { clientAddressOf } from './client-address.ts';

/**
 * The API is the domain route table (api/routes.ts) run through the shared request
 * pipeline, the same one the MSW mocks run; see docs/decisions/0002-one-request-pipeline.md.
 */
export interface ApiRouteOptions {
  trustProxy: boolean;
  /** The headers every answer carries (security-headers.ts), chosen per request; told of each answer made with them. */
  responseHeaders?: { for: (requestUrl: () => string) => Readonly<Record<string, string>>; madeWith: (response: Response) => void };
}

export function apiRoutes(deps: ApiDeps, options: ApiRouteOptions): Hono {
  const api = new Hono();
  api.all('/*', async (c) => {
    // The security headers go in with the response's own, not added after it (0161).
    const headers = options.responseHeaders;
    const response = await handleApiRequest(c.req.raw, deps, { clientAddress: clientAddressOf(c, options.trustProxy), ...(headers ? { responseHeaders: headers.for(() => c.req.url) } : {}) });
    headers?.madeWith(response);
    return response;
  });
  return api;
}
