import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignedXml } from 'xml-crypto';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiDeps } from '#api/kernel/context.ts';
import type { Store } from '#api/store/store.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import { auditEventSchema, type AuditEvent } from '#domain/contracts/audit-events.ts';
import { ssoConfigSchema, ssoSettingsResponseSchema } from '#domain/contracts/sso.ts';
import { sessionResponseSchema, type SessionResponse } from '#domain/contracts/users.ts';
import { cheapPasswords } from '#mocks/cheap-passwords.ts';
import { createApp } from '#server/app.ts';
import { samlConfigSchema } from '#server/auth/saml-config.ts';
import { samlSettingsFrom, type SamlSettings } from '#server/auth/saml-settings.ts';
import { openStore } from '#server/db/open-store.ts';
import { serverDeps } from '#server/deps.ts';
import { makeCertificate, signInAtIdp, startSimpleSamlIdp, type IdpPost, type TestIdp } from '../support/saml-idp.ts';
import { createTestDatabase } from '../support/postgres-cluster.ts';

// SAML 2.0 single sign-on against a real IdP (SimpleSAMLphp from Debian, under PHP's built-in
// server on a free port, configured by tests/support/saml-idp.ts) and the real server
// in-process, on SQLite and PostgreSQL: the SP-initiated flow (HTTP-Redirect request,
// HTTP-POST response), plain and with encrypted assertions; roles from an attribute through a
// role map, updated (and removed) at the next log-in; then the attacks SAML libraries keep
// falling to, each replayed on a response the IdP really issued and refused with its reason
// in the audit log, no account created or changed; and replays across two API instances.

const origin = 'http://localhost:4998';
const acsUrl = `${origin}/api/auth/saml/acs`;
const spEntityId = 'https://model-approval.example/saml';
const roleMap = 'grp-fair-lending=fair_lending,grp-model-risk=model_risk';
const users = {
  dana: { password: 'dana-pass', attributes: { uid: ['dana'], email: ['dana.saml@bank.example'], displayName: ['Dana SAML'], groups: ['grp-fair-lending', 'model_risk', 'grp-unknown'] } },
  mallory: { password: 'mallory-pass', attributes: { uid: ['dana.evil'], email: ['mallory@evil.example'], displayName: ['Mallory'], groups: [] } },
  clash: { password: 'clash-pass', attributes: { uid: ['clash'], email: ['owner@example.com'], displayName: ['Not The Owner'], groups: ['grp-model-risk'] } },
  nomail: { password: 'nomail-pass', attributes: { uid: ['nomail'], displayName: ['No Mail'], groups: ['grp-fair-lending'] } },
};

let idp: TestIdp;
let dir: string;
let settings: SamlSettings;
let sp: { key: string; cert: string };
let stranger: { key: string; cert: string };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saml-login-'));
  sp = makeCertificate(dir, 'sp', 'model-approval-sp');
  stranger = makeCertificate(dir, 'stranger', 'test-idp');
  idp = await startSimpleSamlIdp({ users, sp: { entityId: spEntityId, acsUrl, certificate: sp.cert } });
  writeFileSync(join(dir, 'idp-metadata.xml'), idp.metadataXml);
  // Through the same parsing as the server's environment.
  const config = samlConfigSchema.parse({
    SAML_IDP_METADATA_FILE: join(dir, 'idp-metadata.xml'),
    SAML_SP_ENTITY_ID: spEntityId,
    SAML_SP_CERT_FILE: join(dir, 'sp.crt'),
    SAML_SP_KEY_FILE: join(dir, 'sp.key'),
    SAML_ROLES_ATTRIBUTE: 'groups',
    SAML_ROLE_MAP: roleMap,
    SAML_DISPLAY_NAME: 'Bank SAML',
    SAML_CLOCK_SKEW_SECONDS: '30',
  });
  const loaded = await samlSettingsFrom(config);
  if (!loaded) throw new Error('SAML settings not loaded');
  settings = loaded;
}, 60_000);
afterAll(async () => {
  await idp.close();
  rmSync(dir, { recursive: true, force: true });
});

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  idp.setSp({ entityId: spEntityId, acsUrl, certificate: sp.cert });
  for (const [login, user] of Object.entries(users)) idp.setUser(login, user);
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

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
  const dataDir = mkdtempSync(join(tmpdir(), 'saml-login-db-'));
  const store = await openStore({ dataDir });
  cleanups.push(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return store;
}

