import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Hono } from 'hono';
import { afterAll, beforeAll } from 'vitest';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import { demoAccounts, seedDemo } from '#demo/seed-demo.ts';
import type { Store } from '#api/store/store.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { reviewerRoles, type Role } from '#domain/contracts/roles.ts';
import { retailCreditPdV2 } from '#demo/index.ts';
import { creditRiskAnswers } from '#demo/fresh-packages.ts';
import { createSoftwarePasskey } from '../../support/software-authenticator.ts';
import { createApp } from '#server/app.ts';
import { openStore, sqliteFile } from '#server/db/open-store.ts';
import { currentServerKey, useServerKey, type ServerSigningKey } from '#api/signing/server-key.ts';
import { serverDeps } from '#server/deps.ts';

// The world the authorization matrix runs in: the demo data plus a second model owner (B)
// with a package of their own, threads and messages by every role, a passkey per user,
// delegations, an API token, webhooks. Built once into a SQLite file through the real API;
// every cell of the matrix then runs on a copy of that file, so no cell sees another's writes.

export const rolePrincipals = ['model_owner', 'data_governance', 'model_risk', 'fair_lending', 'privacy', 'security', 'committee', 'admin'] as const satisfies readonly Role[];
/** Who calls: nobody, a pipeline's API token, or the demo user holding one role. */
export type Principal = 'anonymous' | 'token' | (typeof rolePrincipals)[number];
export const principals: readonly Principal[] = ['anonymous', 'token', ...rolePrincipals];

/** The first demo account holding each role (the demo has two model risk officers since 0174: the matrix's is Elena). */
export const userOf = Object.fromEntries(rolePrincipals.map((role) => [role, demoAccounts.find((a) => a.roles[0] === role)])) as Record<(typeof rolePrincipals)[number], (typeof demoAccounts)[number]>;
export const ownerB = { id: 'usr_owner_b', email: 'owner-b@example.com', displayName: 'Jonas Berg', title: 'ML Engineer, Fraud', roles: ['model_owner'] as Role[] };
export const ownerBModel = 'authz-b-credit';
/** A second holder of a reviewer role, planted: a delegate segregation of duties allows (they hold no other step's role). */
export const deputyOf = (role: Role) => `usr_deputy_${role}`;
/** The model the pipeline token submits for: the demo support assistant, owned by A and awaiting a clarification. */
export const tokenModel = 'support-assistant-llm';
export const assistantPackage = 'pkg_support_assistant_llm';
export const threadSection = 'evaluation';

export interface WorldIds {
  /** Owner A's and owner B's fresh packages: version 1, data governance's step active. */
  packageA: string;
  packageB: string;
  /** One thread per reviewer on A's package, opened by them; owner A replied in data governance's. */
  threadOnA: Record<string, { threadId: string; messageId: string }>;
  ownerAMessage: { threadId: string; messageId: string };
  threadOnB: string;
  /** A medium finding (it blocks no approval) that model risk raised on A's package (owed by owner A) and one on B's (owed by owner B). */
  findingOnA: string;
  findingOnB: string;
  obligationsOnA: { open: string; recorded: string };
  obligationsOnB: { open: string; recorded: string };
  /** The demo clarification request on the support assistant, owed by owner A. */
  assistantClarification: string;
  /** Delegations, by the principal that gave (or, for admin, created) them. */
  delegationBy: Record<string, string>;
  /** Delegations the administrator made for each reviewer, awaiting that reviewer's acceptance. */
  pendingFor: Record<string, string>;
  /** Owner A's spare token for the support assistant, and owner B's for their model. */
  revocableToken: string;
  ownerBToken: string;
  enabledWebhook: string;
  disabledWebhook: string;
}

export interface World {
  dir: string;
  /** The world's signing key: what its key file would hold, handed to every cell's server. */
  serverKey: ServerSigningKey;
  cookies: Record<string, string>;
  apiToken: string;
  ids: WorldIds;
}

export interface Reply {
  status: number;
  contentType: string;
  body: unknown;
}

export interface Call {
  method: string;
  path: string;
  json?: unknown;
  as: Principal | 'owner_b';
  headers?: Record<string, string>;
}

