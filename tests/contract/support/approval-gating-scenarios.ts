import { expect } from 'vitest';
import { approvableCreditContent, creditRiskAnswers } from '#demo/fresh-packages.ts';
import { retailCreditPdV1 } from '#demo/retail-credit-pd.ts';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { packageDetailSchema, packageVersionSchema } from '#domain/contracts/packages.ts';
import type { PublishPolicyRequest } from '#domain/contracts/policies.ts';
import { problemSchema } from '#domain/contracts/problem.ts';
import type { Role } from '#domain/contracts/roles.ts';
import { signedDecisionSchema, type SigningPayload } from '#domain/contracts/signatures.ts';
import type { Client, Target } from './client.ts';
import { riskAnswers } from './risk-assessment-scenarios.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, payloadFor, sign, signedIn, type Draft } from './signing-scenarios.ts';
import { weightedScorecard } from './tiering-method-scenarios.ts';
import { changeAsDirect } from './catalogue-proposals.ts';

// Approval gating by governance (docs/decisions/0141) against the mocks, SQLite and PostgreSQL:
// the assessed tier, not the declared one, picks the policy; a blocking failure refuses every
// approval until a resubmission meets it; an approval needs a risk assessment by the current
// method. A business line of their own (Mortgages) keeps these scenarios off the demo policy.

/** Lenient for the tier an owner would like to declare, strict for the tier the assessment gives. */
export const lenient: PublishPolicyRequest = {
  key: 'mortgage-lenient',
  name: 'Low-risk mortgage models',
  scope: { riskTiers: [3], businessLines: ['Mortgages'] },
  onBlockingFailure: 'refuse',
  metrics: [{ metric: 'auc', operator: '>=', value: 0.5, enforcement: 'blocking' }],
  subgroupMetrics: [],
  requiredSections: [],
};
export const strict: PublishPolicyRequest = {
  key: 'mortgage-strict',
  name: 'High-risk mortgage models',
  scope: { riskTiers: [1], businessLines: ['Mortgages'] },
  onBlockingFailure: 'enter_review_flagged',
  metrics: [{ metric: 'auc', operator: '>=', value: 0.75, enforcement: 'blocking' }],
  subgroupMetrics: [{ metric: 'approval-ratio', operator: '>=', value: 0.8, enforcement: 'blocking' }],
  requiredSections: [],
};

const emails: Partial<Record<Role, string>> = {
  data_governance: 'data-governance@example.com',
  model_risk: 'model-risk@example.com',
  fair_lending: 'fair-lending@example.com',
  privacy: 'privacy@example.com',
  committee: 'committee@example.com',
};

/** A credit version re-labelled as a mortgage model, declaring `tier`. */
export function mortgage(source: PackageContent, modelKey: string, tier: number): { modelKey: string; versionLabel: string; content: PackageContent } {
  const content = structuredClone(source);
  const [id] = content.sections;
  if (id?.kind !== 'identification') throw new Error('identification first');
  Object.assign(id, { modelKey, versionLabel: '1.0', businessLine: 'Mortgages', riskTier: tier });
  return { modelKey, versionLabel: '1.0', content };
}

export async function submitted(owner: Client, body: unknown): Promise<string> {
  const reply = await owner.post('/api/packages', body);
  expectStatus(reply, 201);
  return (reply.body as { package: { id: string } }).package.id;
}

export const detailOf = async (client: Client, id: string) => packageDetailSchema.parse((await client.get(`/api/packages/${id}`)).body);

/** The reviewer whose step is active, signed in, and a draft of their decision on the latest version. */
export async function activeReviewer(target: Target, id: string, decision: Draft['decision']): Promise<{ client: Client; draft: Draft }> {
  const detail = await detailOf(await signedIn(target, 'committee@example.com'), id);
  const step = detail.steps.find((s) => s.status === 'active');
  const email = step ? emails[step.role] : undefined;
  if (!step || !email) throw new Error(`No reviewer for the active step of ${id}`);
  const client = await signedIn(target, email);
  const { user } = (await client.get('/api/session')).body as { user: SigningPayload['signer'] };
  const signer = { id: user.id, displayName: user.displayName, title: user.title };
  return { client, draft: { packageId: id, versionNumber: detail.latestVersion, stepKey: step.key, role: step.role, decision, reason: decision === 'approve' ? '' : 'Fairness below the policy bar.', signer } };
}

async function decisionsOf(client: Client, id: string) {
  return (await detailOf(client, id)).decisions;
}