type Fetch = (path: string | URL, init?: { cookie?: string; method?: string; form?: Record<string, string>; json?: unknown }) => Promise<Response>;

interface Harness {
  store: Store;
  fetch: Fetch;
  /** A second API instance on the same database. */
  fetchOther: Fetch;
}

async function harness(engine: Engine, saml: SamlSettings = settings): Promise<Harness> {
  const store = await openTestStore(engine);
  const deps: ApiDeps = { ...serverDeps(store, { sessionTtlHours: 1 }), passwords: cheapPasswords };
  await seedDemo(store, { password: 'demo-password', passwords: cheapPasswords, now: new Date(), randomToken: deps.randomToken });
  const call =
    (target: ReturnType<typeof createApp>): Fetch =>
    async (path, init = {}) =>
      target.fetch(
        new Request(new URL(path, origin), {
          method: init.method ?? (init.form ? 'POST' : 'GET'),
          headers: {
            ...(init.cookie ? { cookie: init.cookie } : {}),
            ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded', origin: idp.baseUrl } : {}),
            ...(init.json === undefined ? {} : { 'content-type': 'application/json', origin }),
          },
          ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
          ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
        }),
      );
  return { store, fetch: call(createApp(deps, { saml })), fetchOther: call(createApp(deps, { saml })) };
}

const cookieOf = (response: Response, name: string): string | null => {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    if (pair.startsWith(`${name}=`) && pair.length > name.length + 1) return pair;
  }
  return null;
};

