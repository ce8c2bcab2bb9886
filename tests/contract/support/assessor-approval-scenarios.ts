import { expect } from 'vitest';
import { packageDetailSchema, packageListSchema } from '#domain/contracts/packages.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import type { DecisionKind } from '#domain/contracts/decisions.ts';
import type { Client, Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';
import { riskAnswers } from './risk-assessment-scenarios.ts';
import { approvedThroughModelRisk, declaredTierThree } from './tier-chain-scenarios.ts';

// Segregation of duties on the tier (docs/decisions/0174), replaying the adversary's finding: one
// model risk officer assessed a package low (tier 4) and was then the sole approver of the tier 4
// chain. Whoever set the tier in effect (recorded the applied assessment, or confirmed its
// override) does not approve the package; another model risk officer does. Rejecting stays open.
// Against the mocks, SQLite and PostgreSQL.

/** Every category 2 x 2, no controls: residual 4, tier 4. */
const tierFour = riskAnswers();
/** Fairness 3 x 3, no controls: residual 9, tier 3. */
const tierThree = riskAnswers({ fairness: { likelihood: 3, impact: 3 } });

async function me(c: Client) {
  const { user } = (await c.get('/api/session')).body as { user: { id: string; displayName: string; title: string } };
  return { id: user.id, displayName: user.displayName, title: user.title };
}

async function detailOf(client: Client, id: string) {
  return packageDetailSchema.parse((await client.get(`/api/packages/${id}`)).body);
}

/** Signs the tier 4 chain's only step, as the sign dialog builds it. */
async function decideModelRisk(c: Client, id: string, decision: DecisionKind) {
  const extra =
    decision === 'reject'
      ? { reason: 'The holdout is not named.', concerns: [{ sectionKey: 'evaluation', concern: 'The holdout is not named.', requiredChange: 'Name the holdout and its dates.' }] }
      : decision === 'approve_with_conditions'
        ? { reason: 'Adequate for a pilot.', conditions: { scope: 'Pilot branches only', reReviewOn: '2027-06-30', text: 'Quarterly report.' } }
        : {};
  return sign(c, await payloadFor(c, { packageId: id, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision, signer: await me(c), ...extra }));
}

/** A declared tier 3 package that `assessor` (a model risk officer) assesses at tier 4: the tier 4 chain, one model risk step. */
async function assessedTierFour(target: Target, modelKey: string, assessor: Client) {
  const owner = await signedIn(target, 'owner@example.com');
  const id = await declaredTierThree(owner, modelKey);
  expectStatus(await assessor.post(`/api/packages/${id}/risk-assessments`, { answers: tierFour }), 201);
  expect(await detailOf(owner, id)).toMatchObject({ riskTier: 4, template: { key: 'tier-4' } });
  return { owner, id };
}

async function expectAssessorRefused(c: Client, owner: Client, id: string, decision: DecisionKind) {
  const refused = await decideModelRisk(c, id, decision);
  expectStatus(refused, 403);
  expect(refused.body).toMatchObject({ type: problemTypes.assessorCannotApprove, status: 403 });
  expect((refused.body as { detail: string }).detail).toContain('segregation of duties');
  // Nothing stored: no decision, the step still active.
  const after = await detailOf(owner, id);
  expect(after.decisions.filter((d) => d.decision === decision)).toEqual([]);
  expect(after.steps.map((s) => [s.key, s.status])).toEqual([['model_risk', 'active']]);
}

/** The ids in one inbox tab of `c`, as the server selects it (SQL on SQLite and PostgreSQL). */
async function tabIds(c: Client, tab: string): Promise<string[]> {
  const list = packageListSchema.parse((await c.get(`/api/packages?tab=${tab}&limit=200&count=true`)).body);
  expect(list.total).toBe(list.items.length);
  return list.items.map((p) => p.id);
}

export const assessorApprovalScenarios: Scenario[] = [
  {
    name: "assessor cannot approve (0174, 0183): the package does not await its tier setter's decision in the inbox; it awaits the other model risk officer's",
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const tomas = await signedIn(target, 'risk-tiering@example.com');
      const { owner, id } = await assessedTierFour(target, 'pd-sod-inbox', elena);
      // Elena set the tier: her step, but not her decision to take.
      expect(await tabIds(elena, 'awaiting')).not.toContain(id);
      expect(await tabIds(elena, 'waiting')).toContain(id);
      expect(await tabIds(tomas, 'awaiting')).toContain(id);
      expect(await tabIds(tomas, 'waiting')).not.toContain(id);

      // Tomás re-assesses at tier 4: Elena's assessment no longer applies, so it awaits her and not him.
      expectStatus(await tomas.post(`/api/packages/${id}/risk-assessments`, { answers: tierFour }), 201);
      expect((await detailOf(owner, id)).tierSetBy).toEqual([(await me(tomas)).id]);
      expect(await tabIds(elena, 'awaiting')).toContain(id);
      expect(await tabIds(elena, 'waiting')).not.toContain(id);
      expect(await tabIds(tomas, 'awaiting')).not.toContain(id);
      expect(await tabIds(tomas, 'waiting')).toContain(id);
    },
  },
  {
    name: "assessor cannot approve (0174, 0186): a delegate acting for the tier's setter is not awaited either (the server refuses their approval); one acting for another officer, or holding the role, is",
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const tomas = await signedIn(target, 'risk-tiering@example.com');
      const { owner, id } = await assessedTierFour(target, 'pd-sod-delegate-inbox', elena);
      const week = { startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 7 * 24 * 3_600_000).toISOString() };
      // Dana (fair lending, no step of the tier 4 chain) acts for Elena in model risk.
      expectStatus(await elena.post('/api/delegations', { role: 'model_risk', delegateId: accounts.dana.id, reason: 'Annual leave', ...week }), 201);
      const dana = await signedIn(target, 'fair-lending@example.com');
      expect(await tabIds(dana, 'awaiting')).not.toContain(id);
      expect(await tabIds(dana, 'waiting')).toContain(id);
      // What the tab says is what signing says: her approval, as Elena's delegate, is refused.
      const refused = await sign(dana, await payloadFor(dana, { packageId: id, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision: 'approve', signer: accounts.dana }));
      expectStatus(refused, 403);
      expect(refused.body).toMatchObject({ type: problemTypes.assessorCannotApprove });
      expect((await detailOf(owner, id)).decisions).toEqual([]);

      // Tomás re-assesses: Elena no longer set the tier, so her delegate is awaited, and Tomás is not.
      expectStatus(await tomas.post(`/api/packages/${id}/risk-assessments`, { answers: tierFour }), 201);
      expect(await tabIds(dana, 'awaiting')).toContain(id);
      expect(await tabIds(dana, 'waiting')).not.toContain(id);
      expect(await tabIds(tomas, 'awaiting')).not.toContain(id);
      // Elena holds model risk herself: a delegation from the setter (Tomás) to her does not take it away.
      expectStatus(await tomas.post('/api/delegations', { role: 'model_risk', delegateId: accounts.elena.id, reason: 'Conference', ...week }), 201);
      expect(await tabIds(elena, 'awaiting')).toContain(id);
      expectStatus(await decideModelRisk(elena, id, 'approve'), 201);
      expect((await detailOf(owner, id)).status).toBe('approved');
    },
  },
  {
    name: 'assessor cannot approve (0174): the model risk officer who assessed tier 4 does not approve the tier 4 chain; another model risk officer does',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const { owner, id } = await assessedTierFour(target, 'pd-sod-tier4', elena);
      expect((await detailOf(owner, id)).tierSetBy).toEqual([(await me(elena)).id]);
      await expectAssessorRefused(elena, owner, id, 'approve');
      await expectAssessorRefused(elena, owner, id, 'approve_with_conditions');

      // Each refusal is in the audit log as a denied attempt, naming why.
      const denied = (await (await signedIn(target, 'admin@example.com')).get('/api/audit?action=access.denied')).body as { items: { actorId: string; after: { reason: string } }[] };
      expect(denied.items.filter((e) => e.actorId === 'usr_model_risk' && e.after.reason.includes('set the risk tier'))).toHaveLength(2);

      const tomas = await signedIn(target, 'risk-tiering@example.com');
      expectStatus(await decideModelRisk(tomas, id, 'approve'), 201);
      expect((await detailOf(owner, id)).status).toBe('approved');
    },
  },
  {
    name: 'assessor cannot approve (0174): the assessor may still reject the package they assessed',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const { owner, id } = await assessedTierFour(target, 'pd-sod-reject', elena);
      expectStatus(await decideModelRisk(elena, id, 'reject'), 201);
      expect((await detailOf(owner, id)).status).toBe('rejected');
    },
  },
  {
    name: "assessor cannot approve (0174): a new assessment by another officer hands the approval back; the override's confirmer is refused too",
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const tomas = await signedIn(target, 'risk-tiering@example.com');
      const owner = await signedIn(target, 'owner@example.com');
      const id = await declaredTierThree(owner, 'pd-sod-override');
      // Tomás assesses tier 3; data governance asks for tier 4 on it; Elena confirms: both set the tier.
      expectStatus(await tomas.post(`/api/packages/${id}/risk-assessments`, { answers: tierThree }), 201);
      const dg = await signedIn(target, 'data-governance@example.com');
      expectStatus(await dg.post(`/api/packages/${id}/risk-assessments/1/override`, { tier: 4, reason: 'An internal pilot with no customer decisions.', role: 'data_governance' }), 201);
      expectStatus(await elena.post(`/api/packages/${id}/risk-assessments/1/override/confirmation`, { role: 'model_risk' }), 200);
      expect(await detailOf(owner, id)).toMatchObject({ riskTier: 4, template: { key: 'tier-4' } });
      expect([...(await detailOf(owner, id)).tierSetBy].sort()).toEqual([(await me(elena)).id, (await me(tomas)).id].sort());
      await expectAssessorRefused(elena, owner, id, 'approve');
      await expectAssessorRefused(tomas, owner, id, 'approve');

      // Elena re-assesses at tier 4 herself: Tomás's assessment no longer applies, so he approves.
      expectStatus(await elena.post(`/api/packages/${id}/risk-assessments`, { answers: tierFour }), 201);
      expect((await detailOf(owner, id)).tierSetBy).toEqual([(await me(elena)).id]);
      await expectAssessorRefused(elena, owner, id, 'approve');
      expectStatus(await decideModelRisk(tomas, id, 'approve'), 201);
      expect((await detailOf(owner, id)).status).toBe('approved');
    },
  },
  {
    name: 'assessor cannot approve (0174, amended): whoever approved the latest version does not loosen its tier afterwards, by assessment or override confirmation',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const tomas = await signedIn(target, 'risk-tiering@example.com');
      const owner = await signedIn(target, 'owner@example.com');
      // Tomás assessed tier 3; data governance and Elena approved their steps of the tier 3 chain.
      const id = await approvedThroughModelRisk(target, owner, 'pd-sod-after');
      expect(await detailOf(owner, id)).toMatchObject({ riskTier: 3 });
      const assessments = async () => ((await owner.get(`/api/packages/${id}/risk-assessments`)).body as { items: unknown[] }).items.length;
      const counted = await assessments();
      // The attack: Elena, having approved, re-assesses laxer (tier 4).
      const laxer = await elena.post(`/api/packages/${id}/risk-assessments`, { answers: tierFour });
      expectStatus(laxer, 403);
      expect(laxer.body).toMatchObject({ type: problemTypes.approverCannotSetTier, status: 403 });
      expect(await assessments()).toBe(counted);
      expect(await detailOf(owner, id)).toMatchObject({ riskTier: 3 });
      // Nor confirms a laxer override someone else asked for on Tomás's assessment.
      const dg = await signedIn(target, 'data-governance@example.com');
      expectStatus(await dg.post(`/api/packages/${id}/risk-assessments/${counted}/override`, { tier: 4, reason: 'An internal pilot with no customer decisions.', role: 'data_governance' }), 201);
      const confirmed = await elena.post(`/api/packages/${id}/risk-assessments/${counted}/override/confirmation`, { role: 'model_risk' });
      expectStatus(confirmed, 403);
      expect(confirmed.body).toMatchObject({ type: problemTypes.approverCannotSetTier });
      expect(await detailOf(owner, id)).toMatchObject({ riskTier: 3 });
      // The same tier only restates it: open to her (a stricter one too, 0172).
      expectStatus(await elena.post(`/api/packages/${id}/risk-assessments`, { answers: tierThree }), 201);
      // Another officer, who approved nothing, may still loosen it.
      expectStatus(await tomas.post(`/api/packages/${id}/risk-assessments`, { answers: tierFour }), 201);
    },
  },
];
