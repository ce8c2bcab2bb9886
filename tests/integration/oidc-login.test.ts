import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiDeps } from '#api/kernel/context.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import type { Store } from '#api/store/store.ts';
import { auditEventSchema } from '#domain/contracts/audit-events.ts';
import { decisionMeanings } from '#domain/contracts/decisions.ts';
import type { PackageDetail, PackageVersion } from '#domain/contracts/packages.ts';
import { signingPayloadType, type SigningPayload } from '#domain/contracts/signatures.ts';
import { ssoConfigSchema } from '#domain/contracts/sso.ts';
import { sessionResponseSchema, type SessionResponse } from '#domain/contracts/users.ts';
import { contentHash } from '#domain/package/content-hash.ts';
import { cheapPasswords } from '#mocks/cheap-passwords.ts';
import { createApp } from '#server/app.ts';
import { parseRoleMap } from '#server/auth/oidc-role-map.ts';
import type { OidcSettings } from '#server/auth/oidc-settings.ts';
import { serverDeps } from '#server/deps.ts';
import { openStore } from '#server/db/open-store.ts';
import { signInAtProvider, startTestProvider, type TestProvider } from '../support/oidc-provider.ts';
import { createTestDatabase } from '../support/postgres-cluster.ts';

// Single sign-on against a real OpenID Provider (oidc-provider, on localhost) and the real
// server in-process on a fresh SQLite database: the whole authorization code flow with PKCE,
// then what must be refused (replayed or tampered state, a callback from another browser,
// an open redirect, a provider error, a bad code) and what must not happen twice.

const origin = 'http://localhost:4999';
const callbackPath = '/api/auth/oidc/callback';
let provider: TestProvider;

beforeAll(async () => {
  provider = await startTestProvider({
    redirectUris: [`${origin}${callbackPath}`],
    clientSecret: 'integration-client-secret',
    accounts: {
      dana: { email: 'dana.sso@bank.example', name: 'Dana Single-Sign-On', roles: ['grp-fair-lending', 'model_risk', 'grp-unknown'] },
      norole: { email: 'norole@bank.example', name: 'No Role', roles: ['grp-unknown', 'admin-wannabe'] },
      clash: { email: 'owner@example.com', name: 'Not The Owner', roles: ['grp-model-risk'] },
      nomail: { name: 'No Mail', roles: ['grp-fair-lending'] },
    },
  });
});
afterAll(async () => {
  await provider.close();
});

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function settings(): OidcSettings {
  return {
    issuer: new URL(provider.issuer),
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    rolesClaim: 'roles',
    // A map is set, so a claim value that happens to be a role name (model_risk) grants nothing.
    roleMap: parseRoleMap('grp-fair-lending=fair_lending,grp-model-risk=model_risk'),
    displayName: 'Bank SSO',
    scopes: 'openid email profile',
  };
}

interface Harness {
  store: Store;
  deps: ApiDeps;
  fetch: (path: string | URL, init?: { cookie?: string; method?: string; body?: unknown }) => Promise<Response>;
  /** A second API instance on the same database. */
  fetchOther: (path: string | URL, init?: { cookie?: string }) => Promise<Response>;
}

type Engine = 'sqlite' | 'postgres';

async function openTestStore(engine: Engine): Promise<Store> {
  if (engine === 'postgres') {
    const database = await createTestDatabase(inject('databaseUrl'));
    const store = await openStore({ databaseUrl: database.url, dataDir: '.' });
    cleanups.push(async () => {
      await store.close();
      await database.drop();
    });
    return store;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'oidc-login-'));
  const store = await openStore({ dataDir });
  cleanups.push(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return store;
}

async function harness(engine: Engine): Promise<Harness> {
  const store = await openTestStore(engine);
  const deps: ApiDeps = { ...serverDeps(store, { sessionTtlHours: 1 }), passwords: cheapPasswords };
  await seedDemo(store, { password: 'demo-password', passwords: cheapPasswords, now: new Date(), randomToken: deps.randomToken });
  const app = createApp(deps, { oidc: settings() });
  const other = createApp(deps, { oidc: settings() });
  const call = (target: typeof app) => async (path: string | URL, init: { cookie?: string; method?: string; body?: unknown } = {}) =>
    target.fetch(
      new Request(new URL(path, origin), {
        method: init.method ?? 'GET',
        headers: { ...(init.cookie ? { cookie: init.cookie } : {}), ...(init.body === undefined ? {} : { 'content-type': 'application/json', origin }) },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      }),
    );
  return { store, deps, fetch: call(app), fetchOther: call(other) };
}

const cookieOf = (response: Response, name: string): string | null => {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    if (pair.startsWith(`${name}=`)) return pair;
  }
  return null;
};

