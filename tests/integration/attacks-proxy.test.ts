import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { readCookie, secureSessionCookieName, sessionCookieName } from '#api/kernel/cookies.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import { cheapPasswords } from '#mocks/cheap-passwords.ts';
import { oidcRoutes } from '#server/auth/oidc-routes.ts';
import type { OidcClient } from '#server/auth/oidc-client.ts';
import { serverDeps } from '#server/deps.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';
import { seededSqliteApp } from '../contract/support/seeded-sqlite-app.ts';

// Issue 16, finding 10: behind a TLS-terminating proxy. The browser is at
// https://approvals.example.com; the proxy forwards plain http to the server, with whatever
// Host the client sent. The session cookie must still be Secure and __Host-, HSTS must be
// sent, and the origin (CSRF check, passkeys, sign-in redirects) must come from PUBLIC_URL,
// never from the Host header.

const defer = cleanUpAfterEach();
const publicOrigin = 'https://approvals.example.com';
const email = 'model-risk@example.com';

async function behindProxy() {
  const seeded = await seededSqliteApp(defer, { publicOrigin });
  // As the proxy forwards a request: plain http, to an internal address, with the client's Host.
  const send = (init: { host?: string; path: string; method?: string; origin?: string | null; cookie?: string; json?: unknown }) => {
    const headers = new Headers({ 'content-type': 'application/json' });
    if (init.origin !== null) headers.set('origin', init.origin ?? publicOrigin);
    if (init.cookie) headers.set('cookie', init.cookie);
    return seeded.app.fetch(new Request(`http://${init.host ?? '10.0.0.5:3000'}${init.path}`, { method: init.method ?? 'GET', headers, ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }) }));
  };
  const signIn = () => send({ path: '/api/session', method: 'POST', json: { email, password: 'demo-password' } });
  return { ...seeded, send, signIn };
}

describe('behind a TLS-terminating proxy (PUBLIC_URL=https://…)', () => {
  it('the session cookie is __Host-, Secure, HttpOnly, SameSite=Strict, Path=/ and has no Domain, though the request came over http', async () => {
    const { signIn } = await behindProxy();
    const response = await signIn();
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie.startsWith(`${secureSessionCookieName}=`)).toBe(true);
    expect(secureSessionCookieName.startsWith('__Host-')).toBe(true);
    for (const attribute of ['; Secure', '; HttpOnly', '; SameSite=Strict', '; Path=/']) expect(cookie).toContain(attribute);
    expect(cookie).not.toMatch(/domain=/i);
  });

  it('HSTS is sent on every answer, API and not', async () => {
    const { send, signIn } = await behindProxy();
    for (const response of [await send({ path: '/api/health' }), await signIn(), await send({ path: '/api/packages' })]) {
      expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    }
  });

  it('a session cookie without the prefix (planted over http or by a sibling subdomain) is not read', async () => {
    const { send, signIn } = await behindProxy();
    const token = readCookie((await signIn()).headers.get('set-cookie'), secureSessionCookieName);
    expect(token).toBeTruthy();
    expect((await send({ path: '/api/packages', cookie: `${secureSessionCookieName}=${token ?? ''}` })).status).toBe(200);
    expect((await send({ path: '/api/packages', cookie: `${sessionCookieName}=${token ?? ''}` })).status).toBe(401);
  });

  it('a write whose Origin matches a forged Host header is refused: the Host is not the origin', async () => {
    const { send, signIn } = await behindProxy();
    const forged = await send({ host: 'evil.example', path: '/api/session', method: 'POST', origin: 'http://evil.example', json: { email, password: 'demo-password' } });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ type: problemTypes.crossSite });
    const cookie = `${secureSessionCookieName}=${readCookie((await signIn()).headers.get('set-cookie'), secureSessionCookieName) ?? ''}`;
    const thread = { versionNumber: 1, sectionKey: 'evaluation', kind: 'comment', body: 'From a forged origin.' };
    const write = await send({ host: 'evil.example', path: '/api/packages/pkg_clinical_deterioration_risk/threads', method: 'POST', origin: 'http://evil.example', cookie, json: thread });
    expect(write.status).toBe(403);
    // The public origin is accepted whatever Host the proxy passed on.
    expect((await send({ host: 'evil.example', path: '/api/session', method: 'POST', json: { email, password: 'demo-password' } })).status).toBe(200);
  });

  it('a passkey is registered for the public origin’s host, not for the Host header', async () => {
    const { send, signIn } = await behindProxy();
    const cookie = `${secureSessionCookieName}=${readCookie((await signIn()).headers.get('set-cookie'), secureSessionCookieName) ?? ''}`;
    // Adding a passkey needs the password confirmed on this session first.
    expect((await send({ path: '/api/account/step-up', method: 'POST', cookie, json: { password: 'demo-password' } })).status).toBe(200);
    const options = await send({ host: 'evil.example', path: '/api/passkeys/registration-options', method: 'POST', cookie });
    expect(options.status).toBe(201);
    expect(await options.json()).toMatchObject({ rp: { id: 'approvals.example.com' } });
  });

  it('single sign-on sends the provider back to the public origin, with a __Secure- binding cookie', async () => {
    const { store } = await behindProxy();
    const deps = { ...serverDeps(store, { sessionTtlHours: 1, publicOrigin }), passwords: cheapPasswords };
    const redirectUris: string[] = [];
    const provider: OidcClient = {
      authorizationUrl: ({ redirectUri, state }) => {
        redirectUris.push(redirectUri);
        return Promise.resolve(new URL(`https://idp.example.com/authorize?state=${state}`));
      },
      exchange: () => Promise.reject(new Error('not in this test')),
    };
    const app = new Hono().route('/api/auth/oidc', oidcRoutes(deps, { issuer: new URL('https://idp.example.com'), clientId: 'model-approval', clientSecret: undefined, rolesClaim: 'roles', roleMap: undefined, displayName: 'SSO', scopes: 'openid email' }, provider));
    const response = await app.fetch(new Request('http://evil.example/api/auth/oidc/login'));
    expect(response.status).toBe(302);
    expect(redirectUris).toEqual([`${publicOrigin}/api/auth/oidc/callback`]);
    const binding = response.headers.get('set-cookie') ?? '';
    expect(binding).toMatch(/^__Secure-ma_oidc=/);
    expect(binding).toContain('; Secure');
  });
});

describe('without PUBLIC_URL (development, tests)', () => {
  it('the request’s own origin is used, and plain http has no Secure cookie and no HSTS', async () => {
    const seeded = await seededSqliteApp(defer);
    const response = await seeded.app.fetch(new Request('http://localhost/api/session', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost' }, body: JSON.stringify({ email, password: 'demo-password' }) }));
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^${sessionCookieName}=`));
    expect(response.headers.get('set-cookie')).not.toContain('Secure');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});
