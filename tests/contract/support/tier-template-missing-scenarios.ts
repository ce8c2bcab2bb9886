import { expect } from 'vitest';
import { clinicalRiskV1 } from '#demo/clinical-risk.ts';
import { packageDetailSchema } from '#domain/contracts/packages.ts';
import type { Client, Reply, Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';
import { riskAnswers } from './risk-assessment-scenarios.ts';
import { addBusinessLines } from './add-business-lines.ts';
import { changeAsDirect } from './catalogue-proposals.ts';

// A stricter tier with no published template for it (docs/decisions/0174, adversary finding 2):
// the assessment (or the override confirmation) that would apply it is refused, 422 naming the
// tier and `template_missing`, and nothing is stored; before, the package silently stayed on the
// laxer chain while the stricter tier applied. Against the mocks, SQLite and PostgreSQL.

/** Fairness 5 x 5, no controls: residual 25, tier 1. */
const tierOne = riskAnswers({ fairness: { likelihood: 5, impact: 5 } });
/** Fairness 3 x 3, no controls: residual 9, tier 3. */
const tierThree = riskAnswers({ fairness: { likelihood: 3, impact: 3 } });

/** The tier 1 template re-published for another business line only: no chain covers tier 1 for clinical operations. */
async function onlyLabHasTierOne(target: Target) {
  await addBusinessLines(target, 'Research lab');
  const step = { key: 'model_risk', name: 'Model risk management', role: 'model_risk', approvalsRequired: 1, dueHours: 48, sections: ['evaluation'] };
  expectStatus(await changeAsDirect(target, '/api/templates', { key: 'tier-1', name: 'Tier 1 (lab)', riskTiers: [1], businessLines: ['Research lab'], staleApprovals: 'every_change', steps: [step], emergencyRoles: [] }), 201);
}

/** A clinical operations package declared tier 3 (the tier 2/3 chain). */
async function declaredTierThree(owner: Client, modelKey: string) {
  const content = structuredClone(clinicalRiskV1);
  const [id] = content.sections;
  if (id?.kind !== 'identification') throw new Error('identification first');
  id.modelKey = modelKey;
  id.versionLabel = '1.0';
  id.riskTier = 3;
  const reply = await owner.post('/api/packages', { modelKey, versionLabel: '1.0', content });
  expectStatus(reply, 201);
  return (reply.body as { package: { id: string } }).package.id;
}

const detailOf = async (c: Client, id: string) => packageDetailSchema.parse((await c.get(`/api/packages/${id}`)).body);
const assessmentCount = async (c: Client, id: string) => ((await c.get(`/api/packages/${id}/risk-assessments`)).body as { items: unknown[] }).items.length;

function expectTemplateMissing(reply: Reply) {
  expectStatus(reply, 422);
  const errors = (reply.body as { errors?: { pointer: string; message: string; code?: string }[] }).errors ?? [];
  expect(errors.map((e) => [e.pointer, e.code])).toEqual([['', 'template_missing']]);
  expect(errors[0]?.message).toMatch(/No published workflow template covers risk tier 1 for business line "Clinical operations"/);
}

export const tierTemplateMissingScenarios: Scenario[] = [
  {
    name: 'tier template missing (0174): an assessment of a stricter tier no template covers is refused, and nothing is stored',
    async run(target) {
      await onlyLabHasTierOne(target);
      const owner = await signedIn(target, 'owner@example.com');
      const id = await declaredTierThree(owner, 'triage-no-tier1');
      const tomas = await signedIn(target, 'risk-tiering@example.com');
      expectTemplateMissing(await tomas.post(`/api/packages/${id}/risk-assessments`, { answers: tierOne }));
      expect(await assessmentCount(owner, id)).toBe(0);
      expect(await detailOf(owner, id)).toMatchObject({ riskTier: 3, template: { key: 'tier-2-3' } });
      // The tier its chain covers is still recorded.
      expectStatus(await tomas.post(`/api/packages/${id}/risk-assessments`, { answers: tierThree }), 201);
    },
  },
  {
    name: 'tier template missing (0174): confirming an override to a tier no template covers is refused; the override stays pending',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const id = await declaredTierThree(owner, 'triage-override-tier1');
      const tomas = await signedIn(target, 'risk-tiering@example.com');
      expectStatus(await tomas.post(`/api/packages/${id}/risk-assessments`, { answers: tierThree }), 201);
      const dg = await signedIn(target, 'data-governance@example.com');
      expectStatus(await dg.post(`/api/packages/${id}/risk-assessments/1/override`, { tier: 1, reason: 'Alerts reach the ward within minutes.', role: 'data_governance' }), 201);
      await onlyLabHasTierOne(target);
      const elena = await signedIn(target, 'model-risk@example.com');
      expectTemplateMissing(await elena.post(`/api/packages/${id}/risk-assessments/1/override/confirmation`, { role: 'model_risk' }));
      const listed = (await owner.get(`/api/packages/${id}/risk-assessments`)).body as { items: { override: { confirmedBy: unknown } | null }[] };
      expect(listed.items[0]?.override?.confirmedBy).toBeNull();
      expect(await detailOf(owner, id)).toMatchObject({ riskTier: 3, template: { key: 'tier-2-3' } });
    },
  },
];
