import { afterEach, describe, expect, it } from 'vitest';
import { approvableCreditContent } from '#demo/fresh-packages.ts';
import { retailCreditPdV1 } from '#demo/retail-credit-pd.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { Client, Target } from '../contract/support/client.ts';
import { sqliteTarget } from '../contract/support/targets.ts';
import { expectStatus, payloadFor, sign, signedIn } from '../contract/support/signing-scenarios.ts';
import { riskAnswers } from '../contract/support/risk-assessment-scenarios.ts';
import { changeAsDirect } from '../contract/support/catalogue-proposals.ts';

// Replays of the adversary's attacks on the governance gate (found on 86fef0e), each asserting
// the safe behaviour: a business line's spelling does not choose a laxer policy or chain
// (docs/decisions/0164), the owner's own assessment does not decide the tier, and clients sign
// the tier the server enforces (0165).

let target: Target | undefined;
afterEach(async () => { await target?.close(); target = undefined; });

/** The demo credit model's version 1: disparate impact 0.78, a blocking failure of the consumer-credit policy. */
function creditContent(modelKey: string, businessLine: string, base: PackageContent = retailCreditPdV1): PackageContent {
  const content = structuredClone(base);
  const id = content.sections[0];
  if (id?.kind !== 'identification') throw new Error('identification first');
  id.modelKey = modelKey; id.versionLabel = '1.0'; id.businessLine = businessLine;
  return content;
}

async function me(c: Client) {
  const { user } = (await c.get('/api/session')).body as { user: { id: string; displayName: string; title: string } };
  return { id: user.id, displayName: user.displayName, title: user.title };
}

const reviewers: Record<string, string> = { data_governance: 'data-governance@example.com', model_risk: 'model-risk@example.com', privacy: 'privacy@example.com', committee: 'committee@example.com', security: 'security@example.com', fair_lending: 'fair-lending@example.com' };

/** Signs every step of the package's chain in order with an approval; the replies and where the package ends. */
async function approveChain(t: Target, packageId: string) {
  const owner = await signedIn(t, 'owner@example.com');
  const detail = async () => (await owner.get(`/api/packages/${packageId}`)).body as { status: string; template: { key: string }; steps?: { key: string; role: string }[] };
  const before = await detail();
  const replies: number[] = [];
  for (const step of before.steps ?? []) {
    const c = await signedIn(t, reviewers[step.role] ?? '');
    const payload = await payloadFor(c, { packageId, versionNumber: 1, stepKey: step.key, role: step.role as never, decision: 'approve', signer: await me(c) });
    replies.push((await sign(c, payload)).status);
  }
  return { template: before.template.key, replies, status: (await detail()).status };
}

async function submit(owner: Client, modelKey: string, content: PackageContent) {
  const sub = await owner.post('/api/packages', { modelKey, versionLabel: '1.0', content });
  expectStatus(sub, 201);
  return (sub.body as { package: { id: string } }).package.id;
}

const highRisk = riskAnswers({ fairness: { likelihood: 5, impact: 5 }, model_quality: { likelihood: 5, impact: 5 } });