/** Starts a log-in at the app: the provider's URL and the browser-binding cookie it set. */
async function start(h: Harness, returnTo?: string) {
  const response = await h.fetch(`/api/auth/oidc/login${returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`}`);
  expect(response.status).toBe(302);
  const binding = cookieOf(response, 'ma_oidc');
  expect(binding).toMatch(/^ma_oidc=.{20,}/);
  return { authorizationUrl: new URL(response.headers.get('location') ?? ''), binding: binding ?? '' };
}

async function session(h: Harness, cookie: string): Promise<SessionResponse> {
  const response = await h.fetch('/api/session', { cookie });
  expect(response.status).toBe(200);
  return sessionResponseSchema.parse(await response.json());
}

async function audit(h: Harness, action: string) {
  const rows = await h.store.listAuditEntries({ action }, 0, 1000);
  return rows.map((row) => auditEventSchema.parse({ action: row.action, subject: row.subject, before: JSON.parse(row.beforeJson) as unknown, after: JSON.parse(row.afterJson) as unknown }));
}

/** The whole flow for `login`: the app's final redirect and the session cookie it set. */
async function signIn(h: Harness, login: string, returnTo?: string) {
  const { authorizationUrl, binding } = await start(h, returnTo);
  const callback = await signInAtProvider(authorizationUrl.href, login);
  const response = await h.fetch(callback, { cookie: binding });
  return { response, callback, binding, location: response.headers.get('location'), sessionCookie: cookieOf(response, 'ma_session') };
}

describe.each<Engine>(['sqlite', 'postgres'])('single sign-on through OpenID Connect (server on %s)', (engine) => {
  it('tells the log-in page it is on, and with which name', async () => {
    const h = await harness(engine);
    const response = await h.fetch('/api/auth/oidc/config');
    expect(ssoConfigSchema.parse(await response.json())).toEqual({ enabled: true, displayName: 'Bank SSO' });
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce, and stores the log-in server-side', async () => {
    const h = await harness(engine);
    const { authorizationUrl } = await start(h, '/packages/pkg_retail_credit_pd');
    expect(authorizationUrl.origin).toBe(provider.issuer);
    const params = authorizationUrl.searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('client_id')).toBe(provider.clientId);
    expect(params.get('redirect_uri')).toBe(`${origin}${callbackPath}`);
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('state')?.length).toBeGreaterThanOrEqual(32);
    expect(params.get('nonce')?.length).toBeGreaterThanOrEqual(32);
    const { sha256Hex } = await import('#domain/crypto/sha256.ts');
    const stored = await h.store.findOidcLogin(await sha256Hex(params.get('state') ?? ''));
    expect(stored).toMatchObject({ returnTo: '/packages/pkg_retail_credit_pd', usedAt: null });
    // The verifier never leaves the server; only its challenge does.
    expect(authorizationUrl.href).not.toContain(stored?.codeVerifier ?? 'missing');
  });

  it('signs in, maps the roles claim (unknown values ignored), provisions the user once and updates roles later, audited', async () => {
    const h = await harness(engine);
    const first = await signIn(h, 'dana', '/packages/pkg_retail_credit_pd?version=2#section-evaluation');
    expect(first.response.status).toBe(302);
    expect(first.location).toBe('/packages/pkg_retail_credit_pd?version=2#section-evaluation');
    expect(first.sessionCookie).toMatch(/^ma_session=.+/);
    expect(first.response.headers.getSetCookie().find((line) => line.startsWith('ma_session='))).toMatch(/HttpOnly; SameSite=Strict/);
    const me = await session(h, first.sessionCookie ?? '');
    expect(me.user).toMatchObject({ email: 'dana.sso@bank.example', displayName: 'Dana Single-Sign-On', roles: ['fair_lending'], sso: true });

    // The same person again, on the other API instance: the same account, not a second one.
    const { authorizationUrl, binding } = await start(h);
    const callback = await signInAtProvider(authorizationUrl.href, 'dana');
    const second = await h.fetchOther(callback, { cookie: binding });
    expect(second.headers.get('location')).toBe('/');
    const again = await session(h, cookieOf(second, 'ma_session') ?? '');
    expect(again.user.id).toBe(me.user.id);
    expect((await h.store.listUsers()).filter((u) => u.email === 'dana.sso@bank.example')).toHaveLength(1);
    expect(await audit(h, 'user.sso_provisioned')).toHaveLength(1);
    expect(await audit(h, 'user.sso_profile_updated')).toHaveLength(0);

    // The provider moves her to model risk: the next log-in updates the roles, audited.
    provider.accounts.set('dana', { ...provider.accounts.get('dana'), roles: ['grp-model-risk'] });
    const third = await signIn(h, 'dana');
    expect((await session(h, third.sessionCookie ?? '')).user.roles).toEqual(['model_risk']);
    const updates = await audit(h, 'user.sso_profile_updated');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ subject: me.user.id, before: { roles: ['fair_lending'] }, after: { roles: ['model_risk'], issuer: provider.issuer } });
    provider.accounts.set('dana', { ...provider.accounts.get('dana'), roles: ['grp-fair-lending', 'model_risk', 'grp-unknown'] });

    const logins = await audit(h, 'session.login_succeeded');
    expect(logins.filter((e) => e.action === 'session.login_succeeded' && e.after.via === 'oidc')).toHaveLength(3);

    // No password works for an account that has none here.
    const local = await h.fetch('/api/session', { method: 'POST', body: { email: 'dana.sso@bank.example', password: 'x'.repeat(12) } });
    expect(local.status).toBe(401);
  });

  it('signs in a person whose claim values are all unknown, with no role at all', async () => {
    const h = await harness(engine);
    const { sessionCookie, location } = await signIn(h, 'norole');
    expect(location).toBe('/');
    const me = await session(h, sessionCookie ?? '');
    expect(me.user.roles).toEqual([]);
    // Signed in, but no reviewer's or owner's route is open to them.
    expect((await h.fetch('/api/audit', { cookie: sessionCookie ?? '' })).status).toBe(403);
  });

  it('ends a session the browser already carried (no fixation)', async () => {
    const h = await harness(engine);
    const planted = await h.fetch('/api/session', { method: 'POST', body: { email: 'owner@example.com', password: 'demo-password' } });
    const plantedCookie = cookieOf(planted, 'ma_session') ?? '';
    expect((await h.fetch('/api/packages', { cookie: plantedCookie })).status).toBe(200);
    const { authorizationUrl, binding } = await start(h);
    const callback = await signInAtProvider(authorizationUrl.href, 'dana');
    const response = await h.fetch(callback, { cookie: `${binding}; ${plantedCookie}` });
    expect(cookieOf(response, 'ma_session')).not.toBe(plantedCookie);
    expect((await h.fetch('/api/packages', { cookie: plantedCookie })).status).toBe(401);
  });

  it('refuses a replayed callback: the state is single use', async () => {
    const h = await harness(engine);
    const first = await signIn(h, 'dana');
    expect(first.location).toBe('/');
    const replay = await h.fetch(first.callback, { cookie: first.binding });
    expect(replay.status).toBe(302);
    expect(replay.headers.get('location')).toBe('/login?sso_error=state_invalid');
    expect(cookieOf(replay, 'ma_session')).toBeNull();
    const failures = await audit(h, 'session.login_failed');
    expect(failures.map((f) => f.action === 'session.login_failed' && f.after.reason)).toEqual(['sso_state_replayed']);
  });

  it('refuses a tampered state, a missing one, and a callback carried to another browser', async () => {
    const h = await harness(engine);
    const { authorizationUrl, binding } = await start(h);
    const callback = await signInAtProvider(authorizationUrl.href, 'dana');

    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state') ?? ''}x`);
    const t = await h.fetch(tampered, { cookie: binding });
    expect(t.headers.get('location')).toBe('/login?sso_error=state_invalid');

    const missing = new URL(callback);
    missing.searchParams.delete('state');
    expect((await h.fetch(missing, { cookie: binding })).headers.get('location')).toBe('/login?sso_error=state_invalid');

    // Log-in CSRF: the right state, but not the browser that started the log-in.
    const elsewhere = await h.fetch(callback, { cookie: 'ma_oidc=someone-elses-browser' });
    expect(elsewhere.headers.get('location')).toBe('/login?sso_error=state_invalid');
    expect(cookieOf(elsewhere, 'ma_session')).toBeNull();

    const reasons = (await audit(h, 'session.login_failed')).map((f) => f.action === 'session.login_failed' && f.after.reason);
    expect(reasons).toEqual(['sso_state_unknown', 'sso_state_unknown', 'sso_browser_mismatch']);
    expect(await audit(h, 'session.login_succeeded')).toHaveLength(0);
  });

  it('never redirects off the site, whatever returnTo says', async () => {
    const h = await harness(engine);
    for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example', '/.//evil.example', 'javascript:alert(1)', '/\t/evil.example', '/\n/evil.example']) {
      const { authorizationUrl } = await start(h, returnTo);
      const { sha256Hex } = await import('#domain/crypto/sha256.ts');
      const stored = await h.store.findOidcLogin(await sha256Hex(authorizationUrl.searchParams.get('state') ?? ''));
      expect(stored?.returnTo.startsWith('/') && !stored.returnTo.startsWith('//'), returnTo).toBe(true);
      expect(stored?.returnTo, returnTo).not.toContain('evil.example');
    }
    const { location } = await signIn(h, 'dana', '//evil.example/steal');
    expect(location).toBe('/');
  });

  it('refuses to take over an existing account with the same email, and a person without an email', async () => {
    const h = await harness(engine);
    const clash = await signIn(h, 'clash');
    expect(clash.location).toBe('/login?sso_error=account_conflict');
    expect(clash.sessionCookie).toBeNull();
    const nomail = await signIn(h, 'nomail');
    expect(nomail.location).toBe('/login?sso_error=missing_email');
    const reasons = (await audit(h, 'session.login_failed')).map((f) => f.action === 'session.login_failed' && f.after.reason);
    expect(reasons).toEqual(['sso_account_conflict', 'sso_missing_email']);
    expect((await h.store.findUserByEmail('owner@example.com'))?.displayName).toBe('Priya Natarajan');
  });

  it('refuses a disabled account at the provider’s return: no session is started and nothing about it is updated', async () => {
    const h = await harness(engine);
    const first = await signIn(h, 'dana');
    const me = await session(h, first.sessionCookie ?? '');
    await h.store.setUserDisabled(me.user.id, new Date().toISOString());

    const refused = await signIn(h, 'dana', '/packages/pkg_retail_credit_pd');
    expect(refused.location).toBe(`/login?sso_error=account_disabled&next=${encodeURIComponent('/packages/pkg_retail_credit_pd')}`);
    expect(refused.sessionCookie).toBeNull();
    const reasons = (await audit(h, 'session.login_failed')).map((f) => f.action === 'session.login_failed' && f.after.reason);
    expect(reasons).toEqual(['sso_account_disabled']);
    expect(await audit(h, 'session.login_succeeded')).toHaveLength(1);
  });

  it('turns a provider error and a bad code into a clear failure', async () => {
    const h = await harness(engine);
    const denied = await start(h, '/dashboard');
    const deniedUrl = new URL(`${origin}${callbackPath}`);
    deniedUrl.search = new URLSearchParams({ error: 'access_denied', error_description: 'End-User aborted interaction', state: denied.authorizationUrl.searchParams.get('state') ?? '', iss: provider.issuer }).toString();
    const d = await h.fetch(deniedUrl, { cookie: denied.binding });
    expect(d.headers.get('location')).toBe('/login?sso_error=access_denied&next=%2Fdashboard');

    const bad = await start(h);
    const badUrl = new URL(`${origin}${callbackPath}`);
    badUrl.search = new URLSearchParams({ code: 'not-a-code-the-provider-issued', state: bad.authorizationUrl.searchParams.get('state') ?? '', iss: provider.issuer }).toString();
    const b = await h.fetch(badUrl, { cookie: bad.binding });
    expect(b.headers.get('location')).toBe('/login?sso_error=token_invalid');
    expect(cookieOf(b, 'ma_session')).toBeNull();
  });

  it('refuses the password at signing for a single sign-on account: it signs with a passkey', async () => {
    const h = await harness(engine);
    const { sessionCookie } = await signIn(h, 'dana');
    const cookie = sessionCookie ?? '';
    const me = await session(h, cookie);
    const pkg = (await (await h.fetch('/api/packages/pkg_retail_credit_pd', { cookie })).json()) as PackageDetail;
    const version = (await (await h.fetch(`/api/packages/${pkg.id}/versions/${pkg.latestVersion}`, { cookie })).json()) as PackageVersion;
    const signedBefore = (await audit(h, 'decision.signed')).length;
    const nonceResponse = await h.fetch('/api/signing/nonces', { cookie, method: 'POST', body: { packageId: pkg.id } });
    expect(nonceResponse.status).toBe(201);
    const nonce = (await nonceResponse.json()) as { nonce: string; issuedAt: string };
    const payload: SigningPayload = {
      type: signingPayloadType,
      packageId: pkg.id,
      versionNumber: version.number,
      contentHash: await contentHash(version.content),
      stepKey: 'fair_lending',
      role: 'fair_lending',
      decision: 'approve',
      meaning: decisionMeanings.approve,
      reason: '',
      conditions: null,
      concerns: [],
      signer: { id: me.user.id, displayName: me.user.displayName, title: me.user.title },
      nonce: nonce.nonce,
      issuedAt: nonce.issuedAt,
    };
    const signed = await h.fetch(`/api/packages/${pkg.id}/decisions`, { cookie, method: 'POST', body: { payload, authentication: { method: 'password', password: 'anything at all' } } });
    expect(signed.status).toBe(403);
    const problem = (await signed.json()) as { detail: string; errors: { pointer: string }[] };
    expect(problem.detail).toMatch(/single sign-on.*passkey/);
    expect(problem.errors.map((e) => e.pointer)).toEqual(['/authentication/method']);
    expect(await audit(h, 'decision.signed')).toHaveLength(signedBefore);
  });
});
