import { expect } from 'vitest';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { tieringMethodListSchema } from '#domain/contracts/revalidation.ts';
import { riskAssessmentListSchema, riskAssessmentSchema, riskCategories } from '#domain/contracts/risk-assessment.ts';
import type { Client, Reply } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';
import { riskAnswers } from './risk-assessment-scenarios.ts';
import { changeAsDirect } from './catalogue-proposals.ts';

// An administrator publishes the next risk tiering method version (decision record 0137),
// against the mocks, SQLite and PostgreSQL: each kind, bad input refused at its field with
// nothing stored, versions never changed, new assessments scored by the newest version while
// earlier ones keep theirs, and two publications at once give one version.

const clinical = 'pkg_clinical_deterioration_risk';
const methods = '/api/risk-tiering-methods';
const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);

const base = { controlReduction: { partial: 0.25, effective: 0.5 } };
/** Tier 1 where likelihood + impact reaches 8, tier 2 at 6 or 7, tier 3 at 4 or 5, tier 4 below. */
const grid = [1, 2, 3, 4, 5].map((l) => [1, 2, 3, 4, 5].map((i) => (l + i >= 8 ? 1 : l + i >= 6 ? 2 : l + i >= 4 ? 3 : 4)));
export const weightedScorecard = { ...base, name: 'Weighted fairness scorecard', kind: 'weighted_scorecard', categories: ['fairness', 'data'], weights: { fairness: 75, data: 25 }, thresholds: { '3': 4, '2': 8, '1': 12 } };
const scorecard = { ...base, name: 'Plain scorecard', kind: 'scorecard', categories: [...riskCategories], thresholds: { '3': 20, '2': 40, '1': 60 } };
const riskMatrix = { ...base, name: 'Likelihood x impact grid', kind: 'risk_matrix', categories: [...riskCategories], grid };

async function listOf(client: Client) {
  const reply = await client.get(methods);
  expectStatus(reply, 200);
  return tieringMethodListSchema.parse(reply.body).items;
}

