import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { generateServiceProviderMetadata, SAML, ValidateInResponseTo, type CacheProvider } from '@node-saml/node-saml';
import type { ApiDeps } from '#api/kernel/context.ts';
import { readCookie, sessionCookie, sessionCookieNameFor } from '#api/kernel/cookies.ts';
import { publicOriginOf } from '#api/kernel/public-origin.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { samlPaths, type SsoConfig, type SsoErrorCode, type SsoFailureReason } from '#domain/contracts/sso.ts';
import { mapRoles } from './oidc-role-map.ts';
import { safeReturnTo } from './oidc-return-to.ts';
import { attributeValues, checkAssertion, readRawResponse, reasonOfLibraryError, SamlRefusal } from './saml-response.ts';
import type { SamlSettings } from './saml-settings.ts';
import { auditSsoFailure, redirect } from './sso-failure.ts';
import { signInWithExternalIdentity } from './sso-sign-in.ts';

// SAML 2.0 single sign-on, SP-initiated: /login sends the browser to the IdP with an
// AuthnRequest (HTTP-Redirect binding); the IdP posts its Response to /acs (HTTP-POST binding).
// @node-saml/node-saml verifies it; saml-response.ts checks what the library leaves to us; the
// request row (saml_requests) and the assertion ID (saml_assertions) are used once, in the
// database, so a response is accepted by exactly one API instance, once. Then the same sign-in
// as OIDC (sso-sign-in.ts). Like the OIDC routes they answer with redirects and XML, not JSON,
// so they live beside the route table; `samlRoutePaths` lists them for the authorization matrix.

export const samlRoutePaths = [samlPaths.config, samlPaths.login, samlPaths.acs, samlPaths.metadata] as const;

const loginTtlMs = 10 * 60_000;
const bindingCookiePath = '/api/auth/saml';
/** A SAMLResponse larger than this is refused before it is parsed; a body larger than this is not read. */
const maxResponseChars = 512 * 1024;
const maxBodyBytes = maxResponseChars + 16 * 1024;

function bindingCookieName(secure: boolean): string {
  return secure ? '__Secure-ma_saml' : 'ma_saml';
}

/**
 * The log-in's browser binding. SameSite=None: the IdP's answer is a cross-site POST, on which
 * a Lax or Strict cookie is not sent; None requires Secure, which browsers honour on https and
 * on http://localhost. Scoped to the SAML routes and HttpOnly.
 */
function bindingCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${bindingCookieName(secure)}=${value}`, `Path=${bindingCookiePath}`, 'HttpOnly', 'SameSite=None', 'Secure', `Max-Age=${maxAgeSeconds}`].join('; ');
}

/** Our request store, as node-saml asks it: only to know whether an InResponseTo is ours. */
function requestCache(deps: ApiDeps, saved: (id: string) => void): CacheProvider {
  return {
    saveAsync: (key) => {
      saved(key);
      return Promise.resolve(null);
    },
    getAsync: async (key) => {
      const request = await deps.store.findSamlRequest(key);
      return request && request.usedAt === null && request.expiresAt > deps.now().toISOString() ? request.createdAt : null;
    },
    // Marked used by one conditional UPDATE after validation instead (useSamlRequest).
    removeAsync: () => Promise.resolve(null),
  };
}

function samlFor(deps: ApiDeps, settings: SamlSettings, acsUrl: string, saved: (id: string) => void = () => undefined): SAML {
  return new SAML({
    callbackUrl: acsUrl,
    entryPoint: settings.idp.ssoUrl,
    issuer: settings.spEntityId,
    audience: settings.spEntityId,
    idpCert: settings.idp.signingCertificates,
    wantAssertionsSigned: settings.wantAssertionsSigned,
    wantAuthnResponseSigned: settings.wantResponseSigned,
    acceptedClockSkewMs: settings.clockSkewMs,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: loginTtlMs,
    cacheProvider: requestCache(deps, saved),
    ...(settings.spPrivateKey ? { privateKey: settings.spPrivateKey, decryptionPvk: settings.spPrivateKey } : {}),
    signatureAlgorithm: 'sha256',
    digestAlgorithm: 'sha256',
    // The IdP chooses the NameID format and the authentication method (MFA included).
    identifierFormat: null,
    disableRequestedAuthnContext: true,
  });
}

/** The SP metadata the IdP's administrator loads: entity id, ACS, our certificate. */
export function spMetadataXml(settings: SamlSettings, acsUrl: string): string {
  return generateServiceProviderMetadata({
    issuer: settings.spEntityId,
    callbackUrl: acsUrl,
    wantAssertionsSigned: settings.wantAssertionsSigned,
    identifierFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    ...(settings.spCertificate && settings.spPrivateKey ? { publicCerts: settings.spCertificate, decryptionCert: settings.spCertificate, privateKey: settings.spPrivateKey, decryptionPvk: settings.spPrivateKey } : {}),
  });
}

function warn(error: unknown): void {
  console.warn(`[saml] ${error instanceof Error ? error.message : String(error)}`);
}

/** `trustProxy`: TRUST_PROXY, for the client address that failures are counted by. */
export function samlRoutes(deps: ApiDeps, settings: SamlSettings | null, options: { trustProxy?: boolean } = {}): Hono {
  const app = new Hono();
  const issuer = settings?.idp.entityId ?? '';

  const fail = async (c: Context, failure: { code: SsoErrorCode; reason: SsoFailureReason; subject?: string | null; returnTo?: string }): Promise<Response> => {
    const refused = await auditSsoFailure(deps, c, options.trustProxy ?? false, { via: 'saml', issuer, reason: failure.reason, subject: failure.subject ?? null });
    if (refused) return refused;
    const next = failure.returnTo && failure.returnTo !== '/' ? `&next=${encodeURIComponent(failure.returnTo)}` : '';
    return redirect(`/login?sso_error=${failure.code}${next}`, [bindingCookie('', 0, publicOriginOf(deps, c.req.url).secure)]);
  };

  app.get('/config', (c) => {
    const body: SsoConfig = settings ? { enabled: true, displayName: settings.displayName } : { enabled: false, displayName: null };
    return c.json(body, 200, { 'cache-control': 'no-store' });
  });

  app.get('/metadata', (c) => {
    if (!settings) return c.json({ type: 'about:blank', title: 'Not found', status: 404, detail: 'SAML single sign-on is not configured.' }, 404, { 'content-type': 'application/problem+json' });
    const { origin } = publicOriginOf(deps, c.req.url);
    return c.body(spMetadataXml(settings, `${origin}${samlPaths.acs}`), 200, { 'content-type': 'application/samlmetadata+xml; charset=utf-8', 'cache-control': 'no-store' });
  });

  app.get('/login', async (c) => {
    if (!settings) return redirect('/login?sso_error=not_configured');
    const url = new URL(c.req.url);
    // Where the IdP posts back: the public origin, never the Host header.
    const { origin, secure } = publicOriginOf(deps, url);
    const acsUrl = `${origin}${samlPaths.acs}`;
    const returnTo = safeReturnTo(url.searchParams.get('returnTo'));
    const sent: { requestId: string | null } = { requestId: null };
    const saml = samlFor(deps, settings, acsUrl, (id) => {
      sent.requestId = id;
    });
    const location = await saml.getAuthorizeUrlAsync('', undefined, {});
    const { requestId } = sent;
    if (requestId === null) throw new Error('node-saml did not report the AuthnRequest ID');
    const binding = deps.randomToken();
    const now = deps.now();
    const at = now.toISOString();
    await deps.store.deleteExpiredSamlState(at);
    await deps.store.insertSamlRequest({ requestId, bindingHash: await sha256Hex(binding), returnTo, acsUrl, createdAt: at, expiresAt: new Date(now.getTime() + loginTtlMs).toISOString(), usedAt: null });
    return redirect(location, [bindingCookie(binding, loginTtlMs / 1000, secure)]);
  });

  const limit = bodyLimit({ maxSize: maxBodyBytes, onError: (c) => fail(c, { code: 'response_invalid', reason: 'sso_saml_response_invalid' }) });
  app.post('/acs', limit, async (c) => {
    if (!settings) return redirect('/login?sso_error=not_configured');
    const { secure } = publicOriginOf(deps, c.req.url);
    const body: Record<string, unknown> = await c.req.parseBody().catch(() => ({}));
    const samlResponse = body.SAMLResponse;
    if (typeof samlResponse !== 'string' || samlResponse.length > maxResponseChars) return fail(c, { code: 'response_invalid', reason: 'sso_saml_response_invalid' });

    let raw;
    try {
      raw = readRawResponse(samlResponse);
    } catch (error) {
      warn(error);
      return fail(c, { code: 'response_invalid', reason: 'sso_saml_response_invalid' });
    }
    // Unsigned so far: only a key to find our request. IdP-initiated responses (none) are refused.
    const request = raw.inResponseTo ? await deps.store.findSamlRequest(raw.inResponseTo) : null;
    if (!request) return fail(c, { code: 'state_invalid', reason: 'sso_saml_request_unknown' });
    const returnTo = request.returnTo;
    const now = deps.now();
    const at = now.toISOString();
    if (request.usedAt !== null) return fail(c, { code: 'state_invalid', reason: 'sso_saml_replayed', returnTo });
    if (request.expiresAt <= at) return fail(c, { code: 'state_expired', reason: 'sso_state_expired', returnTo });
    const binding = readCookie(c.req.header('cookie') ?? null, bindingCookieName(secure));
    // Log-in CSRF: a response obtained in another browser must not sign this one in.
    if (!binding || (await sha256Hex(binding)) !== request.bindingHash) return fail(c, { code: 'state_invalid', reason: 'sso_browser_mismatch', returnTo });

    let checked;
    try {
      const { profile } = await samlFor(deps, settings, request.acsUrl).validatePostResponseAsync({ SAMLResponse: samlResponse });
      if (!profile) throw new SamlRefusal('sso_saml_response_invalid', 'no assertion in the response');
      checked = checkAssertion(profile, raw, { issuer: settings.idp.entityId, acsUrl: request.acsUrl, requestId: request.requestId, clockSkewMs: settings.clockSkewMs, now });
    } catch (error) {
      warn(error);
      let reason = error instanceof SamlRefusal ? error.reason : reasonOfLibraryError(error);
      // Another instance took the request while this one was verifying: a replay, said as one.
      if (reason === 'sso_saml_request_unknown' && (await deps.store.findSamlRequest(request.requestId))?.usedAt) reason = 'sso_saml_replayed';
      if (reason === 'sso_saml_replayed') return fail(c, { code: 'state_invalid', reason, returnTo });
      return fail(c, { code: reason === 'sso_access_denied' ? 'access_denied' : 'response_invalid', reason, returnTo });
    }
    // Once each, on every instance: the request, then the assertion. Losing either race is a replay.
    if (!(await deps.store.useSamlRequest(request.requestId, at))) return fail(c, { code: 'state_invalid', reason: 'sso_saml_replayed', returnTo });
    if (!(await deps.store.recordSamlAssertion({ issuer: checked.issuer, assertionId: checked.assertionId, usedAt: at, expiresAt: checked.validUntil.toISOString() }))) {
      return fail(c, { code: 'state_invalid', reason: 'sso_saml_replayed', returnTo });
    }

    const { attributes } = checked;
    const session = readCookie(c.req.header('cookie') ?? null, sessionCookieNameFor(secure));
    const outcome = await signInWithExternalIdentity(
      deps,
      {
        via: 'saml',
        issuer: checked.issuer,
        subject: checked.subject,
        email: attributeValues(attributes, settings.attributes.email)[0],
        displayName: attributeValues(attributes, settings.attributes.displayName)[0]?.trim() || null,
        // Unknown values grant nothing; values removed at the IdP are removed here at this log-in.
        roles: mapRoles(attributeValues(attributes, settings.attributes.roles), settings.roleMap),
      },
      session ? await sha256Hex(session) : null,
    );
    if (!outcome.ok) return fail(c, { code: outcome.reason, reason: `sso_${outcome.reason}`, subject: outcome.email, returnTo });
    return redirect(returnTo, [sessionCookie(outcome.token, Math.floor(deps.sessionTtlMs / 1000), secure), bindingCookie('', 0, secure)]);
  });

  return app;
}