/** A request as a same-origin browser (or the pipeline) would send it. */
export async function send(app: Hono, world: Pick<World, 'cookies' | 'apiToken'>, call: Call): Promise<Reply> {
  const headers = new Headers(call.headers);
  if (call.as === 'token') headers.set('authorization', `Bearer ${world.apiToken}`);
  else if (call.as !== 'anonymous') headers.set('cookie', `${sessionCookieName}=${world.cookies[call.as] ?? ''}`);
  let body: string | undefined;
  if (call.json !== undefined) body = JSON.stringify(call.json);
  // As the app's api-client: every write says JSON, a body-less one too.
  if (!headers.has('content-type') && (call.json !== undefined || call.method !== 'GET')) headers.set('content-type', 'application/json');
  const response = await app.fetch(new Request(`http://localhost${call.path}`, { method: call.method, headers, body }));
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  // A binary answer (the PDF record) is not read: its status is what the matrix checks.
  // NDJSON (the audit chain stream) is lines of JSON, not one document: read like a binary answer.
  const json = text !== '' && /json/.test(contentType) && !contentType.includes('ndjson');
  return { status: response.status, contentType, body: json ? (JSON.parse(text) as unknown) : null };
}

async function ok<T>(reply: Promise<Reply>, status: number, what: string): Promise<T> {
  const r = await reply;
  if (r.status !== status) throw new Error(`World setup: ${what} answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body as T;
}

// The compliant credit content: an approval of version 1 passes the governance gate (docs/decisions/0141).
function packageFor(modelKey: string, versionLabel: string, base: PackageContent = retailCreditPdV2): PackageContent {
  const content = structuredClone(base);
  const [id] = content.sections;
  if (id?.kind !== 'identification') throw new Error('identification comes first');
  id.modelKey = modelKey;
  id.versionLabel = versionLabel;
  return content;
}

export const submission = (modelKey: string, versionLabel: string, base?: PackageContent) => ({ modelKey, versionLabel, content: packageFor(modelKey, versionLabel, base) });

const hour = 3_600_000;

export async function buildWorld(): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'authz-world-'));
  const store = await openStore({ dataDir: dir });
  const deps = serverDeps(store, { sessionTtlHours: 12 });
  const now = new Date();
  await seedDemo(store, { password: 'demo-password', passwords: deps.passwords, now, randomToken: deps.randomToken });
  const ownerA = await store.findUserByEmail(userOf.model_owner.email);
  if (!ownerA) throw new Error('the demo owner exists');
  await store.insertUser({ ...ownerB, passwordHash: ownerA.passwordHash });
  for (const role of reviewerRoles) {
    await store.insertUser({ id: deputyOf(role), email: `deputy-${role.replace('_', '-')}@example.com`, displayName: `Deputy ${role}`, title: 'Deputy', roles: [role], passwordHash: ownerA.passwordHash });
  }

  // Sessions straight into the store: the matrix is about authorization, not sign-in.
  const cookies: Record<string, string> = {};
  const sessionUsers = [...rolePrincipals.map((p) => [p, userOf[p].id] as const), ['owner_b', ownerB.id] as const];
  for (const [principal, userId] of sessionUsers) {
    const token = deps.randomToken();
    cookies[principal] = token;
    await store.insertSession({ tokenHash: await sha256Hex(token), userId, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + 12 * hour).toISOString() });
  }
  const passkey = await createSoftwarePasskey();
  for (const user of [...demoAccounts, ownerB]) {
    await store.insertPasskey({ credentialId: `cred-${user.id}`, userId: user.id, name: 'Matrix key', publicKeyJwk: passkey.publicKeyJwk, createdAt: now.toISOString() });
  }

  const app = createApp(deps);
  const as = (who: Principal | 'owner_b') => ({
    post: (path: string, json: unknown) => send(app, { cookies, apiToken: '' }, { method: 'POST', path, json, as: who }),
    get: (path: string) => send(app, { cookies, apiToken: '' }, { method: 'GET', path, as: who }),
  });

  type Submitted = { package: { id: string } };
  const packageA = (await ok<Submitted>(as('model_owner').post('/api/packages', submission('retail-credit-pd', '9.0.0-authz')), 201, 'owner A submits')).package.id;
  const packageB = (await ok<Submitted>(as('owner_b').post('/api/packages', submission(ownerBModel, '1.0.0')), 201, 'owner B submits')).package.id;
  // Assessed by model risk: an approval needs a risk assessment (docs/decisions/0141), and an owner's own is a proposal (0165).
  await ok(as('model_risk').post(`/api/packages/${packageA}/risk-assessments`, { answers: creditRiskAnswers() }), 201, 'model risk assesses A');
  await ok(as('model_risk').post(`/api/packages/${packageB}/risk-assessments`, { answers: creditRiskAnswers() }), 201, 'model risk assesses B');

  type Thread = { id: string; messages: { id: string }[] };
  const threadOnA: WorldIds['threadOnA'] = {};
  for (const role of ['data_governance', 'model_risk', 'fair_lending', 'privacy', 'security', 'committee'] as const) {
    const thread = await ok<Thread>(as(role).post(`/api/packages/${packageA}/threads`, { versionNumber: 1, sectionKey: threadSection, kind: 'comment', body: `A note from ${role}.` }), 201, `${role} opens a thread`);
    threadOnA[role] = { threadId: thread.id, messageId: thread.messages[0]?.id ?? '' };
  }
  const dgThread = threadOnA.data_governance?.threadId ?? '';
  const replied = await ok<Thread>(as('model_owner').post(`/api/packages/${packageA}/threads/${dgThread}/messages`, { body: 'The owner answers.' }), 201, 'owner A replies');
  const ownerAMessage = { threadId: dgThread, messageId: replied.messages.at(-1)?.id ?? '' };
  const threadOnB = (await ok<Thread>(as('data_governance').post(`/api/packages/${packageB}/threads`, { versionNumber: 1, sectionKey: threadSection, kind: 'comment', body: 'A note on B.' }), 201, 'a thread on B')).id;

  const dueDate = new Date(now.getTime() + 30 * 24 * hour).toISOString().slice(0, 10);
  const finding = (ownerId: string) => ({ versionNumber: 1, sectionKey: threadSection, title: 'A matrix finding', description: 'Raised for the matrix.', severity: 'medium', type: 'validation_finding', ownerId, dueDate });
  const findingOnA = (await ok<{ id: string }>(as('model_risk').post(`/api/packages/${packageA}/findings`, finding(userOf.model_owner.id)), 201, 'a finding on A')).id;
  const findingOnB = (await ok<{ id: string }>(as('model_risk').post(`/api/packages/${packageB}/findings`, finding(ownerB.id)), 201, 'a finding on B')).id;

  // Obligations straight into the store (signing a conditional approval would move the chain the
  // matrix relies on): on each package one open (the owner records fulfilment) and one with its
  // fulfilment recorded (model risk, the approving role, confirms it).
  const obligationsOf = async (packageId: string, ownerId: string) => {
    const at = now.toISOString();
    const base = { packageId, decisionId: `dec_matrix_${packageId}`, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk' as const, text: 'A matrix condition', ownerId, dueOn: dueDate, scope: { dimension: 'channel', allow: ['branch'] }, review: null, lapsedAt: null, createdAt: at, updatedAt: at };
    const open = `obl_open_${packageId}`;
    const recorded = `obl_recorded_${packageId}`;
    await store.insertObligation({ ...base, id: open, position: 0, status: 'open', evidence: null, revision: 0 });
    await store.insertObligation({ ...base, id: recorded, position: 1, status: 'fulfilment_recorded', evidence: { text: 'Done.', link: null, by: { id: ownerId, displayName: 'Owner', title: '' }, at }, revision: 1 });
    return { open, recorded };
  };
  const obligationsOnA = await obligationsOf(packageA, userOf.model_owner.id);
  const obligationsOnB = await obligationsOf(packageB, ownerB.id);

  const assistantThreads = await ok<{ items: { id: string; kind: string; status: string }[] }>(as('model_owner').get(`/api/packages/${assistantPackage}/threads`), 200, 'assistant threads');
  const clarification = assistantThreads.items.find((t) => t.kind === 'clarification' && t.status === 'open');
  if (!clarification) throw new Error('the demo assistant package has an open clarification request');

  // Each reviewer hands their role to its deputy for a day next week (scheduled, so no one acts
  // for anyone during the matrix; another reviewer would hold a second step's role, which
  // segregation of duties refuses); the administrator arranges one a month out, and one for
  // each reviewer that waits for the reviewer's acceptance.
  const window = { startsAt: new Date(now.getTime() + 7 * 24 * hour).toISOString(), endsAt: new Date(now.getTime() + 8 * 24 * hour).toISOString() };
  const later = { startsAt: new Date(now.getTime() + 30 * 24 * hour).toISOString(), endsAt: new Date(now.getTime() + 31 * 24 * hour).toISOString() };
  const delegationBy: Record<string, string> = {};
  const pendingFor: Record<string, string> = {};
  for (const role of reviewerRoles) {
    delegationBy[role] = (await ok<{ id: string }>(as(role).post('/api/delegations', { role, delegateId: deputyOf(role), reason: 'Leave', ...window }), 201, `${role} delegates`)).id;
    pendingFor[role] = (await ok<{ id: string }>(as('admin').post('/api/delegations', { role, delegatorId: userOf[role].id, delegateId: deputyOf(role), reason: 'Arranged', ...later }), 201, `admin arranges ${role}'s`)).id;
  }
  delegationBy.admin = (await ok<{ id: string }>(as('admin').post('/api/delegations', { role: 'security', delegatorId: 'usr_security', delegateId: 'usr_privacy', reason: 'Conference', ...later }), 201, 'admin arranges a delegation')).id;

  // Tokens submit in their creator's name: each owner makes their own.
  const apiToken = (await ok<{ secret: string }>(as('model_owner').post('/api/tokens', { modelKey: tokenModel, name: 'Matrix pipeline' }), 201, 'token')).secret;
  const revocableToken = (await ok<{ token: { id: string } }>(as('model_owner').post('/api/tokens', { modelKey: tokenModel, name: 'Spare pipeline' }), 201, 'spare token')).token.id;
  const ownerBToken = (await ok<{ token: { id: string } }>(as('owner_b').post('/api/tokens', { modelKey: ownerBModel, name: 'Owner B pipeline' }), 201, 'owner B token')).token.id;
  const hook = { url: 'https://hooks.example/model-approval', description: 'Matrix', events: ['step.approved'] };
  const enabledWebhook = (await ok<{ endpoint: { id: string } }>(as('admin').post('/api/webhooks', hook), 201, 'webhook')).endpoint.id;
  const disabledWebhook = (await ok<{ endpoint: { id: string } }>(as('admin').post('/api/webhooks', hook), 201, 'webhook')).endpoint.id;
  await ok(as('admin').post(`/api/webhooks/${disabledWebhook}/disable`, null), 200, 'disable webhook');

  // The key lives outside the database (a key file in production): a copy of the database
  // is the same server only with the same key.
  const serverKey = await currentServerKey(store, () => new Date());
  await store.close();
  return {
    dir,
    serverKey,
    cookies,
    apiToken,
    ids: { packageA, packageB, threadOnA, ownerAMessage, threadOnB, findingOnA, findingOnB, obligationsOnA, obligationsOnB, assistantClarification: clarification.id, delegationBy, pendingFor, revocableToken, ownerBToken, enabledWebhook, disabledWebhook },
  };
}

