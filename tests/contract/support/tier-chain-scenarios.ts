import { expect } from 'vitest';
import { approvableCreditContent } from '#demo/fresh-packages.ts';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { notificationListSchema } from '#domain/contracts/notifications.ts';
import { packageDetailSchema } from '#domain/contracts/packages.ts';
import type { Role } from '#domain/contracts/roles.ts';
import type { DecisionKind } from '#domain/contracts/decisions.ts';
import { origin, type Client, type Target } from './client.ts';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { verifyRecordText } from '#domain/evidence/verify-record.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';
import { riskAnswers } from './risk-assessment-scenarios.ts';

// The approval chain follows the tier that applies (docs/decisions/0167), replaying the adversary's
// finding H1 on 535c070: an owner declares tier 3 (the tier 2/3 chain, no fair lending), a step is
// decided, then model risk assesses tier 1. The package must move to the stricter chain; decisions
// on the steps both chains have stand, the added steps are pending, and a laxer tier never loosens
// the chain under way. Against the mocks, SQLite and PostgreSQL.

/** Fairness 5 x 5, no controls: residual 25, tier 1 by the standard risk matrix. */
export const tierOne = riskAnswers({ fairness: { likelihood: 5, impact: 5 } });
/** Fairness 3 x 3, no controls: residual 9, tier 3. */
export const tierThree = riskAnswers({ fairness: { likelihood: 3, impact: 3 } });

/** A second model risk officer, who records assessments the scenarios then approve as Elena. */
export const tieringAnalyst = 'risk-tiering@example.com';

const emails: Partial<Record<Role, string>> = { data_governance: 'data-governance@example.com', model_risk: 'model-risk@example.com', fair_lending: 'fair-lending@example.com', committee: 'committee@example.com', security: 'security@example.com' };

async function as(target: Target, role: Role): Promise<Client> {
  return signedIn(target, emails[role] ?? '');
}

async function me(c: Client) {
  const { user } = (await c.get('/api/session')).body as { user: { id: string; displayName: string; title: string } };
  return { id: user.id, displayName: user.displayName, title: user.title };
}

/** A new consumer credit package (approvable: it passes the consumer-credit policy) whose owner declares tier 3. */
export async function declaredTierThree(owner: Client, modelKey: string): Promise<string> {
  const content = approvableCreditContent('1.0');
  const id = content.sections[0];
  if (id?.kind !== 'identification') throw new Error('identification first');
  id.modelKey = modelKey;
  id.riskTier = 3;
  const reply = await owner.post('/api/packages', { modelKey, versionLabel: '1.0', content });
  expectStatus(reply, 201);
  return (reply.body as { package: { id: string } }).package.id;
}

/** A declared tier 3 package model risk assessed at tier 3, approved by data governance and model risk: security's step is active. */
export async function approvedThroughModelRisk(target: Target, owner: Client, modelKey: string): Promise<string> {
  const id = await declaredTierThree(owner, modelKey);
  // Assessed by a second model risk officer: whoever set the tier does not approve (0174).
  expectStatus(await (await signedIn(target, tieringAnalyst)).post(`/api/packages/${id}/risk-assessments`, { answers: tierThree }), 201);
  expectStatus(await decide(target, id, 'data_governance', 'data_governance'), 201);
  expectStatus(await decide(target, id, 'model_risk', 'model_risk'), 201);
  return id;
}

export async function detailOf(client: Client, id: string) {
  return packageDetailSchema.parse((await client.get(`/api/packages/${id}`)).body);
}

/** Signs a decision on a step as the holder of its role, as the sign dialog builds it (the governance it lists). */
export async function decide(target: Target, id: string, step: string, role: Role, decision: DecisionKind = 'approve', reason = '') {
  const c = await as(target, role);
  return sign(c, await payloadFor(c, { packageId: id, versionNumber: 1, stepKey: step, role, decision, reason, signer: await me(c) }));
}

export const stepsOf = async (c: Client, id: string) => (await detailOf(c, id)).steps.map((s) => [s.key, s.status]);

async function chainAudit(target: Target, id: string) {
  const admin = await signedIn(target, 'admin@example.com');
  return auditPageSchema.parse((await admin.get('/api/audit?action=package.chain_changed')).body).items.filter((e) => e.subject === id);
}

export async function verifiedRecordOf(target: Target, client: Client, id: string) {
  const headers = client.cookie ? { cookie: `${sessionCookieName}=${client.cookie}` } : undefined;
  const response = await target.fetch(new Request(`${origin}/api/packages/${id}/record`, { headers }));
  const text = await response.text();
  expect(response.status, text.slice(0, 500)).toBe(200);
  const keys = ((await client.get('/api/keys')).body as { keys: ServerKey[] }).keys;
  return { text, verdict: await verifyRecordText(text, { trustedKeys: keys }) };
}

