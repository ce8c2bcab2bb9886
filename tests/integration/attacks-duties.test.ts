import { approvableCreditContent, creditRiskAnswers } from '#demo/fresh-packages.ts';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { apiTokenPrefix } from '#domain/contracts/api-tokens.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { Role } from '#domain/contracts/roles.ts';
import type { SigningPayload } from '#domain/contracts/signatures.ts';
import { defaultTemplates } from '#domain/workflow/default-templates.ts';
import { emergencyStepKey } from '#domain/workflow/emergency.ts';
import { Client, type Reply, type Target } from '../contract/support/client.ts';
import { expectStatus, payloadFor, sign, signedIn, type Draft } from '../contract/support/signing-scenarios.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';
import { clinicalRelease } from '../support/fresh-content.ts';
import { seededSqliteApp } from '../contract/support/seeded-sqlite-app.ts';

// Issue 16, findings 4, 5, 6 and part of 11, replayed against the real server (in process,
// SQLite, demo data): one person approving a whole chain (two reviewer roles, delegations, a
// delegate beside their delegator, the emergency approval), findings closed by the wrong
// person, tokens minted in an owner's name, unaudited refused signing attempts, unbounded
// dates. Each attack succeeded before the fix; each now states the defence it meets.

const defer = cleanUpAfterEach();

const detail = (reply: Reply) => (reply.body as { detail?: string }).detail ?? '';
const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);
const hour = 3_600_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

const people = {
  marcus: { id: 'usr_data_governance', displayName: 'Marcus Oyelaran', title: 'Data Governance Lead' },
  elena: { id: 'usr_model_risk', displayName: 'Elena Vasquez', title: 'Head of Model Risk Management' },
  dana: { id: 'usr_fair_lending', displayName: 'Dana Whitfield', title: 'Fair Lending Officer' },
  samuel: { id: 'usr_privacy', displayName: 'Samuel Okafor', title: 'Chief Privacy Officer' },
  robert: { id: 'usr_committee', displayName: 'Robert Castellano', title: 'Chair, AI Governance Committee' },
};

async function world() {
  const app = await seededSqliteApp(defer);
  const { target } = app;
  const admin = await signedIn(target, 'admin@example.com');
  const deniedCount = async () => ((await admin.get('/api/audit?action=access.denied&limit=10000')).body as { items: unknown[] }).items.length;
  const deniedReasons = async () => ((await admin.get('/api/audit?action=access.denied&limit=10000')).body as { items: { actorId: string; after: { reason: string } }[] }).items;
  return { ...app, admin, deniedCount, deniedReasons };
}

/** A user planted straight into the store, signing in with the demo password. */
async function plantUser(target: Target, user: { id: string; displayName: string; title: string }, email: string, roles: Role[]): Promise<Client> {
  const { passwordHash } = (await target.store.findUserByEmail('owner@example.com')) ?? { passwordHash: '' };
  await target.store.insertUser({ ...user, email, roles, passwordHash });
  return signedIn(target, email);
}

