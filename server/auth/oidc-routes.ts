import { Hono, type Context } from 'hono';
import * as client from 'openid-client';
import type { ApiDeps } from '#api/kernel/context.ts';
import { readCookie, sessionCookie, sessionCookieNameFor } from '#api/kernel/cookies.ts';
import { publicOriginOf } from '#api/kernel/public-origin.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { ssoPaths, type SsoConfig, type SsoErrorCode, type SsoFailureReason } from '#domain/contracts/sso.ts';
import { createOidcClient, OidcFlowError, type OidcClient, type OidcFailure } from './oidc-client.ts';
import { safeReturnTo } from './oidc-return-to.ts';
import { needsUserInfo, signInWithIdentity } from './oidc-sign-in.ts';
import { issuerName, type OidcSettings } from './oidc-settings.ts';
import { auditSsoFailure, redirect } from './sso-failure.ts';

// Single sign-on routes. They answer with redirects, not JSON, so they live beside the
// route table rather than in it; `oidcRoutePaths` lists them for the authorization matrix.

/** Every path served here, all GET and public (the provider's answer is the credential). */
export const oidcRoutePaths = [ssoPaths.config, ssoPaths.login, ssoPaths.callback] as const;

const loginTtlMs = 10 * 60_000;
const bindingCookiePath = '/api/auth/oidc';

/** Over https __Secure- (the browser keeps it only with Secure); not __Host-, which needs Path=/. */
function bindingCookieName(secure: boolean): string {
  return secure ? '__Secure-ma_oidc' : 'ma_oidc';
}

/**
 * The log-in's browser binding. SameSite=Lax, not Strict: the provider's redirect back is a
 * cross-site top-level navigation, on which a Strict cookie would not be sent.
 */
function bindingCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${bindingCookieName(secure)}=${value}`, `Path=${bindingCookiePath}`, 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`, ...(secure ? ['Secure'] : [])].join('; ');
}

const flowFailure: Record<OidcFailure, { code: SsoErrorCode; reason: SsoFailureReason }> = {
  provider_unavailable: { code: 'provider_unavailable', reason: 'sso_provider_unavailable' },
  access_denied: { code: 'access_denied', reason: 'sso_access_denied' },
  provider_error: { code: 'provider_error', reason: 'sso_provider_error' },
  token_invalid: { code: 'token_invalid', reason: 'sso_token_invalid' },
};

/** A failed log-in is audited by its reason; the provider's own words go to the operator's log. */
function warn(error: unknown): void {
  console.warn(`[sso] ${error instanceof Error ? error.message : String(error)}`);
}

