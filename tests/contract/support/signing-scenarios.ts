import { governanceOver } from '#scripts/lib/signed-governance.ts';
import { expect } from 'vitest';
import { decisionMeanings, type DecisionKind } from '#domain/contracts/decisions.ts';
import type { Delegation, OnBehalfOf } from '#domain/contracts/delegations.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { signingPayloadType, type SigningPayload } from '#domain/contracts/signatures.ts';
import { contentHash } from '#domain/package/content-hash.ts';
import { signingChallenge } from '#domain/signing/challenge.ts';
import { authenticatorFlags, createSoftwarePasskey, type SoftwarePasskey } from '../../support/software-authenticator.ts';
import { origin } from './client.ts';
import { Client, type Reply, type Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectValidOrDemonstration } from './verdicts.ts';
import { verifyRecordText } from '#domain/evidence/verify-record.ts';

// Signing decisions (password re-entry) and the attacks the server must refuse, run against
// the mocks, SQLite and PostgreSQL. Each scenario gets fresh demo data.

export const accounts = {
  elena: { id: 'usr_model_risk', displayName: 'Elena Vasquez', title: 'Head of Model Risk Management' },
  samuel: { id: 'usr_privacy', displayName: 'Samuel Okafor', title: 'Chief Privacy Officer' },
  dana: { id: 'usr_fair_lending', displayName: 'Dana Whitfield', title: 'Fair Lending Officer' },
};

export async function signedIn(target: Target, email: string): Promise<Client> {
  const client = new Client(target);
  const reply = await client.login(email);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return client;
}

export function expectStatus(reply: Reply, status: number) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  if (status >= 400) expect(reply.contentType).toContain('application/problem+json');
}

const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);
const detail = (reply: Reply) => (reply.body as { detail?: string }).detail ?? '';

export interface Draft {
  packageId: string;
  versionNumber: number;
  stepKey: string;
  role: SigningPayload['role'];
  decision: DecisionKind;
  reason?: string;
  signer: SigningPayload['signer'];
  conditions?: SigningPayload['conditions'];
  concerns?: SigningPayload['concerns'];
  /** Whose place the signer takes; by default, as the browser does, the active delegation they hold for the role (null: none). */
  onBehalfOf?: OnBehalfOf | null;
}

/** What the sign dialog adds: the delegation the signer acts under when they do not hold the role themselves. */
async function actingUnder(client: Client, role: SigningPayload['role']): Promise<OnBehalfOf | null> {
  const { user } = (await client.get('/api/session')).body as { user: { id: string; roles: string[] } };
  if (user.roles.includes(role)) return null;
  const { items } = (await client.get('/api/delegations')).body as { items: Delegation[] };
  const delegation = items.find((d) => d.status === 'active' && d.role === role && d.delegate.id === user.id);
  return delegation ? { delegationId: delegation.id, delegator: delegation.delegator } : null;
}

/** What the browser does: hash the content it displayed, fetch a nonce, build the payload. */
export async function payloadFor(client: Client, draft: Draft): Promise<SigningPayload> {
  const version = (await client.get(`/api/packages/${draft.packageId}/versions/${draft.versionNumber}`)).body as { content: PackageContent };
  const nonce = await client.post('/api/signing/nonces', { packageId: draft.packageId });
  expectStatus(nonce, 201);
  const { nonce: value, issuedAt } = nonce.body as { nonce: string; issuedAt: string };
  const onBehalfOf = draft.onBehalfOf === undefined ? await actingUnder(client, draft.role) : draft.onBehalfOf;
  return {
    type: signingPayloadType,
    packageId: draft.packageId,
    versionNumber: draft.versionNumber,
    contentHash: await contentHash(version.content),
    stepKey: draft.stepKey,
    role: draft.role,
    decision: draft.decision,
    meaning: decisionMeanings[draft.decision],
    reason: draft.reason ?? '',
    conditions: draft.conditions ?? null,
    concerns: draft.concerns ?? [],
    signer: draft.signer,
    nonce: value,
    issuedAt,
    ...(onBehalfOf ? { onBehalfOf } : {}),
    governance: await governanceOver(async (path) => (await client.get(path)).body, draft.packageId, draft.versionNumber),
  };
}