export const tieringMethodScenarios: Scenario[] = [
  {
    name: 'tiering methods: an administrator publishes a scorecard, a weighted scorecard and a risk matrix, each the next version; the newest is current and audited',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const published = [];
      for (const [i, body] of [scorecard, weightedScorecard, riskMatrix].entries()) {
        const reply = await changeAsDirect(target, methods, { ...body, replacesVersion: i + 1 });
        expectStatus(reply, 201);
        published.push(tieringMethodListSchema.shape.items.element.parse(reply.body));
      }
      expect(published.map((p) => [p.method.key, p.method.version, p.method.kind, p.current])).toEqual([
        ['standard', 2, 'scorecard', true],
        ['standard', 3, 'weighted_scorecard', true],
        ['standard', 4, 'risk_matrix', true],
      ]);
      expect(published[1]?.method).toMatchObject({ categories: ['fairness', 'data'], weights: { fairness: 75, data: 25 }, bands: [{ minScore: 12, tier: 1 }, { minScore: 8, tier: 2 }, { minScore: 4, tier: 3 }, { minScore: 0, tier: 4 }] });
      expect(published[2]?.method).toMatchObject({ grid, bands: [] });
      const list = await listOf(admin);
      expect(list.map((m) => [m.method.version, m.current])).toEqual([[1, false], [2, false], [3, false], [4, true]]);
      const audit = auditPageSchema.parse((await admin.get('/api/audit?action=risk.method_published')).body);
      expect(audit.items.map((e) => e.after)).toEqual(expect.arrayContaining([{ key: 'standard', version: 3, name: 'Weighted fairness scorecard', kind: 'weighted_scorecard' }]));
      expect(audit.items.every((e) => e.actorId === 'usr_admin_deputy')).toBe(true);
    },
  },
  {
    name: 'tiering methods: an unknown category, weights not summing to 100, grid cells missing or out of range, thresholds not increasing are refused at their field; nothing is stored',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const refused = async (body: unknown, expected: string[]) => {
        const reply = await changeAsDirect(target, methods, body);
        expectStatus(reply, 422);
        expect(reply.contentType).toMatch(/application\/problem\+json/);
        expect(pointers(reply)).toEqual(expected);
      };
      await refused({ ...scorecard, categories: ['data', 'astrology'], replacesVersion: 1 }, ['/change/categories/1']);
      await refused({ ...weightedScorecard, weights: { fairness: 70, data: 20 }, replacesVersion: 1 }, ['/change/weights']);
      await refused({ ...weightedScorecard, weights: { fairness: 75, privacy: 25 }, replacesVersion: 1 }, ['/change/weights/privacy', '/change/weights/data']);
      await refused({ ...weightedScorecard, weights: { fairness: -25, data: 125 }, replacesVersion: 1 }, ['/change/weights/fairness', '/change/weights/data']);
      const holes: unknown[][] = grid.map((row) => [...row]);
      holes[1] = [4, 4, 3];
      holes[3] = [3, 3, 2, 7, 0];
      await refused({ ...riskMatrix, grid: holes, replacesVersion: 1 }, ['/change/grid/1/3', '/change/grid/1/4', '/change/grid/3/3', '/change/grid/3/4']);
      await refused({ ...riskMatrix, grid: grid.slice(0, 4), replacesVersion: 1 }, ['/change/grid']);
      await refused({ ...scorecard, thresholds: { '3': 20, '2': 20, '1': 10 }, replacesVersion: 1 }, ['/change/thresholds/2', '/change/thresholds/1']);
      await refused({ ...scorecard, kind: 'lottery', replacesVersion: 1 }, ['/change/kind']);
      expect((await listOf(admin)).map((m) => m.method.version)).toEqual([1]);
      const audit = auditPageSchema.parse((await admin.get('/api/audit?action=risk.method_published')).body);
      expect(audit.items).toEqual([]);

      // Only an administrator sets the method.
      const elena = await signedIn(target, 'model-risk@example.com');
      expectStatus(await elena.post(methods, { ...scorecard, replacesVersion: 1 }), 403);
      expect((await listOf(admin)).map((m) => m.method.version)).toEqual([1]);
    },
  },
  {
    name: 'tiering methods: a published version is never changed: no route edits or deletes it, the store keeps the first, and a stale version is 409',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      expectStatus(await changeAsDirect(target, methods, { ...weightedScorecard, replacesVersion: 1 }), 201);
      expect((await admin.send('PUT', methods, { json: { ...scorecard, replacesVersion: 1 } })).status).toBeGreaterThanOrEqual(404);
      expect([404, 405]).toContain((await admin.delete(methods)).status);
      expect([404, 405]).toContain((await admin.delete(`${methods}/standard/2`)).status);
      const stale = await changeAsDirect(target, methods, { ...scorecard, replacesVersion: 1 });
      expectStatus(stale, 409);
      const v2 = await target.store.findTieringMethod('standard', 2);
      if (!v2) throw new Error('version 2 was published');
      expect(await target.store.insertTieringMethod({ method: { ...v2.method, name: 'Rewritten' }, publishedAt: new Date().toISOString() })).toBe(false);
      expect((await listOf(admin)).map((m) => [m.method.version, m.method.name])).toEqual([[1, 'Standard risk matrix'], [2, 'Weighted fairness scorecard']]);
    },
  },
  {
    name: 'tiering methods: two publications at once take one version; the other is refused',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const other = await signedIn(target, 'admin@example.com');
      const replies = await Promise.all([changeAsDirect(target, methods, { ...weightedScorecard, replacesVersion: 1 }), other.post(methods, { ...scorecard, replacesVersion: 1 })]);
      expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
      expect((await listOf(admin)).map((m) => m.method.version)).toEqual([1, 2]);
    },
  },
  {
    name: 'tiering methods: a new assessment is scored by the newest version, the earlier one keeps its own; an override under it needs a reason and a second person in another role',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const elena = await signedIn(target, 'model-risk@example.com');
      const privacy = await signedIn(target, 'privacy@example.com');
      // Fairness 4 x 4 with partial controls: residual 12, tier 2 by the standard risk matrix (version 1).
      const answers = riskAnswers({ fairness: { likelihood: 4, impact: 4, controls: 'partial' } });
      // The demo world assessed the package already: these are the next two numbers.
      const earlier = riskAssessmentListSchema.parse((await owner.get(`/api/packages/${clinical}/risk-assessments`)).body).items.map((a) => [a.number, a.method.version, a.computedTier]);
      const n = earlier.length + 1;
      expectStatus(await owner.post(`/api/packages/${clinical}/risk-assessments`, { answers }), 201);

      expectStatus(await changeAsDirect(target, methods, { ...riskMatrix, replacesVersion: 1 }), 201);
      // By the grid: fairness 4 x 4 without controls is tier 1 (the worst category decides). Model
      // risk's assessment: another tier is asked for on a tier-deciding one (0172).
      const second = await elena.post(`/api/packages/${clinical}/risk-assessments`, { answers: riskAnswers({ fairness: { likelihood: 4, impact: 4, controls: 'none' } }) });
      expectStatus(second, 201);
      expect(riskAssessmentSchema.parse(second.body)).toMatchObject({ number: n + 1, method: { key: 'standard', version: 2, kind: 'risk_matrix', name: 'Likelihood x impact grid' }, computedTier: 1 });
      const list = riskAssessmentListSchema.parse((await owner.get(`/api/packages/${clinical}/risk-assessments`)).body);
      expect(list.method).toMatchObject({ version: 2 });
      expect(list.items.map((a) => [a.number, a.method.version, a.computedTier])).toEqual([...earlier, [n, 1, 2], [n + 1, 2, 1]]);

      expectStatus(await privacy.post(`/api/packages/${clinical}/risk-assessments/${n + 1}/override`, { tier: 2, reason: '', role: 'privacy' }), 422);
      expectStatus(await privacy.post(`/api/packages/${clinical}/risk-assessments/${n + 1}/override`, { tier: 2, reason: 'Alerts go to a clinician who decides; tier 2 suffices.', role: 'privacy' }), 201);
      expectStatus(await privacy.post(`/api/packages/${clinical}/risk-assessments/${n + 1}/override/confirmation`, { role: 'privacy' }), 403);
      const confirmed = await elena.post(`/api/packages/${clinical}/risk-assessments/${n + 1}/override/confirmation`, { role: 'model_risk' });
      expectStatus(confirmed, 200);
      expect(riskAssessmentSchema.parse(confirmed.body)).toMatchObject({ method: { version: 2 }, computedTier: 1, effectiveTier: 2, override: { tier: 2, confirmedBy: { id: 'usr_model_risk', role: 'model_risk' } } });
    },
  },
];
