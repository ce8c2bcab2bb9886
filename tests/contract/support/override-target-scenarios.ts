import { expect } from 'vitest';
import { approvableCreditContent } from '#demo/fresh-packages.ts';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { packageDetailSchema } from '#domain/contracts/packages.ts';
import { riskAssessmentListSchema } from '#domain/contracts/risk-assessment.ts';
import type { Client, Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';
import { riskAnswers } from './risk-assessment-scenarios.ts';

// Another tier is asked for on a tier-deciding assessment only (docs/decisions/0172), replaying
// an adversary's findings: model risk assessed tier 1; the owner proposed tier 4 and asked a
// "stricter" override to tier 3 on the proposal; model risk's confirmation put tier 3 (the
// tier 2/3 chain, no fair lending) in force. And the owner's later proposal voided a pending
// stricter override on model risk's assessment. On the mocks, SQLite and PostgreSQL.

/** Fairness 5 x 5, no controls: tier 1. */
const tierOne = riskAnswers({ fairness: { likelihood: 5, impact: 5 } });
/** Fairness 4 x 4, partial controls: tier 2. */
const tierTwo = riskAnswers({ fairness: { likelihood: 4, impact: 4, controls: 'partial' } });

async function creditPackage(owner: Client, modelKey: string): Promise<string> {
  const content = approvableCreditContent('1.0');
  const id = content.sections[0];
  if (id?.kind !== 'identification') throw new Error('identification first');
  id.modelKey = modelKey;
  const reply = await owner.post('/api/packages', { modelKey, versionLabel: '1.0', content });
  expectStatus(reply, 201);
  return (reply.body as { package: { id: string } }).package.id;
}

const detailOf = async (c: Client, id: string) => packageDetailSchema.parse((await c.get(`/api/packages/${id}`)).body);
const assessmentsOf = async (c: Client, id: string) => riskAssessmentListSchema.parse((await c.get(`/api/packages/${id}/risk-assessments`)).body).items;

async function overrideAudit(target: Target, id: string) {
  const admin = await signedIn(target, 'admin@example.com');
  const entries = await Promise.all(['risk.override_requested', 'risk.override_confirmed'].map(async (action) => auditPageSchema.parse((await admin.get(`/api/audit?action=${action}`)).body).items));
  return entries.flat().filter((e) => e.subject === id);
}

export const overrideTargetScenarios: Scenario[] = [
  {
    name: "tier override (0172): never on the owner's proposal: refused, nothing stored, model risk's tier 1 stays; on model risk's assessment it may be asked",
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const elena = await signedIn(target, 'model-risk@example.com');
      const dg = await signedIn(target, 'data-governance@example.com');
      const id = await creditPackage(owner, 'pd-override-on-proposal');
      expectStatus(await elena.post(`/api/packages/${id}/risk-assessments`, { answers: tierOne }), 201);
      const proposal = await owner.post(`/api/packages/${id}/risk-assessments`, { answers: riskAnswers() });
      expect(proposal.body).toMatchObject({ number: 2, computedTier: 4, proposal: true });

      // "4 -> 3" reads as stricter, yet would replace model risk's tier 1: refused, by the owner and by a reviewer.
      for (const [who, role] of [[owner, 'model_owner'], [dg, 'data_governance']] as const) {
        const refused = await who.post(`/api/packages/${id}/risk-assessments/2/override`, { tier: 3, reason: 'Be conservative: one tier stricter than computed.', role });
        expectStatus(refused, 422);
        expect(refused.contentType).toMatch(/application\/problem\+json/);
        expect((refused.body as { errors: { pointer: string; code?: string }[] }).errors).toMatchObject([{ pointer: '', code: 'proposal_not_overridable' }]);
      }
      expect((await assessmentsOf(owner, id)).map((a) => a.override)).toEqual([null, null]);
      expect(await overrideAudit(target, id)).toEqual([]);
      expect(await detailOf(owner, id)).toMatchObject({ riskTier: 1, template: { key: 'consumer-credit' } });

      // Model risk's assessment, the latest tier-deciding one, is where another tier is asked for.
      expectStatus(await dg.post(`/api/packages/${id}/risk-assessments/1/override`, { tier: 2, reason: 'Pilot portfolio only.', role: 'data_governance' }), 201);
      expect((await assessmentsOf(owner, id))[0]?.override).toMatchObject({ tier: 2, confirmedBy: null });
    },
  },
  {
    name: "tier override (0172): the owner's later proposal does not void a pending stricter override on model risk's assessment; model risk confirms it",
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const elena = await signedIn(target, 'model-risk@example.com');
      const dg = await signedIn(target, 'data-governance@example.com');
      const id = await creditPackage(owner, 'pd-override-survives-proposal');
      expect((await elena.post(`/api/packages/${id}/risk-assessments`, { answers: tierTwo })).body).toMatchObject({ number: 1, computedTier: 2 });
      expectStatus(await dg.post(`/api/packages/${id}/risk-assessments/1/override`, { tier: 1, reason: 'Adverse-action notices to consumers.', role: 'data_governance' }), 201);
      expectStatus(await owner.post(`/api/packages/${id}/risk-assessments`, { answers: riskAnswers() }), 201);

      const confirmed = await elena.post(`/api/packages/${id}/risk-assessments/1/override/confirmation`, { role: 'model_risk' });
      expectStatus(confirmed, 200);
      expect(confirmed.body).toMatchObject({ number: 1, effectiveTier: 1, override: { tier: 1, confirmedBy: { id: 'usr_model_risk' } } });
      expect(await detailOf(owner, id)).toMatchObject({ riskTier: 1, template: { key: 'consumer-credit' } });

      // Asking, too, goes to the latest tier-deciding assessment, whatever the owner proposed since.
      expect((await elena.post(`/api/packages/${id}/risk-assessments`, { answers: tierTwo })).body).toMatchObject({ number: 3 });
      expectStatus(await owner.post(`/api/packages/${id}/risk-assessments`, { answers: riskAnswers() }), 201);
      expectStatus(await dg.post(`/api/packages/${id}/risk-assessments/3/override`, { tier: 1, reason: 'Adverse-action notices to consumers.', role: 'data_governance' }), 201);
      expectStatus(await dg.post(`/api/packages/${id}/risk-assessments/2/override`, { tier: 1, reason: 'Adverse-action notices to consumers.', role: 'data_governance' }), 422);
    },
  },
];