export const sign = (client: Client, payload: SigningPayload, password = 'demo-password') =>
  client.post(`/api/packages/${payload.packageId}/decisions`, { payload, authentication: { method: 'password', password } });

const clinical = 'pkg_clinical_deterioration_risk';
const elenaApproves: Draft = {
  packageId: clinical,
  versionNumber: 1,
  stepKey: 'model_risk',
  role: 'model_risk',
  decision: 'approve_with_conditions',
  reason: 'Sensitivity at the alert threshold is adequate; calibration drift must be watched.',
  conditions: { scope: 'Adult inpatient medical-surgical units only', reReviewOn: '2027-06-30', text: 'Monthly calibration report to the committee.' },
  signer: accounts.elena,
};

/** A passkey made in software and registered straight into the target's store. */
async function plantPasskey(target: Target, userId: string, credentialId: string): Promise<SoftwarePasskey> {
  const passkey = await createSoftwarePasskey();
  await target.store.insertPasskey({ credentialId, userId, name: 'Test key', publicKeyJwk: passkey.publicKeyJwk, createdAt: new Date().toISOString() });
  return passkey;
}

async function passkeyAuth(passkey: SoftwarePasskey, credentialId: string, challengeFor: SigningPayload, options: { flags?: number; origin?: string } = {}) {
  const assertion = await passkey.sign({ challenge: await signingChallenge(challengeFor), origin: options.origin ?? origin, rpId: new URL(origin).hostname, ...(options.flags === undefined ? {} : { flags: options.flags }) });
  return { method: 'passkey' as const, credentialId, userHandle: null, ...assertion };
}