/**
 * The world for the test file that calls this: built before its first test (slowly: through
 * the real API), removed after its last. Its fields are filled in by then, so read them only
 * inside tests and hooks.
 */
export function worldForThisFile(): World {
  // Filled in place, so the files can hold it as a plain World rather than something optional.
  const world = {} as World;
  beforeAll(async () => {
    Object.assign(world, await buildWorld());
  }, 120_000);
  afterAll(() => {
    rmSync(world.dir, { recursive: true, force: true });
  });
  return world;
}

export interface Cell {
  app: Hono;
  store: Store;
  file: string;
  close(): Promise<void>;
}

/** A fresh copy of the world's database behind a fresh in-process server. */
export async function openCell(world: World): Promise<Cell> {
  const dir = mkdtempSync(join(tmpdir(), 'authz-cell-'));
  cpSync(world.dir, dir, { recursive: true });
  const store = await openStore({ dataDir: dir });
  useServerKey(store, world.serverKey);
  // Every session has just confirmed its password (step-up), as a person changing their
  // passkeys would have: the matrix is about who may call a route, not about step-up.
  for (const token of Object.values(world.cookies)) await store.markSessionSteppedUp(await sha256Hex(token), new Date().toISOString());
  const app = createApp(serverDeps(store, { sessionTtlHours: 12 }));
  return {
    app,
    store,
    file: sqliteFile(dir),
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Fingerprint {
  /** Rows per table, audit log without its access.denied entries. */
  rows: Record<string, number>;
  denied: number;
}

/**
 * What a refused request must not change: the row count of every table. Three tables are left
 * out on purpose: access.denied entries (a refusal writes exactly one), signing_attempts
 * (re-authentication at signing is recorded before the step's role is checked, so the
 * attempt log counts it even when the decision is then refused) and throttles (a write is
 * counted against its caller's rate limit before the handler decides; api/throttle/).
 */
export function fingerprint(file: string): Fingerprint {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    const rows: Record<string, number> = {};
    for (const name of tables) {
      if (name === 'signing_attempts' || name === 'throttles') continue;
      // A refused monitoring alert is audited as its own refusal (decision record 0110).
      const where = name === 'audit_log' ? " WHERE action NOT IN ('access.denied', 'monitoring.alert_refused')" : '';
      rows[name] = (db.prepare(`SELECT count(*) AS n FROM "${name}"${where}`).get() as { n: number }).n;
    }
    const denied = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'access.denied'").get() as { n: number }).n;
    return { rows, denied };
  } finally {
    db.close();
  }
}
