import { expect } from 'vitest';
import { clinicalRiskV1 } from '#demo/clinical-risk.ts';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { packageDetailSchema } from '#domain/contracts/packages.ts';
import { riskAssessmentListSchema, riskAssessmentSchema, riskCategories, type CategoryAssessment } from '#domain/contracts/risk-assessment.ts';
import type { Client, Reply, Target } from './client.ts';
import type { Role } from '#domain/contracts/roles.ts';
import type { Scenario } from './scenarios.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';
import { signedGovernance } from '#domain/policy/signed-governance.ts';
import { signedDecisionSchema } from '#domain/contracts/signatures.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { retailCreditPdV2 } from '#demo/retail-credit-pd.ts';
import { packageVersionSchema } from '#domain/contracts/packages.ts';

// Risk tiering by a versioned method against the mocks, SQLite and PostgreSQL (decision record
// 0106): the assessment is scored on the server by the method version it names, an override
// applies only once model risk management confirms it (0167), and the tier selects the
// workflow (after a decision only a stricter one: tier-chain-scenarios.ts).

const clinical = 'pkg_clinical_deterioration_risk';
/** A template's hash in an audit entry (0167). */
const anyHash: unknown = expect.stringMatching(/^[0-9a-f]{64}$/);

const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);

/** Every category at likelihood 2, impact 2, no controls (residual 4), except those given. */
export function riskAnswers(overrides: Partial<Record<CategoryAssessment['category'], Partial<CategoryAssessment>>> = {}): CategoryAssessment[] {
  return riskCategories.map((category) => ({ category, likelihood: 2, impact: 2, controls: 'none', rationale: `Assessed ${category}.`, ...overrides[category] }));
}

/** Fairness at 4 x 4 with partial controls: residual 12, tier 2 by the standard risk matrix. */
const tierTwo = riskAnswers({ fairness: { likelihood: 4, impact: 4, controls: 'partial' } });

async function assessmentsOf(client: Client, packageId: string) {
  const reply = await client.get(`/api/packages/${packageId}/risk-assessments`);
  expectStatus(reply, 200);
  return riskAssessmentListSchema.parse(reply.body);
}

/** The number the next assessment of a package takes (the demo world assessed each of its packages once). */
async function nextNumber(client: Client, packageId: string): Promise<number> {
  return (await assessmentsOf(client, packageId)).items.length + 1;
}

async function detailOf(client: Client, packageId: string) {
  return packageDetailSchema.parse((await client.get(`/api/packages/${packageId}`)).body);
}

/** A new tier 1 clinical package of the owner's, on which no one has decided yet. */
async function freshPackage(owner: Client): Promise<string> {
  const content = structuredClone(clinicalRiskV1);
  const [id] = content.sections;
  if (id?.kind !== 'identification') throw new Error('identification first');
  id.modelKey = 'sepsis-early-warning';
  id.versionLabel = '1.0';
  const reply = await owner.post('/api/packages', { modelKey: 'sepsis-early-warning', versionLabel: '1.0', content });
  expectStatus(reply, 201);
  return (reply.body as { package: { id: string } }).package.id;
}

async function addUser(target: Target, user: { id: string; email: string; displayName: string; roles: Role[] }) {
  const { passwordHash } = (await target.store.findUserByEmail('privacy@example.com')) ?? { passwordHash: '' };
  await target.store.insertUser({ ...user, title: 'Reviewer', passwordHash });
}