export const signingScenarios: Scenario[] = [
  {
    name: 'a passkey assertion over the payload signs it; another user\'s passkey, a reused assertion, a missing user verification or another origin are refused',
    async run(target) {
      const elenaKey = await plantPasskey(target, accounts.elena.id, 'cred-elena');
      const danaKey = await plantPasskey(target, accounts.dana.id, 'cred-dana');
      const elena = await signedIn(target, 'model-risk@example.com');
      const payload = await payloadFor(elena, elenaApproves);
      const post = (authentication: unknown, body = payload) => elena.post(`/api/packages/${clinical}/decisions`, { payload: body, authentication });

      const foreign = await post(await passkeyAuth(danaKey, 'cred-dana', payload));
      expectStatus(foreign, 403);
      expect(detail(foreign)).toMatch(/^This passkey is not registered to your account\./);

      // An assertion made for a payload about package A, presented with one about package B.
      const other = await payloadFor(elena, { ...elenaApproves, packageId: 'pkg_retail_credit_pd', versionNumber: 2, stepKey: 'model_risk' });
      const swapped = await post(await passkeyAuth(elenaKey, 'cred-elena', other));
      expectStatus(swapped, 403);
      expect(detail(swapped)).toMatch(/passkey signature was not accepted: .*challenge/);

      const noUv = await post(await passkeyAuth(elenaKey, 'cred-elena', payload, { flags: authenticatorFlags.userPresent }));
      expectStatus(noUv, 403);
      expect(detail(noUv)).toMatch(/user verification was not performed/);

      const elsewhere = await post(await passkeyAuth(elenaKey, 'cred-elena', payload, { origin: 'https://evil.example' }));
      expectStatus(elsewhere, 403);
      expect(detail(elsewhere)).toMatch(/the passkey was used on "https:\/\/evil.example"/);

      const signed = await post(await passkeyAuth(elenaKey, 'cred-elena', payload));
      expectStatus(signed, 201);
      expect(signed.body).toMatchObject({ signature: { signature: { method: 'passkey', credentialId: 'cred-elena', publicKeyJwk: elenaKey.publicKeyJwk } } });
      const verification = (await elena.get(`/api/packages/${clinical}/verification`)).body as { decisions: { valid: boolean; demonstration: boolean; reasons: string[] }[] };
      expectValidOrDemonstration(verification.decisions);

      // The record states the relying party (docs/decisions/0082), and the verifier holds the
      // assertion to it: the same record claiming another origin or RP ID fails that decision.
      const decisionId = (signed.body as { id: string }).id;
      const record = (await elena.get(`/api/packages/${clinical}/record`)).body as { relyingParty: { origin: string; rpId: string } };
      expect(record.relyingParty).toEqual({ origin, rpId: new URL(origin).hostname });
      const decisionCheck = async (value: unknown) => (await verifyRecordText(JSON.stringify(value))).checks.find((check) => check.label.startsWith(`Decision ${decisionId}:`));
      expect(await decisionCheck(record)).toMatchObject({ ok: true });
      expect((await decisionCheck({ ...record, relyingParty: { ...record.relyingParty, origin: 'https://evil.example' } }))?.detail).toMatch(/the passkey was used on .*, not on "https:\/\/evil\.example"|evil\.example/);
      expect(await decisionCheck({ ...record, relyingParty: { ...record.relyingParty, rpId: 'evil.example' } })).toMatchObject({ ok: false });
      // The same assertion again: one decision.
      expectStatus(await post(await passkeyAuth(elenaKey, 'cred-elena', payload)), 409);
    },
  },
  {
    name: 'a reviewer signs a decision with a password; it is countersigned, verifies, and moves the chain on once',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const payload = await payloadFor(elena, elenaApproves);
      const signed = await sign(elena, payload);
      expectStatus(signed, 201);
      expect(signed.body).toMatchObject({ decision: 'approve_with_conditions', meaning: 'Approved with conditions', actor: accounts.elena, contentHash: payload.contentHash, signature: { payload, signature: { method: 'password' }, countersignature: { algorithm: 'Ed25519' } } });

      // A double click or a retry: one decision, not two.
      const again = await sign(elena, payload);
      expectStatus(again, 409);
      expect(detail(again)).toMatch(/already (used|approved)/);
      const pkg = (await elena.get(`/api/packages/${clinical}`)).body as { decisions: { stepKey: string }[]; currentStep: { key: string } | null };
      expect(pkg.decisions.filter((d) => d.stepKey === 'model_risk')).toHaveLength(1);
      expect(pkg.currentStep?.key).toBe('privacy');

      const keys = (await new Client(target).get('/api/keys')).body as { keys: { keyId: string; algorithm: string }[] };
      expect(keys.keys[0]?.algorithm).toBe('Ed25519');
      const verification = (await elena.get(`/api/packages/${clinical}/verification`)).body as { decisions: { valid: boolean; demonstration: boolean; reasons: string[] }[] };
      expect(verification.decisions.length).toBe(2);
      expectValidOrDemonstration(verification.decisions);
    },
  },
  {
    name: 'signing refuses replays, foreign payloads, stale versions, inactive steps, wrong roles and missing reasons, storing nothing',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const decisionsOf = async (id: string) => ((await elena.get(`/api/packages/${id}`)).body as { decisions: unknown[] }).decisions.length;
      const before = await decisionsOf(clinical);

      // Made for package A, presented for package B.
      const forClinical = await payloadFor(elena, elenaApproves);
      const moved = await elena.post('/api/packages/pkg_support_assistant_llm/decisions', { payload: forClinical, authentication: { method: 'password', password: 'demo-password' } });
      expectStatus(moved, 422);
      expect(pointers(moved)).toContain('/payload/packageId');

      // A tampered field: the content hash, the meaning.
      expectStatus(await sign(elena, { ...forClinical, contentHash: 'f'.repeat(64) }), 409);
      expect(pointers(await sign(elena, { ...forClinical, meaning: 'Approved' }))).toEqual(['/payload/meaning']);
      // Signing as someone else.
      expect(pointers(await sign(elena, { ...forClinical, signer: accounts.dana }))).toContain('/payload/signer/id');
      // A nonce never issued.
      expect(pointers(await sign(elena, { ...forClinical, nonce: 'x'.repeat(43) }))).toEqual(['/payload/nonce']);
      // A rejection without a reason or concerns.
      const reject = await sign(elena, { ...(await payloadFor(elena, { ...elenaApproves, decision: 'reject', conditions: null, reason: '' })) });
      expectStatus(reject, 422);
      expect(pointers(reject)).toEqual(['/payload/reason', '/payload/concerns']);

      // A step that is not active yet: privacy comes after model risk.
      const samuel = await signedIn(target, 'privacy@example.com');
      const early = await sign(samuel, await payloadFor(samuel, { ...elenaApproves, stepKey: 'privacy', role: 'privacy', decision: 'approve', reason: '', conditions: null, signer: accounts.samuel }));
      expectStatus(early, 409);
      expect(detail(early)).toMatch(/not active yet: waiting for Model risk management/);

      // A reviewer without the step's role.
      const wrongRole = await sign(samuel, await payloadFor(samuel, { ...elenaApproves, signer: accounts.samuel }));
      expectStatus(wrongRole, 403);

      // Version 1 after version 2 was submitted.
      const dana = await signedIn(target, 'fair-lending@example.com');
      const stale = await sign(dana, await payloadFor(dana, { packageId: 'pkg_retail_credit_pd', versionNumber: 1, stepKey: 'fair_lending', role: 'fair_lending', decision: 'approve', signer: accounts.dana }));
      expectStatus(stale, 409);
      expect(detail(stale)).toMatch(/superseded by version 2/);
      // The refusal links to what changed between the version shown and the latest.
      expect(stale.body).toMatchObject({ type: 'https://model-approval.example/problems/package-changed', diff: '/packages/pkg_retail_credit_pd/diff?from=1&to=2' });

      // The owner holds no reviewer role: the route refuses before anything is read.
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await owner.post('/api/signing/nonces', { packageId: clinical }), 403);
      expectStatus(await owner.post(`/api/packages/${clinical}/decisions`, { payload: forClinical, authentication: { method: 'password', password: 'demo-password' } }), 403);

      expect(await decisionsOf(clinical)).toBe(before);
      // The refusals consumed nothing: the original payload still signs.
      expectStatus(await sign(elena, forClinical), 201);
    },
  },
  {
    name: 'a signing nonce expires after five minutes',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const payload = await payloadFor(elena, elenaApproves);
      target.advanceClock(5 * 60_000 + 1_000);
      const late = await sign(elena, payload);
      expectStatus(late, 409);
      expect(detail(late)).toMatch(/expired \(after 5 minutes\)/);
      expectStatus(await sign(elena, await payloadFor(elena, elenaApproves)), 201);
    },
  },
  {
    // A growing wait (1, 2, 4 ... minutes) rather than the fifteen-minute lock it replaced,
    // which a stolen session could renew to keep its owner from signing (docs/decisions/0065-throttling.md).
    name: 'five wrong passwords make signing wait a minute, with the attempts left said each time; the wait grows with each further failure',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const payload = await payloadFor(elena, elenaApproves);
      for (let left = 4; left >= 0; left--) {
        const wrong = await sign(elena, payload, 'not-my-password');
        expectStatus(wrong, 403);
        expect(pointers(wrong)).toEqual(['/authentication/password']);
        expect(detail(wrong)).toMatch(left === 0 ? /Signing is now locked for 1 minute\./ : new RegExp(`${left} attempts? left before signing is locked for 1 minute`));
        // The count is in the problem+json too, for the dialog to show without reading prose.
        expect((wrong.body as { attemptsLeft?: number }).attemptsLeft).toBe(left);
      }
      const locked = await sign(elena, payload);
      expectStatus(locked, 423);
      expect(detail(locked)).toMatch(/^Signing is locked for your account until \d\d:\d\d UTC/);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      target.advanceClock(61_000);
      const sixth = await sign(elena, payload, 'not-my-password');
      expectStatus(sixth, 403);
      expect(detail(sixth)).toMatch(/Signing is now locked for 2 minutes\./);
      target.advanceClock(61_000);
      expectStatus(await sign(elena, payload), 423);
      const pkg = (await elena.get(`/api/packages/${clinical}`)).body as { decisions: unknown[] };
      expect(pkg.decisions).toHaveLength(1);
    },
  },
];
