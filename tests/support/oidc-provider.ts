// A real OpenID Provider for tests: panva's certified oidc-provider on localhost, on a free
// port, with one client (authorization code, PKCE required) and a handful of accounts. Its
// development log-in form (any password) is what Playwright fills in; `signInAtProvider`
// drives the same form with fetch for integration tests.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  email?: string;
  name?: string;
  /** The claim our app maps to roles: any strings, known to the app or not. */
  roles?: string[];
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  /** Accounts by login (which is also their `sub`); change them between log-ins to see updates. */
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
}

export interface TestProviderOptions {
  /** The app's callback URLs the client may redirect to. */
  redirectUris: string[];
  accounts: Record<string, TestAccount>;
  clientId?: string;
  /** Set for a confidential client; a public client (PKCE only) otherwise. */
  clientSecret?: string;
  /** Fixed port (the e2e server's); a free one when absent. */
  port?: number;
}

interface ProviderContext {
  oidc: {
    provider: Provider;
    client?: { clientId: string };
    session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
    result?: { consent?: { grantId?: string } };
  };
}

export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, 'localhost', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://localhost:${port}`;
  const clientId = options.clientId ?? 'model-approval';
  const accounts = new Map(Object.entries(options.accounts));
  const signingKey = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        ...(options.clientSecret ? { client_secret: options.clientSecret, token_endpoint_auth_method: 'client_secret_basic' } : { token_endpoint_auth_method: 'none' }),
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'roles'] },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx: unknown, id: string) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...accounts.get(id), email_verified: true }) };
    },
    // A first-party client: consent is implied, as a company's own provider would set it up.
    loadExistingGrant: async (ctx: ProviderContext) => {
      const { client, session, result, provider: p } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return p.Grant.find(grantId);
      const grant = new p.Grant({ accountId: session.accountId, clientId: client.clientId });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['email', 'email_verified', 'name', 'roles']);
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());

  return {
    issuer,
    clientId,
    clientSecret: options.clientSecret,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A browser's cookie jar, enough for one provider: names and values, paths ignored. */
class CookieJar {
  readonly #cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) this.#cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Plays the browser at the provider: follows its redirects, fills its log-in form as
 * `login`, and returns the URL it finally sends the browser to (the app's callback, with
 * `code`, `state` and `iss`). Stops at the first URL off the provider.
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new CookieJar();
  const providerOrigin = new URL(authorizationUrl).origin;
  let next = new URL(authorizationUrl);
  let body: URLSearchParams | null = null;
  for (let step = 0; step < 12; step += 1) {
    if (next.origin !== providerOrigin) return next;
    const response: Response = await fetch(next, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(body ? { body } : {}),
    });
    jar.take(response);
    body = null;
    const location = response.headers.get('location');
    if (location) {
      next = new URL(location, next);
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action || !prompt) throw new Error(`The provider answered ${response.status} at ${next.href}: ${html.slice(0, 500)}`);
    next = new URL(action.replaceAll('&amp;', '&'), next);
    body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any password' } : { prompt });
  }
  throw new Error('The provider did not send the browser back within 12 steps');
}

/**
 * The identity provider the shared e2e server starts (scripts/e2e-server.ts), and how the app
 * is configured for it; e2e/oidc.spec.ts signs in as `login`. A public client: PKCE alone.
 */
export const e2eSso = {
  displayName: 'Bank SSO',
  roleMap: 'grp-data-governance=data_governance',
  login: 'sso-reviewer',
  account: { email: 'sso.reviewer@bank.example', name: 'Sam Ssoreviewer', roles: ['grp-data-governance', 'grp-not-ours'] } satisfies TestAccount,
};