export const approvalGatingScenarios: Scenario[] = [
  {
    name: 'approval gating: the assessed tier re-resolves the policy; its blocking failure refuses every approval (409 naming each requirement and the version) until a resubmission meets it; reject stays open',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await changeAsDirect(target, '/api/policies', lenient), 201);
      expectStatus(await changeAsDirect(target, '/api/policies', strict), 201);

      // Declared tier 3: checked against the lenient policy, which version 1 passes.
      const id = await submitted(owner, mortgage(retailCreditPdV1, 'mortgage-gate', 3));
      expect((packageVersionSchema.parse((await owner.get(`/api/packages/${id}/versions/1`)).body)).policy).toMatchObject({ policy: { key: 'mortgage-lenient', version: 1 }, outcome: 'pass' });
      expect((await detailOf(owner, id)).governanceBlockers).toEqual([{ kind: 'risk_assessment_missing', description: expect.stringMatching(/^Risk assessment missing/) as unknown }]);

      // The assessment says tier 1: the strict policy applies, and version 1 fails its fairness bar.
      expectStatus(await (await owner.colleague('risk-tiering@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: creditRiskAnswers() }), 201);
      const rechecked = packageVersionSchema.parse((await owner.get(`/api/packages/${id}/versions/1`)).body).policy;
      expect(rechecked).toMatchObject({ policy: { key: 'mortgage-strict', version: 1 }, outcome: 'flagged', reresolved: { tier: 1, assessment: 1, from: { key: 'mortgage-lenient', version: 1 } } });
      const audit = auditPageSchema.parse((await admin.get('/api/audit?action=risk.assessed')).body);
      expect(audit.items.find((e) => e.subject === id)?.after).toMatchObject({ number: 1, policy: { key: 'mortgage-strict', version: 1, outcome: 'flagged', from: { key: 'mortgage-lenient', version: 1 } } });
      const detail = await detailOf(owner, id);
      expect(detail.riskTier).toBe(1);
      expect(detail.governanceBlockers.map((b) => b.kind)).toEqual(['policy_requirement']);
      expect(detail.governanceBlockers[0]).toMatchObject({ policy: { key: 'mortgage-strict', version: 1 }, check: { subject: 'approval-ratio', subgroupKey: 'age-62-plus', status: 'fail' } });

      // Every approving kind is refused, signed against the strict check; nothing is stored.
      for (const decision of ['approve', 'approve_with_conditions'] as const) {
        const { client, draft } = await activeReviewer(target, id, decision);
        const conditions = decision === 'approve_with_conditions' ? { scope: 'Mortgages under 500k', reReviewOn: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10), text: 'Quarterly fairness report.' } : null;
        const payload = await payloadFor(client, { ...draft, conditions });
        expect(payload.governance?.policy).toMatchObject({ key: 'mortgage-strict', version: 1 });
        const refused = await sign(client, payload);
        expectStatus(refused, 409);
        const problem = problemSchema.parse(refused.body);
        expect(problem.type).toMatch(/governance-blocked$/);
        expect(problem.detail).toMatch(/approval-ratio.*mortgage-strict version 1/);
        expect(problem.governanceBlockers?.map((b) => b.kind)).toEqual(['policy_requirement']);
        expect(problem.policy).toMatchObject({ policy: { key: 'mortgage-strict', version: 1 } });
      }
      expect(await decisionsOf(owner, id)).toEqual([]);

      // Rejecting stays open; the compliant resubmission is checked against the strict policy and passes.
      const { client: reviewer, draft } = await activeReviewer(target, id, 'reject');
      const concern = { sectionKey: 'subgroup_fairness', concern: 'The 62-and-over approval ratio is below 0.8.', requiredChange: 'Mitigate and show the ratio.' };
      const rejected = await sign(reviewer, await payloadFor(reviewer, { ...draft, concerns: [concern] }));
      expectStatus(rejected, 201);
      const decisionId = (rejected.body as { id: string }).id;
      const next = mortgage(approvableCreditContent('1.0'), 'mortgage-gate', 3).content;
      const resubmitted = await owner.post(`/api/packages/${id}/versions`, { content: next, answers: [{ target: { kind: 'concern', decisionId, index: 0 }, answer: 'Reweighted; the ratio is now above 0.8.', sectionKeys: ['subgroup_fairness'] }] });
      expectStatus(resubmitted, 201);
      expect(packageVersionSchema.parse((await owner.get(`/api/packages/${id}/versions/2`)).body).policy).toMatchObject({ policy: { key: 'mortgage-strict', version: 1 }, outcome: 'pass' });
      expect((await detailOf(owner, id)).governanceBlockers).toEqual([]);
      const approving = await activeReviewer(target, id, 'approve');
      const approved = await sign(approving.client, await payloadFor(approving.client, approving.draft));
      expectStatus(approved, 201);
      expect(signedDecisionSchema.parse(approved.body).signature?.payload.governance?.policy).toMatchObject({ key: 'mortgage-strict', version: 1 });
    },
  },
  {
    name: 'approval gating: an approval needs a risk assessment by the current method; without one (or after a new method) the gate says so and signing is 409; reassessing lifts it',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const id = await submitted(owner, { modelKey: 'retail-credit-pd', versionLabel: '4.9.0-gate', content: approvableCreditContent('4.9.0-gate') });
      expect((await detailOf(owner, id)).governanceBlockers.map((b) => b.kind)).toEqual(['risk_assessment_missing']);
      const first = await activeReviewer(target, id, 'approve');
      const missing = await sign(first.client, await payloadFor(first.client, first.draft));
      expectStatus(missing, 409);
      expect(problemSchema.parse(missing.body)).toMatchObject({ governanceBlockers: [{ kind: 'risk_assessment_missing' }] });
      expect((missing.body as { detail: string }).detail).toMatch(/Risk assessment missing/);

      expectStatus(await (await owner.colleague('risk-tiering@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: creditRiskAnswers() }), 201);
      expect((await detailOf(owner, id)).governanceBlockers).toEqual([]);
      // A new method version: the assessment is no longer by the current method.
      expectStatus(await changeAsDirect(target, '/api/risk-tiering-methods', { ...weightedScorecard, replacesVersion: 1 }), 201);
      expect((await detailOf(owner, id)).governanceBlockers.map((b) => b.kind)).toEqual(['risk_assessment_outdated']);
      const outdated = await sign(first.client, await payloadFor(first.client, first.draft));
      expectStatus(outdated, 409);
      expect(problemSchema.parse(outdated.body).governanceBlockers?.map((b) => b.kind)).toEqual(['risk_assessment_outdated']);
      expect(await decisionsOf(owner, id)).toEqual([]);

      // Reassessed under version 2 at the tier the workflow has (1): the approval goes through.
      expectStatus(await (await owner.colleague('risk-tiering@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: riskAnswers({ fairness: { likelihood: 5, impact: 5, controls: 'none' }, data: { likelihood: 5, impact: 5, controls: 'none' } }) }), 201);
      expect((await detailOf(owner, id)).governanceBlockers).toEqual([]);
      expectStatus(await sign(first.client, await payloadFor(first.client, first.draft)), 201);
    },
  },
  {
    name: 'approval gating: an approval racing an assessment that moves the package to a stricter policy is either signed against the check before or refused; never signed against a stale check',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await changeAsDirect(target, '/api/policies', lenient), 201);
      expectStatus(await changeAsDirect(target, '/api/policies', strict), 201);
      const id = await submitted(owner, mortgage(retailCreditPdV1, 'mortgage-race', 3));
      // Assessed at tier 3 first (fairness 3 x 3: residual 9): lenient still applies and the approval may go through.
      expectStatus(await (await owner.colleague('risk-tiering@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: riskAnswers({ fairness: { likelihood: 3, impact: 3, controls: 'none' } }) }), 201);
      expect((await detailOf(owner, id)).riskTier).toBe(3);
      expect((await detailOf(owner, id)).governanceBlockers).toEqual([]);
      const { client, draft } = await activeReviewer(target, id, 'approve');
      const payload = await payloadFor(client, draft);
      expect(payload.governance?.policy).toMatchObject({ key: 'mortgage-lenient' });

      const modelRisk = await owner.colleague('model-risk@example.com');
      const [signed, assessed] = await Promise.all([sign(client, payload), modelRisk.post(`/api/packages/${id}/risk-assessments`, { answers: creditRiskAnswers() })]);
      expectStatus(assessed, 201);
      const decisions = await decisionsOf(owner, id);
      if (signed.status === 201) {
        // Signed first, under the lenient check it was shown; the assessment came after it.
        expect(decisions).toHaveLength(1);
        expect(decisions[0]?.signature?.payload.governance?.policy).toMatchObject({ key: 'mortgage-lenient', version: 1 });
        const trail = auditPageSchema.parse((await admin.get(`/api/packages/${id}/audit`)).body).items;
        const seqOf = (action: string) => trail.filter((e) => e.action === action).map((e) => e.seq);
        expect(Math.max(...seqOf('decision.signed'))).toBeLessThan(Math.max(...seqOf('risk.assessed')));
      } else {
        // The assessment first: the check the signer was shown is gone, and the strict one blocks.
        expectStatus(signed, 409);
        expect(problemSchema.parse(signed.body).type).toMatch(/package-changed$|governance-blocked$/);
        expect(decisions).toEqual([]);
      }
      // Either way, the package is now under the strict check, which blocks the next approval.
      expect((await detailOf(owner, id)).governanceBlockers.map((b) => b.kind)).toContain('policy_requirement');
    },
  },
];