/** A fresh version 1 of the demo credit model under the consumer-credit chain (data governance, model risk, fair lending, committee). */
async function freshCreditPackage(target: Target, label: string): Promise<string> {
  const owner = await signedIn(target, 'owner@example.com');
  const content: PackageContent = approvableCreditContent(label);
  const reply = await owner.post('/api/packages', { modelKey: 'retail-credit-pd', versionLabel: label, content });
  expectStatus(reply, 201);
  const id = (reply.body as { package: { id: string } }).package.id;
  // An approval needs a risk assessment (docs/decisions/0141).
  expectStatus(await (await owner.colleague('risk-tiering@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: creditRiskAnswers() }), 201);
  return id;
}

const approve = (packageId: string, stepKey: string, signer: Draft['signer'], role: Role = stepKey as Role): Draft => ({ packageId, versionNumber: 1, stepKey, role, decision: 'approve', signer });

async function stepStatus(client: Client, packageId: string, key: string): Promise<string | undefined> {
  return ((await client.get(`/api/packages/${packageId}`)).body as { steps: { key: string; status: string }[] }).steps.find((s) => s.key === key)?.status;
}

/** A delegation as if made before this fix (or before the package arrived): straight into the store, by its delegator. */
async function plantDelegation(target: Target, id: string, role: Role, delegatorId: string, delegateId: string): Promise<void> {
  await target.store.insertDelegation({ id, role, delegatorId, delegateId, startsAt: at(-hour), endsAt: at(24 * hour), reason: 'Planted', createdBy: delegatorId, createdAt: at(-hour) });
}

describe('finding 4: one person approves a whole chain', () => {
  it('a user holding two reviewer roles decides one step of a package, and is refused (403, audited) the next one', async () => {
    const { target, deniedReasons } = await world();
    const id = await freshCreditPackage(target, '4.4.0-dual');
    const dual = { id: 'usr_dual', displayName: 'Kai Moreno', title: 'Data and Model Risk Reviewer' };
    const kai = await plantUser(target, dual, 'dual@example.com', ['data_governance', 'model_risk']);

    expectStatus(await sign(kai, await payloadFor(kai, approve(id, 'data_governance', dual))), 201);
    const second = await sign(kai, await payloadFor(kai, approve(id, 'model_risk', dual)));
    expectStatus(second, 403);
    expect(detail(second)).toBe('Kai Moreno already decided Data governance of this package (Kai Moreno, version 1): segregation of duties lets a person decide only one step of a package.');
    expect(await stepStatus(kai, id, 'model_risk')).toBe('active');
    expect((await deniedReasons()).filter((e) => e.actorId === 'usr_dual').map((e) => e.after.reason)).toEqual([expect.stringMatching(/^segregation of duties: /)]);
  });

  it('an administrator cannot hand data governance the other steps’ roles, and delegations that exist anyway do not let one person decide a second step', async () => {
    const { target, admin } = await world();
    const id = await freshCreditPackage(target, '4.4.0-delegated');
    // The attack: the administrator delegates model risk and fair lending to Marcus, unasked.
    for (const [role, delegatorId] of [['model_risk', people.elena.id], ['fair_lending', people.dana.id]] as const) {
      const made = await admin.post('/api/delegations', { role, delegatorId, delegateId: people.marcus.id, reason: 'Unasked', startsAt: at(0), endsAt: at(24 * hour) });
      expectStatus(made, 422);
      expect(pointers(made)).toEqual(['/delegateId']);
      expect(detail(made) + JSON.stringify(made.body)).toMatch(/Marcus Oyelaran cannot act for the .* role: segregation of duties/);
    }
    // Delegations made before this rule (or before the package arrived) are held at signing.
    await plantDelegation(target, 'dlg_planted_mr', 'model_risk', people.elena.id, people.marcus.id);
    await plantDelegation(target, 'dlg_planted_fl', 'fair_lending', people.dana.id, people.marcus.id);
    const marcus = await signedIn(target, 'data-governance@example.com');
    expectStatus(await sign(marcus, await payloadFor(marcus, approve(id, 'data_governance', people.marcus))), 201);
    const asDelegate = await sign(marcus, await payloadFor(marcus, approve(id, 'model_risk', people.marcus)));
    expectStatus(asDelegate, 403);
    expect(detail(asDelegate)).toMatch(/^Marcus Oyelaran already decided Data governance of this package/);
    expect(await stepStatus(marcus, id, 'model_risk')).toBe('active');
  });

  it('a delegate who holds another step’s role of the package is refused at signing, before deciding anything', async () => {
    const { target } = await world();
    const id = await freshCreditPackage(target, '4.4.0-other-role');
    const marcus = await signedIn(target, 'data-governance@example.com');
    expectStatus(await sign(marcus, await payloadFor(marcus, approve(id, 'data_governance', people.marcus))), 201);
    // Dana (fair lending, a later step of this chain) holds a model risk delegation made earlier.
    await plantDelegation(target, 'dlg_planted_dana', 'model_risk', people.elena.id, people.dana.id);
    const dana = await signedIn(target, 'fair-lending@example.com');
    const refused = await sign(dana, await payloadFor(dana, approve(id, 'model_risk', people.dana)));
    expectStatus(refused, 403);
    expect(detail(refused)).toBe("You hold the fair lending role of step Fair lending of this package's chain: segregation of duties forbids acting for another step's role as a delegate.");
  });

  it('a delegate and their delegator count as one approval on a step that needs two: the delegator after the delegate is refused', async () => {
    const { target } = await world();
    const credit = defaultTemplates.find((t) => t.key === 'consumer-credit');
    if (!credit) throw new Error('the consumer-credit template exists');
    await target.store.insertTemplate({ ...credit, version: 2, steps: credit.steps.map((s) => (s.key === 'data_governance' ? { ...s, approvalsRequired: 2 } : s)) });
    const id = await freshCreditPackage(target, '4.4.0-two-approvals');
    // Samuel (privacy, no step of this chain) acts for Marcus: a delegation segregation of duties allows.
    const marcus = await signedIn(target, 'data-governance@example.com');
    const made = await marcus.post('/api/delegations', { role: 'data_governance', delegateId: people.samuel.id, reason: 'Half days', startsAt: at(-60_000), endsAt: at(24 * hour) });
    expectStatus(made, 201);
    const samuel = await signedIn(target, 'privacy@example.com');
    expectStatus(await sign(samuel, await payloadFor(samuel, approve(id, 'data_governance', people.samuel, 'data_governance'))), 201);

    const delegatorToo = await sign(marcus, await payloadFor(marcus, approve(id, 'data_governance', people.marcus)));
    expectStatus(delegatorToo, 403);
    expect(detail(delegatorToo)).toBe('Samuel Okafor (for Marcus Oyelaran) already approved Data governance on version 1: a delegate and the person they act for count as one approval.');
    expect(await stepStatus(marcus, id, 'data_governance')).toBe('active');
  });

  it('the emergency approver does not also decide a step of the follow-up chain', async () => {
    const { target } = await world();
    const clinical = 'pkg_clinical_deterioration_risk';
    const robert = await signedIn(target, 'committee@example.com');
    const emergency: SigningPayload = {
      ...(await payloadFor(robert, { packageId: clinical, versionNumber: 1, stepKey: emergencyStepKey, role: 'committee', decision: 'emergency_approve', signer: people.robert })),
      emergency: { justification: 'Deterioration alerts fail on the new EHR feed; patients go unflagged.', incidentRef: 'INC-4821' },
    };
    expectStatus(await sign(robert, emergency), 201);
    for (const [email, step, signer] of [['model-risk@example.com', 'model_risk', people.elena], ['privacy@example.com', 'privacy', people.samuel]] as const) {
      const client = await signedIn(target, email);
      expectStatus(await sign(client, await payloadFor(client, approve(clinical, step, signer))), 201);
    }
    const followUp = await sign(robert, await payloadFor(robert, approve(clinical, 'committee', people.robert)));
    expectStatus(followUp, 403);
    expect(detail(followUp)).toMatch(/^Robert Castellano already decided the emergency approval of this package/);
  });

  it('a delegation an administrator made does not act until its delegator accepts it', async () => {
    const { target, admin } = await world();
    const id = await freshCreditPackage(target, '4.4.0-unasked');
    const made = await admin.post('/api/delegations', { role: 'data_governance', delegatorId: people.marcus.id, delegateId: people.samuel.id, reason: 'Unasked', startsAt: at(0), endsAt: at(24 * hour) });
    expectStatus(made, 201);
    expect(made.body).toMatchObject({ status: 'pending' });
    const samuel = await signedIn(target, 'privacy@example.com');
    const unasked = await sign(samuel, await payloadFor(samuel, approve(id, 'data_governance', people.samuel, 'data_governance')));
    expectStatus(unasked, 403);
    expect(detail(unasked)).toMatch(/no active delegation gives you/);
    expect(await stepStatus(samuel, id, 'data_governance')).toBe('active');
  });
});

describe('finding 5: who closes a finding or a clarification request', () => {
  it('a reviewer of another role cannot close a model risk finding (403, audited); the author can', async () => {
    const { target, deniedCount } = await world();
    const clinical = 'pkg_clinical_deterioration_risk';
    const elena = await signedIn(target, 'model-risk@example.com');
    const opened = await elena.post(`/api/packages/${clinical}/threads`, { versionNumber: 1, sectionKey: 'evaluation', kind: 'finding', severity: 'high', body: 'Calibration drifts on the new feed.' });
    expectStatus(opened, 201);
    const thread = (opened.body as { id: string }).id;
    const before = await deniedCount();
    const dana = await signedIn(target, 'fair-lending@example.com');
    const closed = await dana.post(`/api/packages/${clinical}/threads/${thread}/resolution`, null);
    expectStatus(closed, 403);
    expect(detail(closed)).toBe('Only its author or a model risk management reviewer may resolve this finding.');
    expect(await deniedCount()).toBe(before + 1);
    expectStatus(await elena.post(`/api/packages/${clinical}/threads/${thread}/resolution`, null), 201);
  });

  it('an owner who also holds a reviewer role cannot close a finding on their own package', async () => {
    const { target } = await world();
    const priya = { id: 'usr_owner_privacy', displayName: 'Leah Brandt', title: 'ML Lead and privacy reviewer' };
    const owner = await plantUser(target, priya, 'owner-privacy@example.com', ['model_owner', 'privacy']);
    const submitted = await owner.post('/api/packages', { modelKey: 'leah-model', versionLabel: '1.0.0', content: clinicalRelease('1.0.0', 'leah-model') });
    expectStatus(submitted, 201);
    const id = (submitted.body as { package: { id: string } }).package.id;
    const samuel = await signedIn(target, 'privacy@example.com');
    const opened = await samuel.post(`/api/packages/${id}/threads`, { versionNumber: 1, sectionKey: 'training_data', kind: 'finding', severity: 'medium', body: 'Retention exceeds the data use agreement.' });
    expectStatus(opened, 201);
    const closed = await owner.post(`/api/packages/${id}/threads/${(opened.body as { id: string }).id}/resolution`, null);
    expectStatus(closed, 403);
    expect(detail(closed)).toBe("The package's owner team answers a finding; a reviewer resolves it.");
  });
});

describe('finding 6: tokens in one’s own name', () => {
  it('an administrator cannot mint a token for an owner’s model (403), and one minted before submits as nobody (401)', async () => {
    const { target, admin } = await world();
    const minted = await admin.post('/api/tokens', { modelKey: 'clinical-deterioration-risk', name: 'In the owner’s name' });
    expectStatus(minted, 403);
    // A token an administrator made under the old rule, still in the store.
    const secret = `${apiTokenPrefix}${'A'.repeat(43)}`;
    await target.store.insertApiToken({ id: 'tok_by_admin', modelKey: 'clinical-deterioration-risk', name: 'Old admin token', tokenHash: createHash('sha256').update(secret).digest('hex'), createdBy: 'usr_admin', createdAt: at(-hour) });
    const submitted = await new Client(target).post('/api/packages', { modelKey: 'clinical-deterioration-risk', versionLabel: '2.9.0', content: clinicalRelease('2.9.0') }, { authorization: `Bearer ${secret}` });
    expectStatus(submitted, 401);
    expect(detail(submitted)).toMatch(/submits only in its creator's name/);
    const owner = await signedIn(target, 'owner@example.com');
    expect(((await owner.get('/api/packages')).body as { items: { versionLabel: string }[] }).items.map((p) => p.versionLabel)).not.toContain('2.9.0');
  });
});

describe('finding 11 (part): refused signing attempts are audited; dates are bounded', () => {
  it('signing with another user’s nonce, or as another user, is refused and audited', async () => {
    const { target, deniedReasons } = await world();
    const clinical = 'pkg_clinical_deterioration_risk';
    const elena = await signedIn(target, 'model-risk@example.com');
    const dana = await signedIn(target, 'fair-lending@example.com');
    // Elena's payload, with a nonce issued to Dana.
    const mine = await payloadFor(elena, approve(clinical, 'model_risk', people.elena));
    const stolen = (await dana.post('/api/signing/nonces', { packageId: clinical })).body as { nonce: string; issuedAt: string };
    const withStolen = await sign(elena, { ...mine, nonce: stolen.nonce, issuedAt: stolen.issuedAt });
    expectStatus(withStolen, 422);
    expect(pointers(withStolen)).toEqual(['/payload/nonce']);
    // Dana signing a payload that names Elena.
    const asElena = await sign(dana, await payloadFor(dana, approve(clinical, 'model_risk', people.elena)));
    expectStatus(asElena, 422);
    expect(pointers(asElena)).toContain('/payload/signer/id');
    const reasons = (await deniedReasons()).map((e) => [e.actorId, e.after.reason]);
    expect(reasons).toEqual([
      ['usr_model_risk', 'signing refused: signing nonce issued to usr_fair_lending'],
      ['usr_fair_lending', 'signing refused: the payload names another signer'],
    ]);
  });

  it('a delegation starting 89 days back, and a re-review on 9999-12-31, are refused at their fields', async () => {
    const { target } = await world();
    const marcus = await signedIn(target, 'data-governance@example.com');
    const backDated = await marcus.post('/api/delegations', { role: 'data_governance', delegateId: people.samuel.id, reason: 'Leave', startsAt: at(-89 * 24 * hour), endsAt: at(hour) });
    expectStatus(backDated, 422);
    expect(pointers(backDated)).toEqual(['/startsAt']);

    const elena = await signedIn(target, 'model-risk@example.com');
    const farOff = await sign(elena, await payloadFor(elena, { ...approve('pkg_clinical_deterioration_risk', 'model_risk', people.elena), decision: 'approve_with_conditions', reason: 'Adequate for adults.', conditions: { scope: 'Adults only', reReviewOn: '9999-12-31', text: '' } }));
    expectStatus(farOff, 422);
    expect(pointers(farOff)).toEqual(['/payload/conditions/reReviewOn']);
  });
});