async function start(h: Harness, returnTo?: string) {
  const response = await h.fetch(`/api/auth/saml/login${returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`}`);
  expect(response.status).toBe(302);
  const binding = cookieOf(response, 'ma_saml');
  expect(binding).toMatch(/^ma_saml=.{20,}/);
  return { location: new URL(response.headers.get('location') ?? ''), binding: binding ?? '', setCookie: response.headers.getSetCookie().join('\n') };
}

/** A response the IdP really issued for a request this app really sent (not yet posted). */
async function issued(h: Harness, login: keyof typeof users, returnTo?: string): Promise<IdpPost & { binding: string }> {
  const { location, binding } = await start(h, returnTo);
  const post = await signInAtIdp(location.href, login, users[login].password);
  expect(post.action).toBe(acsUrl);
  return { ...post, binding };
}

const post = (h: Harness, samlResponse: string, binding: string, fetch: Fetch = h.fetch) => fetch('/api/auth/saml/acs', { cookie: binding, form: { SAMLResponse: samlResponse } });

async function signIn(h: Harness, login: keyof typeof users, returnTo?: string) {
  const response = await issued(h, login, returnTo);
  const answer = await post(h, response.SAMLResponse, response.binding);
  return { answer, location: answer.headers.get('location'), sessionCookie: cookieOf(answer, 'ma_session'), response };
}

async function session(h: Harness, cookie: string): Promise<SessionResponse> {
  const response = await h.fetch('/api/session', { cookie });
  expect(response.status).toBe(200);
  return sessionResponseSchema.parse(await response.json());
}

async function audit(h: Harness, action: string): Promise<AuditEvent[]> {
  const rows = await h.store.listAuditEntries({ action }, 0, 1000);
  return rows.map((row) => auditEventSchema.parse({ action: row.action, subject: row.subject, before: JSON.parse(row.beforeJson) as unknown, after: JSON.parse(row.afterJson) as unknown }));
}

async function failureReasons(h: Harness): Promise<string[]> {
  return (await audit(h, 'session.login_failed')).map((e) => (e.action === 'session.login_failed' ? `${e.after.via ?? ''}:${e.after.reason}` : ''));
}

const decode = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');
const encode = (xml: string) => Buffer.from(xml, 'utf8').toString('base64');

const assertionPattern = /<saml:Assertion\b[\s\S]*<\/saml:Assertion>/;
const signaturePattern = /<ds:Signature\b[\s\S]*?<\/ds:Signature>/;

function assertionOf(xml: string): string {
  const match = assertionPattern.exec(xml);
  if (!match) throw new Error(`no plain assertion in ${xml.slice(0, 300)}`);
  return match[0];
}

/** Signs the (first) assertion again, after a change, with `key` (the IdP's own, or a stranger's). */
function resign(responseXml: string, key: { key: string; cert: string }): string {
  const unsigned = responseXml.replace(assertionOf(responseXml), assertionOf(responseXml).replace(signaturePattern, ''));
  const signer = new SignedXml({ privateKey: key.key, publicCert: key.cert, signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#' });
  signer.addReference({ xpath: "//*[local-name(.)='Assertion']", transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'], digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256' });
  signer.computeSignature(unsigned, { prefix: 'ds', location: { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: 'after' } });
  return signer.getSignedXml();
}

const idpKey = () => ({ key: idp.privateKey, cert: idp.certificate });
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe.each<Engine>(['sqlite', 'postgres'])('SAML 2.0 single sign-on against SimpleSAMLphp (server on %s)', (engine) => {
  it('publishes its SP metadata, tells the log-in page it is on, and sends a signed AuthnRequest by HTTP-Redirect', async () => {
    const h = await harness(engine);
    expect(ssoConfigSchema.parse(await (await h.fetch('/api/auth/saml/config')).json())).toEqual({ enabled: true, displayName: 'Bank SAML' });
    const metadata = await h.fetch('/api/auth/saml/metadata');
    expect(metadata.headers.get('content-type')).toMatch(/^application\/samlmetadata\+xml/);
    const xml = await metadata.text();
    expect(xml).toContain(`entityID="${spEntityId}"`);
    expect(xml).toContain(`Location="${acsUrl}"`);
    expect(xml).toContain('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST');
    expect(xml).toContain(sp.cert.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '').slice(0, 60));

    const { location, setCookie } = await start(h, '/packages/pkg_retail_credit_pd');
    expect(`${location.origin}${location.pathname}`).toBe(`${idp.baseUrl}/saml2/idp/SSOService.php`);
    expect(location.searchParams.get('SAMLRequest')).toBeTruthy();
    expect(location.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    expect(location.searchParams.get('Signature')).toBeTruthy();
    expect(setCookie).toMatch(/ma_saml=[^;]+; Path=\/api\/auth\/saml; HttpOnly; SameSite=None; Secure/);
  });

  it('shows administrators the configuration, read-only and without the key', async () => {
    const h = await harness(engine);
    const login = await h.fetch('/api/session', { method: 'POST', json: { email: 'admin@example.com', password: 'demo-password' } });
    const cookie = cookieOf(login, 'ma_session') ?? '';
    const response = await h.fetch('/api/admin/sso', { cookie });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(ssoSettingsResponseSchema.parse(JSON.parse(text)).saml).toMatchObject({
      idpEntityId: idp.entityId,
      idpSsoUrl: `${idp.baseUrl}/saml2/idp/SSOService.php`,
      spEntityId: spEntityId,
      acsUrl,
      metadataUrl: `${origin}/api/auth/saml/metadata`,
      attributes: { email: 'email', displayName: 'displayName', roles: 'groups' },
      roleMap: [
        { value: 'grp-fair-lending', roles: ['fair_lending'] },
        { value: 'grp-model-risk', roles: ['model_risk'] },
      ],
      clockSkewSeconds: 30,
      wantAssertionsSigned: true,
      wantResponseSigned: false,
    });
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain(sp.key.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '').slice(0, 40));
  });

  it('signs in through the IdP’s log-in form, maps the roles attribute, provisions once, updates and removes roles at the next log-in, audited', async () => {
    const h = await harness(engine);
    const first = await signIn(h, 'dana', '/packages/pkg_retail_credit_pd?version=2');
    expect(first.location).toBe('/packages/pkg_retail_credit_pd?version=2');
    expect(first.sessionCookie).toMatch(/^ma_session=.+/);
    const me = await session(h, first.sessionCookie ?? '');
    // A map is set, so the value model_risk (a role's name) grants nothing; grp-unknown neither.
    expect(me.user).toMatchObject({ email: 'dana.saml@bank.example', displayName: 'Dana SAML', roles: ['fair_lending'], sso: true });

    // Again, answered by the other API instance: the same account.
    const again = await issued(h, 'dana');
    const second = await post(h, again.SAMLResponse, again.binding, h.fetchOther);
    expect(second.headers.get('location')).toBe('/');
    expect((await session(h, cookieOf(second, 'ma_session') ?? '')).user.id).toBe(me.user.id);
    expect((await h.store.listUsers()).filter((u) => u.email === 'dana.saml@bank.example')).toHaveLength(1);
    expect(await audit(h, 'user.sso_provisioned')).toMatchObject([{ subject: me.user.id, after: { issuer: idp.entityId, roles: ['fair_lending'] } }]);

    // Moved to model risk at the IdP: the next log-in changes her roles, audited.
    idp.setUser('dana', { ...users.dana, attributes: { ...users.dana.attributes, groups: ['grp-model-risk'] } });
    const third = await signIn(h, 'dana');
    expect((await session(h, third.sessionCookie ?? '')).user.roles).toEqual(['model_risk']);
    // Every group removed at the IdP: no role left here.
    idp.setUser('dana', { ...users.dana, attributes: { ...users.dana.attributes, groups: [] } });
    const fourth = await signIn(h, 'dana');
    expect((await session(h, fourth.sessionCookie ?? '')).user.roles).toEqual([]);
    expect(await audit(h, 'user.sso_profile_updated')).toMatchObject([
      { subject: me.user.id, before: { roles: ['fair_lending'] }, after: { roles: ['model_risk'], issuer: idp.entityId } },
      { subject: me.user.id, before: { roles: ['model_risk'] }, after: { roles: [] } },
    ]);
    const logins = (await audit(h, 'session.login_succeeded')).filter((e) => e.action === 'session.login_succeeded' && e.after.via === 'saml');
    expect(logins).toHaveLength(4);
    // No password works for an account that has none here.
    expect((await h.fetch('/api/session', { method: 'POST', json: { email: 'dana.saml@bank.example', password: 'x'.repeat(12) } })).status).toBe(401);
  });

  it('reads encrypted assertions when the IdP encrypts to the SP certificate', async () => {
    const h = await harness(engine);
    idp.setSp({ entityId: spEntityId, acsUrl, certificate: sp.cert, encrypt: true });
    const response = await issued(h, 'dana');
    const xml = decode(response.SAMLResponse);
    expect(xml).toContain('EncryptedAssertion');
    expect(xml).not.toContain('dana.saml@bank.example');
    const answer = await post(h, response.SAMLResponse, response.binding);
    expect(answer.headers.get('location')).toBe('/');
    expect((await session(h, cookieOf(answer, 'ma_session') ?? '')).user.email).toBe('dana.saml@bank.example');
  });

  it('requires the whole response to be signed too when SAML_WANT_RESPONSE_SIGNED is set', async () => {
    const h = await harness(engine, { ...settings, wantResponseSigned: true });
    const unsigned = await issued(h, 'dana');
    const refused = await post(h, unsigned.SAMLResponse, unsigned.binding);
    expect(refused.headers.get('location')).toBe('/login?sso_error=response_invalid');
    expect(await failureReasons(h)).toEqual(['saml:sso_saml_signature_invalid']);
    idp.setSp({ entityId: spEntityId, acsUrl, certificate: sp.cert, signResponse: true });
    const signed = await issued(h, 'dana');
    expect(decode(signed.SAMLResponse).indexOf('<ds:Signature')).toBeLessThan(decode(signed.SAMLResponse).indexOf('<saml:Assertion'));
    expect((await post(h, signed.SAMLResponse, signed.binding)).headers.get('location')).toBe('/');
  });

  it('refuses a first log-in whose email belongs to a local account, a person without an email, and a disabled account', async () => {
    const h = await harness(engine);
    const clash = await signIn(h, 'clash');
    expect(clash.location).toBe('/login?sso_error=account_conflict');
    expect(clash.sessionCookie).toBeNull();
    const nomail = await signIn(h, 'nomail');
    expect(nomail.location).toBe('/login?sso_error=missing_email');
    const first = await signIn(h, 'dana');
    const me = await session(h, first.sessionCookie ?? '');
    await h.store.setUserDisabled(me.user.id, new Date().toISOString());
    const disabled = await signIn(h, 'dana', '/dashboard');
    expect(disabled.location).toBe('/login?sso_error=account_disabled&next=%2Fdashboard');
    expect(disabled.sessionCookie).toBeNull();
    expect(await failureReasons(h)).toEqual(['saml:sso_account_conflict', 'saml:sso_missing_email', 'saml:sso_account_disabled']);
    expect((await h.store.findUserByEmail('owner@example.com'))?.displayName).toBe('Priya Natarajan');
  });

  it('refuses a replayed response, and of the same response posted at once to two API instances accepts exactly one', async () => {
    const h = await harness(engine);
    const response = await issued(h, 'dana');
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => post(h, response.SAMLResponse, response.binding, i % 2 === 0 ? h.fetch : h.fetchOther)));
    const signedIn = answers.filter((a) => cookieOf(a, 'ma_session') !== null);
    expect(signedIn).toHaveLength(1);
    expect(answers.filter((a) => a.headers.get('location') === '/login?sso_error=state_invalid')).toHaveLength(5);
    // Later, again: still refused.
    const later = await post(h, response.SAMLResponse, response.binding);
    expect(later.headers.get('location')).toBe('/login?sso_error=state_invalid');
    expect((await failureReasons(h)).every((r) => r === 'saml:sso_saml_replayed')).toBe(true);
    expect(await failureReasons(h)).toHaveLength(6);
    expect(await audit(h, 'session.login_succeeded')).toHaveLength(1);
  });

  it('remembers assertion IDs in the database: a second use of one ID fails, also when racing', async () => {
    const h = await harness(engine);
    const entry = { issuer: idp.entityId, assertionId: `_a${Date.now()}`, usedAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 60_000).toISOString() };
    const results = await Promise.all(Array.from({ length: 5 }, () => h.store.recordSamlAssertion(entry)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await h.store.recordSamlAssertion(entry)).toBe(false);
    // Another IdP's assertion may carry the same ID.
    expect(await h.store.recordSamlAssertion({ ...entry, issuer: 'https://other-idp.example' })).toBe(true);
  });

  it('refuses a response from another browser (log-in CSRF) and one that answers no request of ours', async () => {
    const h = await harness(engine);
    const response = await issued(h, 'dana');
    const elsewhere = await post(h, response.SAMLResponse, 'ma_saml=someone-elses-browser');
    expect(elsewhere.headers.get('location')).toBe('/login?sso_error=state_invalid');
    const unknown = decode(response.SAMLResponse).replace(/(<samlp:Response\b[^>]*InResponseTo=")[^"]+"/, '$1_not-a-request-we-sent"');
    expect((await post(h, encode(unknown), response.binding)).headers.get('location')).toBe('/login?sso_error=state_invalid');
    // No InResponseTo at all: an IdP-initiated response, which is not accepted.
    const unsolicited = decode(response.SAMLResponse).replace(/(<samlp:Response\b[^>]*) InResponseTo="[^"]+"/, '$1');
    expect((await post(h, encode(unsolicited), response.binding)).headers.get('location')).toBe('/login?sso_error=state_invalid');
    // Not XML, and far too large: refused before anything is looked up.
    expect((await post(h, 'bm90IHhtbA==', response.binding)).headers.get('location')).toBe('/login?sso_error=response_invalid');
    expect((await post(h, 'A'.repeat(600 * 1024), response.binding)).headers.get('location')).toBe('/login?sso_error=response_invalid');
    expect(await failureReasons(h)).toEqual(['saml:sso_browser_mismatch', 'saml:sso_saml_request_unknown', 'saml:sso_saml_request_unknown', 'saml:sso_saml_response_invalid', 'saml:sso_saml_response_invalid']);
    // The real response still works afterwards: none of these used up the request.
    expect((await post(h, response.SAMLResponse, response.binding)).headers.get('location')).toBe('/');
  });

  describe('attacks on a response the IdP really issued: each refused, audited with its reason, no account made', () => {
    const attacks: { name: string; reason: string; craft: (xml: string) => string }[] = [
      { name: 'signature removed', reason: 'sso_saml_signature_invalid', craft: (xml) => xml.replace(signaturePattern, '') },
      { name: 'signed, then a role added', reason: 'sso_saml_signature_invalid', craft: (xml) => xml.replace('<saml:AttributeValue xsi:type="xs:string">grp-unknown</saml:AttributeValue>', '<saml:AttributeValue xsi:type="xs:string">grp-model-risk</saml:AttributeValue>') },
      {
        name: 'XSW: a second, unsigned assertion beside the signed one',
        reason: 'sso_saml_signature_invalid',
        craft: (xml) => {
          const evil = assertionOf(xml).replace(signaturePattern, '').replace(/ID="[^"]+"/, 'ID="_evil"').replaceAll('dana.saml@bank.example', 'owner@example.com');
          return xml.replace(assertionOf(xml), `${evil}${assertionOf(xml)}`);
        },
      },
      {
        name: 'XSW: the signed assertion moved inside an unsigned one that takes its place',
        reason: 'sso_saml_signature_invalid',
        craft: (xml) => {
          const signed = assertionOf(xml);
          const evil = signed.replace(signaturePattern, '').replace(/ID="[^"]+"/, 'ID="_evil"').replaceAll('grp-unknown', 'grp-model-risk');
          return xml.replace(signed, evil.replace('</saml:Issuer>', `</saml:Issuer><saml:Advice>${signed}</saml:Advice>`));
        },
      },
      {
        name: 'XSW: the signed assertion moved into the response’s Extensions, an unsigned one in its place',
        reason: 'sso_saml_signature_invalid',
        craft: (xml) => {
          const signed = assertionOf(xml);
          const evil = signed.replace(signaturePattern, '').replace(/ID="[^"]+"/, 'ID="_evil"');
          return xml.replace(signed, evil).replace('<samlp:Status>', `<samlp:Extensions>${signed}</samlp:Extensions><samlp:Status>`);
        },
      },
      { name: 'signed by a key that is not in the IdP metadata', reason: 'sso_saml_signature_invalid', craft: (xml) => resign(xml.replaceAll('grp-unknown', 'grp-model-risk'), stranger) },
      { name: 'for another SP (wrong audience), signed by the IdP', reason: 'sso_saml_audience_invalid', craft: (xml) => resign(xml.replace(`<saml:Audience>${spEntityId}</saml:Audience>`, '<saml:Audience>https://other-sp.example/saml</saml:Audience>'), idpKey()) },
      { name: 'to another recipient, signed by the IdP', reason: 'sso_saml_destination_invalid', craft: (xml) => resign(xml.replaceAll(`Recipient="${acsUrl}"`, 'Recipient="https://other-sp.example/acs"'), idpKey()) },
      { name: 'to another destination', reason: 'sso_saml_destination_invalid', craft: (xml) => xml.replace(`Destination="${acsUrl}"`, 'Destination="https://other-sp.example/acs"') },
      {
        name: 'expired (NotOnOrAfter past, beyond the clock skew), signed by the IdP',
        reason: 'sso_saml_expired',
        craft: (xml) => resign(xml.replaceAll(/NotOnOrAfter="[^"]+"/g, `NotOnOrAfter="${iso(Date.now() - 5 * 60_000)}"`), idpKey()),
      },
      {
        name: 'not yet valid (NotBefore ahead, beyond the clock skew), signed by the IdP',
        reason: 'sso_saml_expired',
        craft: (xml) => resign(xml.replace(/(<saml:Conditions\b[^>]*NotBefore=")[^"]+"/, `$1${iso(Date.now() + 10 * 60_000)}"`), idpKey()),
      },
      // Found by an adversary review: an assertion the IdP issued on its own (no InResponseTo in
      // its confirmation, as from an app tile) wrapped in a Response naming the attacker's request.
      {
        name: 'an IdP-initiated assertion wrapped in a Response naming our request, signed by the IdP',
        reason: 'sso_saml_request_unknown',
        craft: (xml) => resign(xml.replace(/(<saml:SubjectConfirmationData\b[^>]*?) InResponseTo="[^"]+"/, '$1'), idpKey()),
      },
      {
        name: 'a NameID of another format than persistent (an email or a chosen name), signed by the IdP',
        reason: 'sso_saml_subject_invalid',
        craft: (xml) => resign(xml.replace('Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"', 'Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"'), idpKey()),
      },
      { name: 'from another issuer, signed by the IdP’s key', reason: 'sso_saml_issuer_invalid', craft: (xml) => resign(xml.replaceAll(`<saml:Issuer>${idp.entityId}</saml:Issuer>`, '<saml:Issuer>https://other-idp.example</saml:Issuer>'), idpKey()) },
    ];

    for (const attack of attacks) {
      it(attack.name, async () => {
        const h = await harness(engine);
        const usersBefore = (await h.store.listUsers()).length;
        const response = await issued(h, 'dana');
        const crafted = attack.craft(decode(response.SAMLResponse));
        expect(crafted).not.toBe(decode(response.SAMLResponse));
        const answer = await post(h, encode(crafted), response.binding);
        expect(answer.status).toBe(302);
        expect(answer.headers.get('location')).toMatch(/^\/login\?sso_error=response_invalid/);
        expect(cookieOf(answer, 'ma_session')).toBeNull();
        expect(await failureReasons(h)).toEqual([`saml:${attack.reason}`]);
        expect((await h.store.listUsers()).length).toBe(usersBefore);
        expect(await audit(h, 'session.login_succeeded')).toHaveLength(0);
      });
    }

    it('an OIDC identity with the same issuer string and subject is another person: SAML never signs into it', async () => {
      const h = await harness(engine);
      // Keycloak uses one string as its OIDC issuer and its SAML entity id; an OIDC user whose
      // subject is "dana" owns the administrator's account here.
      await h.store.insertExternalIdentity({ issuer: idp.entityId, subject: 'dana', userId: 'usr_admin', createdAt: new Date().toISOString() });
      const { sessionCookie } = await signIn(h, 'dana');
      const me = await session(h, sessionCookie ?? '');
      expect(me.user.id).not.toBe('usr_admin');
      expect(me.user.roles).not.toContain('admin');
    });

    it('a comment inside the NameID (outside what the signature covers) does not shorten the subject', async () => {
      const h = await harness(engine);
      const victim = await signIn(h, 'dana');
      const danaId = (await session(h, victim.sessionCookie ?? '')).user.id;
      // Mallory's NameID is "dana.evil"; she cuts it with a comment, hoping to be read as "dana".
      const response = await issued(h, 'mallory');
      const xml = decode(response.SAMLResponse);
      expect(xml).toContain('>dana.evil</saml:NameID>');
      const answer = await post(h, encode(xml.replace('>dana.evil</saml:NameID>', '>dana<!---->.evil</saml:NameID>')), response.binding);
      const cookie = cookieOf(answer, 'ma_session');
      if (cookie) {
        expect((await session(h, cookie)).user).toMatchObject({ email: 'mallory@evil.example' });
        expect((await session(h, cookie)).user.id).not.toBe(danaId);
      } else {
        expect(await failureReasons(h)).toEqual(['saml:sso_saml_subject_invalid']);
      }
    });
  });
});