export const tierChainScenarios: Scenario[] = [
  {
    name: "tier chain (H1): a step decided before model risk's first assessment does not freeze the declared tier's chain",
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const id = await declaredTierThree(owner, 'pd-h1-early');
      expect(await detailOf(owner, id)).toMatchObject({ riskTier: 3, template: { key: 'tier-2-3' } });

      // Data governance decides its step before any assessment: a clarification request.
      const dg = await as(target, 'data_governance');
      expectStatus(await dg.post(`/api/packages/${id}/threads`, { versionNumber: 1, sectionKey: 'training_data', kind: 'clarification', body: 'Which bureau snapshot is this?' }), 201);
      expectStatus(await decide(target, id, 'data_governance', 'data_governance', 'request_clarification', 'The bureau snapshot must be named.'), 201);

      // Model risk assesses tier 1: the package moves to the consumer credit chain, with fair lending.
      const elena = await as(target, 'model_risk');
      expectStatus(await elena.post(`/api/packages/${id}/risk-assessments`, { answers: tierOne }), 201);
      const after = await detailOf(owner, id);
      expect(after).toMatchObject({ riskTier: 1, template: { key: 'consumer-credit' } });
      expect(after.steps.map((s) => [s.key, s.status])).toEqual([['data_governance', 'clarification'], ['model_risk', 'waiting'], ['fair_lending', 'waiting'], ['committee', 'waiting']]);
      const audit = await chainAudit(target, id);
      const hash: unknown = expect.stringMatching(/^[0-9a-f]{64}$/);
      // `decided`: the one decision signed under the chain left, data governance's clarification request (0193).
      const decided = (await detailOf(owner, id)).decisions.map((d) => d.id);
      expect(decided).toHaveLength(1);
      expect(audit.map((e) => [e.before, e.after])).toEqual([[{ key: 'tier-2-3', version: 1, tier: 3, hash, decided }, { key: 'consumer-credit', version: 1, tier: 1, hash, assessment: 1, kept: ['data_governance', 'model_risk'], added: ['fair_lending', 'committee'], dropped: ['security'] }]]);
    },
  },
  {
    name: 'tier chain (H1): approvals signed under tier 3 stand on the steps the tier 1 chain shares; its added steps are pending and decide the approval; their holders are told',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const elena = await as(target, 'model_risk');
      const id = await approvedThroughModelRisk(target, owner, 'pd-h1-late');
      expect(await stepsOf(owner, id)).toEqual([['data_governance', 'approved'], ['model_risk', 'approved'], ['security', 'active']]);

      // Model risk re-assesses at tier 1: the chain moves, the two approvals stand.
      expectStatus(await elena.post(`/api/packages/${id}/risk-assessments`, { answers: tierOne }), 201);
      expect(await detailOf(owner, id)).toMatchObject({ riskTier: 1, template: { key: 'consumer-credit' }, status: 'in_review' });
      expect(await stepsOf(owner, id)).toEqual([['data_governance', 'approved'], ['model_risk', 'approved'], ['fair_lending', 'active'], ['committee', 'waiting']]);
      // The tier 2/3 chain's last step is no step of this chain.
      expectStatus(await decide(target, id, 'security', 'security'), 422);
      const dana = await as(target, 'fair_lending');
      const told = notificationListSchema.parse((await dana.get('/api/notifications')).body).items.filter((n) => n.packageId === id && n.kind === 'step_active');
      expect(told.map((n) => n.text)).toEqual([expect.stringContaining('Your step, Fair lending, is now active')]);

      // The package is approved only once fair lending and the committee have decided.
      expectStatus(await decide(target, id, 'fair_lending', 'fair_lending'), 201);
      expect((await detailOf(owner, id)).status).toBe('in_review');
      expectStatus(await decide(target, id, 'committee', 'committee'), 201);
      expect((await detailOf(owner, id)).status).toBe('approved');
      // The record verifies offline: the chain it was decided under is the one the audit moved it to.
      const { text, verdict } = await verifiedRecordOf(target, owner, id);
      expect(verdict.checks.filter((c) => !c.ok).map((c) => c.detail)).toEqual([]);
      expect(verdict.valid).toBe(true);
      expect((JSON.parse(text) as { templateDefinition: { key: string } }).templateDefinition.key).toBe('consumer-credit');
    },
  },
  {
    name: 'tier chain (H1): a decision on a step the stricter chain drops stays in the record and counts for nothing; the record verifies offline',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const elena = await as(target, 'model_risk');
      const id = await approvedThroughModelRisk(target, owner, 'pd-h1-dropped');
      const security = await as(target, 'security');
      expectStatus(await security.post(`/api/packages/${id}/threads`, { versionNumber: 1, sectionKey: 'security_controls', kind: 'clarification', body: 'Which keys sign the scoring service?' }), 201);
      expectStatus(await decide(target, id, 'security', 'security', 'request_clarification', 'The signing keys must be named.'), 201);
      expectStatus(await elena.post(`/api/packages/${id}/risk-assessments`, { answers: tierOne }), 201);
      const detail = await detailOf(owner, id);
      expect(detail).toMatchObject({ status: 'in_review', template: { key: 'consumer-credit' } });
      expect(detail.steps.map((s) => [s.key, s.status])).toEqual([['data_governance', 'approved'], ['model_risk', 'approved'], ['fair_lending', 'active'], ['committee', 'waiting']]);
      expect(detail.decisions.map((d) => d.stepKey)).toContain('security');
      const { verdict } = await verifiedRecordOf(target, owner, id);
      expect(verdict.checks.filter((c) => !c.ok).map((c) => c.detail)).toEqual([]);
    },
  },
  {
    name: 'tier chain (H1): a laxer tier after a decision never loosens the chain under way',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const elena = await as(target, 'model_risk');
      const id = await declaredTierThree(owner, 'pd-h1-lax');
      expectStatus(await elena.post(`/api/packages/${id}/risk-assessments`, { answers: tierOne }), 201);
      expect(await detailOf(owner, id)).toMatchObject({ riskTier: 1, template: { key: 'consumer-credit' } });
      expectStatus(await decide(target, id, 'data_governance', 'data_governance'), 201);
      expectStatus(await elena.post(`/api/packages/${id}/risk-assessments`, { answers: tierThree }), 201);
      expect(await detailOf(owner, id)).toMatchObject({ riskTier: 1, template: { key: 'consumer-credit' } });
      expect(await chainAudit(target, id)).toEqual([]);
    },
  },
  {
    name: 'tier chain (H1): a tier 1 assessment and the approval completing the tier 2/3 chain at once: never approved through the laxer chain once tier 1 applies',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const elena = await as(target, 'model_risk');
      for (const round of [1, 2, 3]) {
        const id = await approvedThroughModelRisk(target, owner, `pd-h1-race-${round}`);
        // The security officer's payload names assessment 1 (tier 3), as shown before the race.
        const security = await as(target, 'security');
        const payload = await payloadFor(security, { packageId: id, versionNumber: 1, stepKey: 'security', role: 'security', decision: 'approve', signer: await me(security) });
        const [signed, assessed] = await Promise.all([sign(security, payload), elena.post(`/api/packages/${id}/risk-assessments`, { answers: tierOne })]);
        expectStatus(assessed, 201);
        const detail = await detailOf(owner, id);
        if (signed.status === 201) {
          // The approval landed first and completed the chain: the later tier is for re-review.
          expect(detail).toMatchObject({ status: 'approved', template: { key: 'tier-2-3' }, riskTier: 3 });
        } else {
          // The assessment landed first: the payload names a tier no longer in effect, and the chain moved.
          expectStatus(signed, 409);
          expect(detail).toMatchObject({ status: 'in_review', template: { key: 'consumer-credit' }, riskTier: 1 });
          expect(detail.decisions.filter((d) => d.stepKey === 'security')).toEqual([]);
        }
      }
    },
  },
  {
    name: 'tier chain (H1): a model risk approval and a tier 1 assessment at once: the approval stands or is refused, and the chain moves either way',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const elena = await as(target, 'model_risk');
      const id = await declaredTierThree(owner, 'pd-h1-race-mr');
      expectStatus(await (await signedIn(target, tieringAnalyst)).post(`/api/packages/${id}/risk-assessments`, { answers: tierThree }), 201);
      expectStatus(await decide(target, id, 'data_governance', 'data_governance'), 201);
      const payload = await payloadFor(elena, { packageId: id, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision: 'approve', signer: await me(elena) });
      const [signed, assessed] = await Promise.all([sign(elena, payload), elena.post(`/api/packages/${id}/risk-assessments`, { answers: tierOne })]);
      expectStatus(assessed, 201);
      expect(await detailOf(owner, id)).toMatchObject({ status: 'in_review', template: { key: 'consumer-credit' }, riskTier: 1 });
      const expected = signed.status === 201 ? [['data_governance', 'approved'], ['model_risk', 'approved'], ['fair_lending', 'active'], ['committee', 'waiting']] : [['data_governance', 'approved'], ['model_risk', 'active'], ['fair_lending', 'waiting'], ['committee', 'waiting']];
      if (signed.status !== 201) expectStatus(signed, 409);
      expect(await stepsOf(owner, id)).toEqual(expected);
      expect((await chainAudit(target, id)).length).toBe(1);
    },
  },
];
