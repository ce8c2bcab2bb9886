import { Hono } from 'hono';
import type { ApiDeps } from '#api/kernel/context.ts';
import { apiRoutes } from './routes/api.ts';
import { staticApp } from './routes/static-app.ts';
import { madeWithSecurityHeaders, securityHeaderRecord, securityHeadersFor } from './security-headers.ts';
import { oidcRoutes } from './auth/oidc-routes.ts';
import type { OidcSettings } from './auth/oidc-settings.ts';
import { samlRoutes } from './auth/saml-routes.ts';
import { samlSettingsView, type SamlSettings } from './auth/saml-settings.ts';

export interface AppOptions {
  /** The built SPA; omitted in API-only tests. */
  staticDir?: string;
  /** Single sign-on through OpenID Connect; off when absent. */
  oidc?: OidcSettings | null;
  /** Single sign-on through SAML 2.0; off when absent. */
  saml?: SamlSettings | null;
  /** TRUST_PROXY: the client's address from the proxy's X-Forwarded-For entry. */
  trustProxy?: boolean;
}

/** The whole HTTP surface, buildable in-process by tests: app.fetch(new Request(...)). */
export function createApp(deps: ApiDeps, options: AppOptions = {}): Hono {
  const app = new Hono();
  app.use('*', securityHeadersFor(deps.publicOrigin));
  // Redirect routes beside the JSON route table, matched before it.
  app.route('/api/auth/oidc', oidcRoutes(deps, options.oidc ?? null, undefined, { trustProxy: options.trustProxy ?? false }));
  app.route('/api/auth/saml', samlRoutes(deps, options.saml ?? null, { trustProxy: options.trustProxy ?? false }));
  // Administrators see the SAML configuration (never its key) on the admin page.
  const apiDeps: ApiDeps = options.saml ? { ...deps, samlSettings: samlSettingsView(options.saml) } : deps;
  const responseHeaders = { for: (requestUrl: () => string) => securityHeaderRecord(deps.publicOrigin, requestUrl), madeWith: (response: Response) => void madeWithSecurityHeaders.add(response) };
  app.route('/api', apiRoutes(apiDeps, { trustProxy: options.trustProxy ?? false, responseHeaders }));
  if (options.staticDir) app.route('/', staticApp(options.staticDir));
  app.onError((error, c) => {
    deps.logError(error);
    return c.json({ type: 'about:blank', title: 'Internal error', status: 500, detail: 'Something went wrong on our side.' }, 500, { 'content-type': 'application/problem+json' });
  });
  return app;
}