/** The failing credit content under "Consumer lending", submitted by the owner and assessed tier 1 by model risk. */
async function failingCreditAssessedTierOne(t: Target, modelKey: string) {
  const owner = await signedIn(t, 'owner@example.com');
  const id = await submit(owner, modelKey, creditContent(modelKey, 'Consumer lending'));
  expectStatus(await (await signedIn(t, 'risk-tiering@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: highRisk }), 201);
  return { owner, id };
}

describe('a business line spelled differently (0164)', () => {
  it('A: "consumer lending" and other look-alikes are refused at submission, naming the known spelling, and nothing is stored', async () => {
    target = await sqliteTarget();
    const owner = await signedIn(target, 'owner@example.com');
    const count = async () => ((await owner.get('/api/packages')).body as { items: unknown[] }).items.length;
    const before = await count();
    for (const [i, line] of ['consumer lending', 'Consumer lending.', 'Consumer\u00a0 lending', 'Consumer lеnding', 'Cοnsumer lending', 'Consumer\u200b lending '].entries()) {
      const reply = await owner.post('/api/packages', { modelKey: `pd-lower-${i}`, versionLabel: '1.0', content: creditContent(`pd-lower-${i}`, line) });
      expectStatus(reply, 422);
      const problem = reply.body as { errors: { pointer: string; detail?: string; message?: string }[] };
      expect(JSON.stringify(problem), line).toContain('/content/sections/0/businessLine');
      expect(JSON.stringify(problem), line).toMatch(/Consumer lending|one script/);
    }
    expect(await count()).toBe(before);
  });

  it('A: the exact spelling gets the consumer-credit policy and the fair-lending step, and 0.78 is not approved', async () => {
    target = await sqliteTarget();
    const { owner, id } = await failingCreditAssessedTierOne(target, 'pd-exact');
    const v1 = (await owner.get(`/api/packages/${id}/versions/1`)).body as { policy: { policy: { key: string } } | null };
    const result = await approveChain(target, id);
    expect(v1.policy?.policy.key).toBe('consumer-credit');
    expect(result.template).toBe('consumer-credit');
    expect(result.status).not.toBe('approved');
  });

  // Before 0168 as a scope overlap; now at the line itself, spelled otherwise than the organisation's list.
  it('A: publishing "consumer lending" beside "Consumer lending" is refused at the line', async () => {
    target = await sqliteTarget();
    const admin = await signedIn(target, 'admin@example.com');
    const reply = await changeAsDirect(target, '/api/policies', { key: 'lower-case-credit', name: 'Lower-case credit', scope: { riskTiers: [1, 2], businessLines: ['consumer lending'] }, onBlockingFailure: 'enter_review_flagged', metrics: [], subgroupMetrics: [], requiredSections: [{ section: 'evaluation', enforcement: 'blocking' }], replacesVersion: 0 });
    expectStatus(reply, 422);
    expect((reply.body as { errors: { pointer: string; code?: string }[] }).errors).toEqual([expect.objectContaining({ pointer: '/change/scope/businessLines/0', code: 'business_line_spelling' })]);
    expect(((await admin.get('/api/policies')).body as { items: { policy: { key: string } }[] }).items.map((e) => e.policy.key)).not.toContain('lower-case-credit');
  });
});

describe("the owner's own assessment (0165)", () => {
  it("B: the owner's re-assessment is a proposal: model risk's tier, policy and chain stay, and 0.78 is not approved", async () => {
    target = await sqliteTarget();
    const owner = await signedIn(target, 'owner@example.com');
    const id = await submit(owner, 'pd-b', creditContent('pd-b', 'Consumer lending'));
    const mr = await signedIn(target, 'model-risk@example.com');
    expectStatus(await mr.post(`/api/packages/${id}/risk-assessments`, { answers: highRisk }), 201);
    expectStatus(await changeAsDirect(target, '/api/policies', { key: 'low-tier', name: 'Low-tier models', scope: { riskTiers: [3, 4] }, onBlockingFailure: 'enter_review_flagged', metrics: [], subgroupMetrics: [], requiredSections: [{ section: 'evaluation', enforcement: 'blocking' }], replacesVersion: 0 }), 201);
    const policyOf = async () => ((await owner.get(`/api/packages/${id}/versions/1`)).body as { policy: { policy: { key: string }; outcome: string } }).policy;
    const before = await policyOf();
    const proposal = await owner.post(`/api/packages/${id}/risk-assessments`, { answers: riskAnswers() });
    expectStatus(proposal, 201);
    expect(proposal.body).toMatchObject({ number: 2, computedTier: 4, proposal: true });
    expect(await policyOf()).toEqual(before);
    expect(before).toMatchObject({ policy: { key: 'consumer-credit' }, outcome: 'flagged' });
    const result = await approveChain(target, id);
    expect(result.template).toBe('consumer-credit');
    expect(result.status).not.toBe('approved');
  });

  it('C: the owner declaring tier 3 and assessing it alone leaves the package unassessed: not approvable', async () => {
    target = await sqliteTarget();
    const owner = await signedIn(target, 'owner@example.com');
    const content = creditContent('pd-c', 'Consumer lending');
    const id0 = content.sections[0];
    if (id0?.kind === 'identification') id0.riskTier = 3;
    const id = await submit(owner, 'pd-c', content);
    const a = await owner.post(`/api/packages/${id}/risk-assessments`, { answers: riskAnswers({ fairness: { likelihood: 3, impact: 3, controls: 'partial' } }) });
    expectStatus(a, 201);
    expect(a.body).toMatchObject({ proposal: true });
    const detail = (await owner.get(`/api/packages/${id}`)).body as { governance?: { blockers?: { kind: string }[] } };
    expect(JSON.stringify(detail)).toContain('risk_assessment_missing');
    const result = await approveChain(target, id);
    expect(result.replies.every((s) => s === 409 || s === 422)).toBe(true);
    expect(result.status).not.toBe('approved');
  });

  it("the legitimate paths: model risk's re-assessment decides a laxer tier; a laxer tier the owner asks for on model risk's assessment applies once model risk confirms it", async () => {
    target = await sqliteTarget();
    const owner = await signedIn(target, 'owner@example.com');
    // The model risk officer who assesses and confirms is not the one who approves (0174).
    const mr = await signedIn(target, 'risk-tiering@example.com');
    const id = await submit(owner, 'pd-legit', creditContent('pd-legit', 'Consumer lending', approvableCreditContent('1.0')));
    const template = async () => ((await owner.get(`/api/packages/${id}`)).body as { template: { key: string } }).template.key;
    expectStatus(await mr.post(`/api/packages/${id}/risk-assessments`, { answers: highRisk }), 201);
    expect(await template()).toBe('consumer-credit');
    // Model risk re-assesses: tier 4 applies, and the workflow (nobody has decided yet) follows.
    expectStatus(await mr.post(`/api/packages/${id}/risk-assessments`, { answers: riskAnswers() }), 201);
    expect(await template()).toBe('tier-4');
    // Model risk again at tier 1; the owner proposes tier 2, then asks for tier 3 with a reason on
    // model risk's assessment (not on the proposal, 0172); model risk confirms.
    expectStatus(await mr.post(`/api/packages/${id}/risk-assessments`, { answers: highRisk }), 201);
    expect(await template()).toBe('consumer-credit');
    expectStatus(await owner.post(`/api/packages/${id}/risk-assessments`, { answers: riskAnswers({ fairness: { likelihood: 4, impact: 4, controls: 'partial' } }) }), 201);
    expect(await template()).toBe('consumer-credit');
    expectStatus(await owner.post(`/api/packages/${id}/risk-assessments/3/override`, { tier: 3, reason: 'Scores only a pilot portfolio.', role: 'model_owner' }), 201);
    expect(await template()).toBe('consumer-credit');
    expectStatus(await mr.post(`/api/packages/${id}/risk-assessments/3/override/confirmation`, { role: 'model_risk' }), 200);
    expect(await template()).toBe('tier-2-3');
    const result = await approveChain(target, id);
    expect(result.replies).toEqual([201, 201, 201]);
    expect(result.status).toBe('approved');
  });
});

describe('the tier listed is the tier enforced (0165)', () => {
  async function overriddenThenReassessed(t: Target, reassessor: 'owner@example.com' | 'model-risk@example.com') {
    const owner = await signedIn(t, 'owner@example.com');
    const mr = await signedIn(t, 'model-risk@example.com');
    const id = await submit(owner, 'pd-e', creditContent('pd-e', 'Mortgages', approvableCreditContent('1.0')));
    // Model risk's assessment 1 computes tier 2; the owner asks for tier 1, model risk confirms.
    expectStatus(await mr.post(`/api/packages/${id}/risk-assessments`, { answers: riskAnswers({ fairness: { likelihood: 4, impact: 4, controls: 'partial' } }) }), 201);
    expectStatus(await owner.post(`/api/packages/${id}/risk-assessments/1/override`, { tier: 1, reason: 'Customer-facing credit decisions.', role: 'model_owner' }), 201);
    expectStatus(await mr.post(`/api/packages/${id}/risk-assessments/1/override/confirmation`, { role: 'model_risk' }), 200);
    // Assessment 2 computes tier 4: the confirmed stricter override still holds.
    expectStatus(await (await signedIn(t, reassessor)).post(`/api/packages/${id}/risk-assessments`, { answers: riskAnswers() }), 201);
    return id;
  }

  for (const reassessor of ['owner@example.com', 'model-risk@example.com'] as const) {
    it(`E: after a confirmed stricter override and a laxer assessment by ${reassessor}, clients sign tier 1 and an approval and a rejection go through`, async () => {
      target = await sqliteTarget();
      const id = await overriddenThenReassessed(target, reassessor);
      const dg = await signedIn(target, 'data-governance@example.com');
      const approval = await payloadFor(dg, { packageId: id, versionNumber: 1, stepKey: 'data_governance', role: 'data_governance', decision: 'approve', signer: await me(dg) });
      expect(approval.governance?.riskAssessment).toMatchObject({ tier: 1 });
      expectStatus(await sign(dg, approval), 201);
      const mr = await signedIn(target, 'model-risk@example.com');
      const rejection = await payloadFor(mr, { packageId: id, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision: 'reject', reason: 'Calibration drifts.', concerns: [{ sectionKey: 'evaluation', concern: 'Calibration drifts.', requiredChange: 'Recalibrate.' }] as never, signer: await me(mr) });
      expectStatus(await sign(mr, rejection), 201);
    });
  }
});

describe('reasons made of invisible characters (0165)', () => {
  const invisible = '\u200b\u2060\u3164 \u200d';
  const pointersOf = (reply: { body: unknown }) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);

  it('are refused 422 at their field for a tier override, a rollback, a delegation and a signed rejection; nothing is stored', async () => {
    target = await sqliteTarget();
    const mr = await signedIn(target, 'model-risk@example.com');
    const clinical = 'pkg_clinical_deterioration_risk';
    const n = ((await mr.get(`/api/packages/${clinical}/risk-assessments`)).body as { items: unknown[] }).items.length;
    // Model risk re-assesses rather than asking (0167): privacy asks.
    const override = await (await signedIn(target, 'privacy@example.com')).post(`/api/packages/${clinical}/risk-assessments/${n}/override`, { tier: 2, reason: invisible, role: 'privacy' });
    expectStatus(override, 422);
    expect(pointersOf(override)).toEqual(['/reason']);
    expect(((await mr.get(`/api/packages/${clinical}/risk-assessments`)).body as { items: { override: unknown }[] }).items.at(-1)?.override).toBeNull();

    const committee = await signedIn(target, 'committee@example.com');
    const rollback = await committee.post('/api/packages/pkg_card_fraud_detection/rollback', { role: 'committee', reason: invisible.repeat(4) });
    expectStatus(rollback, 422);
    expect(pointersOf(rollback)).toEqual(['/reason']);

    const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    const delegation = await mr.post('/api/delegations', { role: 'model_risk', delegateId: 'usr_fair_lending', reason: invisible, startsAt: at(1), endsAt: at(48) });
    expectStatus(delegation, 422);
    expect(pointersOf(delegation)).toEqual(['/reason']);

    const dg = await signedIn(target, 'data-governance@example.com');
    const owner = await signedIn(target, 'owner@example.com');
    const id = await submit(owner, 'pd-reason', creditContent('pd-reason', 'Mortgages', approvableCreditContent('1.0')));
    const rejection = await payloadFor(dg, { packageId: id, versionNumber: 1, stepKey: 'data_governance', role: 'data_governance', decision: 'reject', reason: invisible, concerns: [{ sectionKey: 'training_data', concern: 'Lineage incomplete.', requiredChange: 'List the sources.' }] as never, signer: await me(dg) });
    const signed = await sign(dg, rejection);
    expectStatus(signed, 422);
    expect(pointersOf(signed)).toContain('/payload/reason');
    expect(((await owner.get(`/api/packages/${id}`)).body as { decisions: unknown[] }).decisions).toEqual([]);
  });
});

describe('odd inputs', () => {
  it('F: emergency approval is refused by the governance gate on a flagged package', async () => {
    target = await sqliteTarget();
    const { id } = await failingCreditAssessedTierOne(target, 'pd-f');
    const committee = await signedIn(target, 'committee@example.com');
    const base = await payloadFor(committee, { packageId: id, versionNumber: 1, stepKey: '@emergency', role: 'committee', decision: 'emergency_approve', signer: await me(committee) });
    const reply = await sign(committee, { ...base, emergency: { justification: 'Production outage: the old model is down.', incidentRef: 'INC-4821' } });
    expect(reply.status).toBe(409);
  });

  it('H3 (second review): a new version cannot move the package to another business line; nothing is stored', async () => {
    target = await sqliteTarget();
    const owner = await signedIn(target, 'owner@example.com');
    const id = await submit(owner, 'retail-move', creditContent('retail-move', 'Mortgages'));
    const moved = creditContent('retail-move', 'Consumer lending');
    const reply = await owner.post(`/api/packages/${id}/versions`, { content: moved, answers: [] });
    expect(reply.status).toBe(422);
    expect((reply.body as { errors: { pointer: string; code?: string }[] }).errors).toContainEqual(expect.objectContaining({ pointer: '/content/sections/0/businessLine', code: 'business_line_changed' }));
    expect(((await owner.get(`/api/packages/${id}`)).body as { versions: unknown[] }).versions).toHaveLength(1);
    // Another spelling of the same line is the same line: refused for the package's state, not its line.
    const respelled = await owner.post(`/api/packages/${id}/versions`, { content: creditContent('retail-move', 'mortgages'), answers: [] });
    expect((respelled.body as { errors?: { code?: string }[] }).errors?.some((e) => e.code === 'business_line_changed') ?? false).toBe(false);
  });
});