/** `trustProxy`: TRUST_PROXY, for the client address that failures are counted by. */
export function oidcRoutes(deps: ApiDeps, settings: OidcSettings | null, oidc: OidcClient | null = settings ? createOidcClient(settings) : null, options: { trustProxy?: boolean } = {}): Hono {
  const app = new Hono();

  const issuer = settings ? issuerName(settings) : '';
  const fail = async (c: Context, failure: { code: SsoErrorCode; reason: SsoFailureReason; subject?: string | null; returnTo?: string }): Promise<Response> => {
    const refused = await auditSsoFailure(deps, c, options.trustProxy ?? false, { via: 'oidc', issuer, reason: failure.reason, subject: failure.subject ?? null });
    if (refused) return refused;
    const next = failure.returnTo && failure.returnTo !== '/' ? `&next=${encodeURIComponent(failure.returnTo)}` : '';
    return redirect(`/login?sso_error=${failure.code}${next}`, [bindingCookie('', 0, publicOriginOf(deps, c.req.url).secure)]);
  };

  app.get('/config', (c) => {
    const body: SsoConfig = settings ? { enabled: true, displayName: settings.displayName } : { enabled: false, displayName: null };
    return c.json(body, 200, { 'cache-control': 'no-store' });
  });

  app.get('/login', async (c) => {
    if (!settings || !oidc) return redirect('/login?sso_error=not_configured');
    const url = new URL(c.req.url);
    // Where the provider sends the browser back: the public origin, never the Host header.
    const { origin, secure } = publicOriginOf(deps, url);
    const returnTo = safeReturnTo(url.searchParams.get('returnTo'));
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const binding = deps.randomToken();
    const redirectUri = `${origin}${ssoPaths.callback}`;
    let authorizationUrl: URL;
    try {
      authorizationUrl = await oidc.authorizationUrl({ redirectUri, state, nonce, codeVerifier });
    } catch (error) {
      warn(error);
      return fail(c, { code: 'provider_unavailable', reason: 'sso_provider_unavailable', returnTo });
    }
    const now = deps.now();
    const at = now.toISOString();
    await deps.store.deleteExpiredOidcLogins(at);
    await deps.store.insertOidcLogin({
      stateHash: await sha256Hex(state),
      bindingHash: await sha256Hex(binding),
      codeVerifier,
      nonce,
      returnTo,
      redirectUri,
      createdAt: at,
      expiresAt: new Date(now.getTime() + loginTtlMs).toISOString(),
      usedAt: null,
    });
    return redirect(authorizationUrl.href, [bindingCookie(binding, loginTtlMs / 1000, secure)]);
  });

  app.get('/callback', async (c) => {
    if (!settings || !oidc) return redirect('/login?sso_error=not_configured');
    const url = new URL(c.req.url);
    const { secure } = publicOriginOf(deps, url);
    const state = url.searchParams.get('state');
    const login = state ? await deps.store.findOidcLogin(await sha256Hex(state)) : null;
    if (!state || !login) return fail(c, { code: 'state_invalid', reason: 'sso_state_unknown' });
    const at = deps.now().toISOString();
    if (login.usedAt !== null) return fail(c, { code: 'state_invalid', reason: 'sso_state_replayed', returnTo: login.returnTo });
    if (login.expiresAt <= at) return fail(c, { code: 'state_expired', reason: 'sso_state_expired', returnTo: login.returnTo });
    // Single use from here on, whatever follows: a second callback with this state is a replay.
    if (!(await deps.store.useOidcLogin(login.stateHash, at))) return fail(c, { code: 'state_invalid', reason: 'sso_state_replayed', returnTo: login.returnTo });
    const binding = readCookie(c.req.header('cookie') ?? null, bindingCookieName(secure));
    // Log-in CSRF: a callback URL started in another browser must not sign this one in.
    if (!binding || (await sha256Hex(binding)) !== login.bindingHash) return fail(c, { code: 'state_invalid', reason: 'sso_browser_mismatch', returnTo: login.returnTo });

    // The redirect URI exactly as sent, so the token request repeats it whatever Host this instance saw.
    const callbackUrl = new URL(login.redirectUri);
    callbackUrl.search = url.search;
    try {
      const identity = await oidc.exchange(callbackUrl, { state, nonce: login.nonce, codeVerifier: login.codeVerifier }, needsUserInfo(settings));
      const session = readCookie(c.req.header('cookie') ?? null, sessionCookieNameFor(secure));
      const outcome = await signInWithIdentity(deps, settings, identity, session ? await sha256Hex(session) : null);
      if (!outcome.ok) {
        return await fail(c, { code: outcome.reason, reason: `sso_${outcome.reason}`, subject: outcome.email, returnTo: login.returnTo });
      }
      return redirect(login.returnTo, [sessionCookie(outcome.token, Math.floor(deps.sessionTtlMs / 1000), secure), bindingCookie('', 0, secure)]);
    } catch (error) {
      if (error instanceof OidcFlowError) {
        warn(error);
        return fail(c, { ...flowFailure[error.reason], returnTo: login.returnTo });
      }
      deps.logError(error);
      return redirect('/login?sso_error=server_error', [bindingCookie('', 0, secure)]);
    }
  });

  return app;
}
