import { expect } from 'vitest';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { packageDetailSchema } from '#domain/contracts/packages.ts';
import type { Role } from '#domain/contracts/roles.ts';
import { addMonths } from '#domain/revalidation/due-date.ts';
import type { Client, Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';
import { riskAnswers } from './risk-assessment-scenarios.ts';
import { declaredTierThree } from './tier-chain-scenarios.ts';

// A stricter tier after final approval (0167 leaves the completed chain) brings the approval's
// revalidation forward (docs/decisions/0172), replaying an adversary's finding: approved at tier
// 3 (due in 36 months), then assessed tier 1, the package kept the tier 3 date. On the mocks,
// SQLite and PostgreSQL.

const tierOne = riskAnswers({ fairness: { likelihood: 5, impact: 5 } });
const tierThree = riskAnswers({ fairness: { likelihood: 3, impact: 3 } });
const emails: Partial<Record<Role, string>> = { data_governance: 'data-governance@example.com', model_risk: 'model-risk@example.com', security: 'security@example.com' };

async function approvedAtTierThree(target: Target, owner: Client, modelKey: string): Promise<string> {
  const id = await declaredTierThree(owner, modelKey);
  // A second model risk officer assesses: whoever set the tier does not approve (0174).
  expectStatus(await (await signedIn(target, 'risk-tiering@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: tierThree }), 201);
  for (const role of ['data_governance', 'model_risk', 'security'] as const) {
    const c = await signedIn(target, emails[role] ?? '');
    const { user } = (await c.get('/api/session')).body as { user: { id: string; displayName: string; title: string } };
    expectStatus(await sign(c, await payloadFor(c, { packageId: id, versionNumber: 1, stepKey: role, role, decision: 'approve', signer: { id: user.id, displayName: user.displayName, title: user.title } })), 201);
  }
  return id;
}

const detailOf = async (c: Client, id: string) => packageDetailSchema.parse((await c.get(`/api/packages/${id}`)).body);

export const revalidationAdvanceScenarios: Scenario[] = [
  {
    name: 'revalidation (0172): a stricter tier after final approval brings the revalidation forward to its interval from the approval day, audited; a laxer one never pushes it back',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const elena = await signedIn(target, 'model-risk@example.com');
      const id = await approvedAtTierThree(target, owner, 'pd-revalidation-advance');
      const approved = await detailOf(owner, id);
      expect(approved).toMatchObject({ status: 'approved', riskTier: 3, template: { key: 'tier-2-3' } });
      const approvedOn = approved.revalidationDueOn ? addMonths(approved.revalidationDueOn, -36) : '';
      expect(approved.revalidationDueOn).toBe(addMonths(approvedOn, 36));

      expect((await elena.post(`/api/packages/${id}/risk-assessments`, { answers: tierOne })).body).toMatchObject({ number: 2, computedTier: 1 });
      // The approval stands on the chain it completed; its revalidation is due a year after it.
      expect(await detailOf(owner, id)).toMatchObject({ status: 'approved', template: { key: 'tier-2-3' }, revalidationDueOn: addMonths(approvedOn, 12) });
      const admin = await signedIn(target, 'admin@example.com');
      const audit = auditPageSchema.parse((await admin.get('/api/audit?action=package.revalidation_advanced')).body).items.filter((e) => e.subject === id);
      expect(audit.map((e) => [e.actorId, e.before, e.after])).toEqual([['usr_model_risk', { tier: 3, dueOn: addMonths(approvedOn, 36) }, { decision: expect.any(String) as string, version: 1, tier: 1, schedule: 1, dueOn: addMonths(approvedOn, 12), assessment: 2 }]]);

      // A laxer tier later leaves the earlier date; assessing tier 1 again writes nothing more.
      // (By the other officer: Elena approved, so she does not loosen the tier, 0174 amended.)
      expectStatus(await (await signedIn(target, 'risk-tiering@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: riskAnswers() }), 201);
      expectStatus(await elena.post(`/api/packages/${id}/risk-assessments`, { answers: tierOne }), 201);
      expect((await detailOf(owner, id)).revalidationDueOn).toBe(addMonths(approvedOn, 12));
      expect(auditPageSchema.parse((await admin.get('/api/audit?action=package.revalidation_advanced')).body).items.filter((e) => e.subject === id)).toHaveLength(1);
    },
  },
];