export const riskAssessmentScenarios: Scenario[] = [
  {
    name: "risk tiering: an assessment is scored by the method version and kept; the owner's own is a proposal, model risk's re-selects the workflow before any decision",
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const elena = await signedIn(target, 'model-risk@example.com');
      const admin = await signedIn(target, 'admin@example.com');
      const id = await freshPackage(owner);
      expect(await detailOf(owner, id)).toMatchObject({ riskTier: 1, template: { key: 'tier-1' } });
      expect((await assessmentsOf(owner, id)).items).toEqual([]);
      const assessedAudit = async () => auditPageSchema.parse((await admin.get('/api/audit?action=risk.assessed')).body).items.filter((e) => e.subject === id).map((e) => e.after);

      // The owner's answers: kept and listed as a proposal; tier, workflow and policy stay (0165).
      const proposed = await owner.post(`/api/packages/${id}/risk-assessments`, { answers: tierTwo });
      expectStatus(proposed, 201);
      const proposal = riskAssessmentSchema.parse(proposed.body);
      expect(proposal).toMatchObject({ number: 1, method: { key: 'standard', version: 1, kind: 'risk_matrix' }, score: 12, computedTier: 2, effectiveTier: 2, override: null, proposal: true, assessedBy: { id: 'usr_owner' } });
      expect(proposal.scores.find((s) => s.category === 'fairness')).toEqual({ category: 'fairness', inherent: 16, residual: 12 });
      expect(await detailOf(owner, id)).toMatchObject({ riskTier: 1, template: { key: 'tier-1' } });
      expect((await detailOf(owner, id)).governanceBlockers.map((b) => b.kind)).toEqual(['risk_assessment_missing']);
      expect(await assessedAudit()).toEqual([{ number: 1, method: { key: 'standard', version: 1 }, score: 12, computedTier: 2, proposal: true }]);

      // Model risk's assessment decides: the tier re-selects the workflow.
      const reply = await elena.post(`/api/packages/${id}/risk-assessments`, { answers: tierTwo });
      expectStatus(reply, 201);
      const assessment = riskAssessmentSchema.parse(reply.body);
      expect(assessment).toMatchObject({ number: 2, computedTier: 2, effectiveTier: 2, proposal: false, assessedBy: { id: 'usr_model_risk' } });
      const list = await assessmentsOf(owner, id);
      expect(list.method).toMatchObject({ key: 'standard', version: 1 });
      expect(list.items).toEqual([proposal, assessment]);
      expect(await detailOf(owner, id)).toMatchObject({ riskTier: 2, template: { key: 'tier-2-3' }, governanceBlockers: [] });
      expect((await assessedAudit()).at(-1)).toEqual({ number: 2, method: { key: 'standard', version: 1 }, score: 12, computedTier: 2, template: { key: 'tier-2-3', version: 1, tier: 2, hash: anyHash } });

      // A reassessment is the next number; the earlier ones stay as they were.
      const again = await elena.post(`/api/packages/${id}/risk-assessments`, { answers: riskAnswers() });
      expectStatus(again, 201);
      expect(riskAssessmentSchema.parse(again.body)).toMatchObject({ number: 3, score: 4, computedTier: 4 });
      expect((await assessmentsOf(owner, id)).items.map((a) => [a.number, a.computedTier, a.proposal])).toEqual([[1, 2, true], [2, 2, false], [3, 4, false]]);
      expect(await detailOf(owner, id)).toMatchObject({ riskTier: 4, template: { key: 'tier-4' } });
    },
  },
  {
    name: 'risk tiering: an answer out of range, a category missing or twice, an override without a (visible) reason are refused at their field; nothing is stored',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const before = (await assessmentsOf(owner, clinical)).items;
      const n = before.length + 1;
      const outOfRange = await owner.post(`/api/packages/${clinical}/risk-assessments`, { answers: riskAnswers({ privacy: { likelihood: 6 }, security: { impact: 0 } }) });
      expectStatus(outOfRange, 422);
      expect(outOfRange.contentType).toMatch(/application\/problem\+json/);
      expect(pointers(outOfRange).sort()).toEqual(['/answers/2/impact', '/answers/3/likelihood']);
      const missing = await owner.post(`/api/packages/${clinical}/risk-assessments`, { answers: riskAnswers().slice(1) });
      expectStatus(missing, 422);
      expect(pointers(missing)).toEqual(['/answers']);
      const twice = riskAnswers({ data: { category: 'model_quality' } });
      const doubled = await owner.post(`/api/packages/${clinical}/risk-assessments`, { answers: twice });
      expectStatus(doubled, 422);
      expect(pointers(doubled)).toEqual(['/answers/1/category']);
      expect((await assessmentsOf(owner, clinical)).items).toEqual(before);

      // Another tier is asked for on model risk's assessment, not on the owner's proposal (0172).
      const elena = await signedIn(target, 'model-risk@example.com');
      expectStatus(await elena.post(`/api/packages/${clinical}/risk-assessments`, { answers: tierTwo }), 201);
      // Invisible characters are no reason either (0165): trim() keeps a zero-width space.
      for (const reason of ['', '   ', '\u200b\u2060', '\u3164 \u200d']) {
        const noReason = await owner.post(`/api/packages/${clinical}/risk-assessments/${n}/override`, { tier: 1, reason, role: 'model_owner' });
        expectStatus(noReason, 422);
        expect(pointers(noReason)).toEqual(['/reason']);
      }
      const notHeld = await owner.post(`/api/packages/${clinical}/risk-assessments/${n}/override`, { tier: 1, reason: 'Patient safety.', role: 'privacy' });
      expectStatus(notHeld, 422);
      expect(pointers(notHeld)).toEqual(['/role']);
      const sameTier = await owner.post(`/api/packages/${clinical}/risk-assessments/${n}/override`, { tier: 2, reason: 'Patient safety.', role: 'model_owner' });
      expectStatus(sameTier, 422);
      expect(pointers(sameTier)).toEqual(['/tier']);
      expect((await assessmentsOf(owner, clinical)).items.at(-1)?.override).toBeNull();
    },
  },
  {
    name: 'risk tiering (M2): an override applies only once model risk management confirms it; not another reviewer, not the requester, not the owner; nothing stored on refusal',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const elena = await signedIn(target, 'model-risk@example.com');
      const admin = await signedIn(target, 'admin@example.com');
      await addUser(target, { id: 'usr_privacy_risk', email: 'privacy-risk@example.com', displayName: 'Priya Raman', roles: ['privacy', 'model_risk'] });
      const privacyRisk = await signedIn(target, 'privacy-risk@example.com');
      const privacy = await signedIn(target, 'privacy@example.com');
      const committee = await signedIn(target, 'committee@example.com');

      const n = await nextNumber(owner, clinical);
      expectStatus(await elena.post(`/api/packages/${clinical}/risk-assessments`, { answers: tierTwo }), 201);
      const requested = await privacy.post(`/api/packages/${clinical}/risk-assessments/${n}/override`, { tier: 1, reason: 'Bedside alerts for deteriorating patients: critical whatever the controls.', role: 'privacy' });
      expectStatus(requested, 201);
      expect(riskAssessmentSchema.parse(requested.body)).toMatchObject({ computedTier: 2, effectiveTier: 2, override: { tier: 1, requestedBy: { id: 'usr_privacy', role: 'privacy' }, confirmedBy: null } });
      expectStatus(await privacy.post(`/api/packages/${clinical}/risk-assessments/${n}/override`, { tier: 3, reason: 'Changed my mind.', role: 'privacy' }), 409);

      // Any other reviewer role confirmed before 0167: now only model risk management does.
      expectStatus(await privacy.post(`/api/packages/${clinical}/risk-assessments/${n}/override/confirmation`, { role: 'privacy' }), 403);
      expectStatus(await committee.post(`/api/packages/${clinical}/risk-assessments/${n}/override/confirmation`, { role: 'committee' }), 403);
      expectStatus(await owner.post(`/api/packages/${clinical}/risk-assessments/${n}/override/confirmation`, { role: 'model_owner' }), 403);
      // Someone who also holds model risk, confirming in another role, is refused at the role.
      const otherRole = await privacyRisk.post(`/api/packages/${clinical}/risk-assessments/${n}/override/confirmation`, { role: 'privacy' });
      expectStatus(otherRole, 422);
      expect(pointers(otherRole)).toEqual(['/role']);
      expect((await assessmentsOf(owner, clinical)).items.at(-1)).toMatchObject({ effectiveTier: 2, override: { confirmedBy: null } });
      expect(auditPageSchema.parse((await admin.get('/api/audit?action=risk.override_confirmed')).body).items.filter((e) => e.subject === clinical)).toEqual([]);

      const confirmed = await elena.post(`/api/packages/${clinical}/risk-assessments/${n}/override/confirmation`, { role: 'model_risk' });
      expectStatus(confirmed, 200);
      expect(riskAssessmentSchema.parse(confirmed.body)).toMatchObject({ computedTier: 2, effectiveTier: 1, override: { tier: 1, confirmedBy: { id: 'usr_model_risk', role: 'model_risk' } } });
      expectStatus(await elena.post(`/api/packages/${clinical}/risk-assessments/${n}/override/confirmation`, { role: 'model_risk' }), 409);
      // Data governance decided a step already; tier 1 is the chain's own tier: nothing to move.
      expect(await detailOf(owner, clinical)).toMatchObject({ riskTier: 1, template: { key: 'tier-1' } });

      const audit = auditPageSchema.parse((await admin.get('/api/audit?action=risk.override_confirmed')).body);
      expect(audit.items.find((e) => e.subject === clinical)?.after).toEqual({ number: n, tier: 1, role: 'model_risk' });
    },
  },
  {
    name: 'risk tiering (M2): an owner who also holds model risk asks only as the owner and never confirms on their own package; model risk re-assesses instead of asking; the requester and an administrator never confirm',
    async run(target) {
      await target.store.setUserRoles('usr_owner', ['model_owner', 'model_risk']);
      const owner = await signedIn(target, 'owner@example.com');
      const elena = await signedIn(target, 'model-risk@example.com');
      await addUser(target, { id: 'usr_risk_admin', email: 'risk-admin@example.com', displayName: 'Sam Okafor', roles: ['model_risk', 'admin'] });
      const admin = await signedIn(target, 'risk-admin@example.com');
      await addUser(target, { id: 'usr_privacy_risk', email: 'privacy-risk@example.com', displayName: 'Priya Raman', roles: ['privacy', 'model_risk'] });
      const privacyRisk = await signedIn(target, 'privacy-risk@example.com');
      const fresh = await freshPackage(owner);

      // The owner's assessment is a proposal, whichever roles they hold (0165).
      const proposed = await owner.post(`/api/packages/${fresh}/risk-assessments`, { answers: tierTwo });
      expectStatus(proposed, 201);
      expect(riskAssessmentSchema.parse(proposed.body)).toMatchObject({ proposal: true });
      // As model risk on their own package: refused at the role, nothing stored.
      const asModelRisk = await owner.post(`/api/packages/${fresh}/risk-assessments/1/override`, { tier: 1, reason: 'Bedside alerts: critical whatever the controls.', role: 'model_risk' });
      expectStatus(asModelRisk, 422);
      expect(pointers(asModelRisk)).toEqual(['/role']);
      expect((await assessmentsOf(owner, fresh)).items.at(-1)?.override).toBeNull();
      // Model risk management records an assessment; it does not ask for an override.
      expectStatus(await elena.post(`/api/packages/${fresh}/risk-assessments/1/override`, { tier: 1, reason: 'Bedside alerts: critical whatever the controls.', role: 'model_risk' }), 403);

      // Not on their own proposal (0172): it decides no tier, so an override on it is refused.
      const onProposal = await owner.post(`/api/packages/${fresh}/risk-assessments/1/override`, { tier: 1, reason: 'Bedside alerts: critical whatever the controls.', role: 'model_owner' });
      expectStatus(onProposal, 422);
      expect((onProposal.body as { errors: { code?: string }[] }).errors.map((e) => e.code)).toEqual(['proposal_not_overridable']);
      expectStatus(await elena.post(`/api/packages/${fresh}/risk-assessments`, { answers: tierTwo }), 201);
      expectStatus(await owner.post(`/api/packages/${fresh}/risk-assessments/2/override`, { tier: 1, reason: 'Bedside alerts: critical whatever the controls.', role: 'model_owner' }), 201);
      // The owner holding model risk does not confirm on their own package; an administrator does not judge risk.
      expectStatus(await owner.post(`/api/packages/${fresh}/risk-assessments/2/override/confirmation`, { role: 'model_risk' }), 403);
      const asAdmin = await admin.post(`/api/packages/${fresh}/risk-assessments/2/override/confirmation`, { role: 'admin' });
      expectStatus(asAdmin, 422);
      expect(pointers(asAdmin)).toEqual(['/role']);
      expect((await assessmentsOf(owner, fresh)).items.at(-1)?.override?.confirmedBy).toBeNull();
      expectStatus(await elena.post(`/api/packages/${fresh}/risk-assessments/2/override/confirmation`, { role: 'model_risk' }), 200);
      expect(await detailOf(owner, fresh)).toMatchObject({ riskTier: 1, template: { key: 'tier-1' } });

      // The owner alone records a low-risk assessment: the two-person tier 1 still holds.
      const low = await owner.post(`/api/packages/${fresh}/risk-assessments`, { answers: riskAnswers() });
      expectStatus(low, 201);
      expect(riskAssessmentSchema.parse(low.body).computedTier).toBeGreaterThan(1);
      expect(await detailOf(owner, fresh)).toMatchObject({ riskTier: 1, template: { key: 'tier-1' } });
      // One who asked (as privacy) cannot confirm their own request as model risk.
      expectStatus(await elena.post(`/api/packages/${fresh}/risk-assessments`, { answers: tierTwo }), 201);
      expectStatus(await privacyRisk.post(`/api/packages/${fresh}/risk-assessments/4/override`, { tier: 1, reason: 'Still critical.', role: 'privacy' }), 201);
      expectStatus(await privacyRisk.post(`/api/packages/${fresh}/risk-assessments/4/override/confirmation`, { role: 'model_risk' }), 403);
      expectStatus(await owner.post(`/api/packages/${fresh}/risk-assessments/4/override/confirmation`, { role: 'model_risk' }), 403);
      expect((await assessmentsOf(owner, fresh)).items.at(-1)?.override?.confirmedBy).toBeNull();
    },
  },
  {
    name: 'risk tiering: two confirmations of one override at once, one is taken and the other refused',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const elena = await signedIn(target, 'model-risk@example.com');
      await addUser(target, { id: 'usr_model_risk_2', email: 'model-risk-2@example.com', displayName: 'Priya Raman', roles: ['model_risk'] });
      const colleague = await signedIn(target, 'model-risk-2@example.com');
      const n = await nextNumber(owner, clinical);
      expectStatus(await elena.post(`/api/packages/${clinical}/risk-assessments`, { answers: tierTwo }), 201);
      expectStatus(await owner.post(`/api/packages/${clinical}/risk-assessments/${n}/override`, { tier: 1, reason: 'Patient safety.', role: 'model_owner' }), 201);
      const replies = await Promise.all([
        elena.post(`/api/packages/${clinical}/risk-assessments/${n}/override/confirmation`, { role: 'model_risk' }),
        colleague.post(`/api/packages/${clinical}/risk-assessments/${n}/override/confirmation`, { role: 'model_risk' }),
      ]);
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
      const only = (await assessmentsOf(owner, clinical)).items.at(-1);
      expect(only?.override?.confirmedBy?.id).toBe(replies[0].status === 200 ? 'usr_model_risk' : 'usr_model_risk_2');
    },
  },
  {
    name: 'signed governance: a decision signs the risk tier and method version that apply; one naming another tier is refused and nothing is stored',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const elena = await signedIn(target, 'model-risk@example.com');
      const n = await nextNumber(owner, clinical);
      // Assessed by her colleague: whoever set the tier does not approve (0174).
      expectStatus(await (await signedIn(target, 'risk-tiering@example.com')).post(`/api/packages/${clinical}/risk-assessments`, { answers: tierTwo }), 201);
      const draft = { packageId: clinical, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk' as const, decision: 'approve' as const, signer: accounts.elena };
      const applied = await signedGovernance(null, { number: n, method: { key: 'standard', version: 1 }, tier: 2 });
      expect(applied).toEqual({ policy: null, riskAssessment: { number: n, method: { key: 'standard', version: 1 }, tier: 2 } });

      const stale = await sign(elena, { ...(await payloadFor(elena, draft)), governance: { ...applied, riskAssessment: { number: n, method: { key: 'standard', version: 1 }, tier: 1 } } });
      expectStatus(stale, 409);
      expect((stale.body as { detail: string }).detail).toMatch(/risk tier .*tier 2 by standard version 1/);
      expect((await detailOf(elena, clinical)).decisions.filter((d) => d.stepKey === 'model_risk')).toEqual([]);

      expectStatus(await sign(elena, { ...(await payloadFor(elena, draft)), governance: applied }), 201);
      const decision = signedDecisionSchema.parse((await detailOf(elena, clinical)).decisions.find((d) => d.stepKey === 'model_risk'));
      expect(decision.signature?.payload.governance).toEqual(applied);
    },
  },
  {
    name: 'signed governance: the policy version and a digest of the check the signed version passed are in the payload; another digest is refused',
    async run(target) {
      const retail = 'pkg_retail_credit_pd';
      const dana = await signedIn(target, 'fair-lending@example.com');
      const evaluation = packageVersionSchema.parse((await dana.get(`/api/packages/${retail}/versions/2`)).body).policy;
      expect(evaluation?.policy).toMatchObject({ key: 'consumer-credit', version: 1 });
      const [assessment] = (await assessmentsOf(dana, retail)).items;
      const applied = await signedGovernance(evaluation, assessment ? { number: assessment.number, method: assessment.method, tier: assessment.effectiveTier } : null);
      expect(applied.policy).toEqual({ key: 'consumer-credit', version: 1, evaluationDigest: await sha256Hex(canonicalize(evaluation)) });
      const steps = (await detailOf(dana, retail)).steps;
      const step = steps.find((s) => s.status === 'active');
      if (step?.role !== 'fair_lending') throw new Error(`The retail credit package waits for ${step?.role ?? 'nobody'}, not fair lending`);
      const draft = { packageId: retail, versionNumber: 2, stepKey: step.key, role: 'fair_lending' as const, decision: 'approve' as const, signer: accounts.dana };
      const forged = await sign(dana, { ...(await payloadFor(dana, draft)), governance: { ...applied, policy: { key: 'consumer-credit', version: 1, evaluationDigest: await sha256Hex(canonicalize(retailCreditPdV2)) } } });
      expectStatus(forged, 409);
      expect((forged.body as { detail: string }).detail).toMatch(/policy check .*policy consumer-credit version 1/);
      expectStatus(await sign(dana, { ...(await payloadFor(dana, draft)), governance: applied }), 201);
    },
  },
];
