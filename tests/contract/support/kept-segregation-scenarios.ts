import { expect } from 'vitest';
import type { CreateTemplateRequest } from '#domain/contracts/template-admin.ts';
import { approvalRecordSchema, type ApprovalRecord } from '#domain/contracts/record.ts';
import { emergencyStepKey } from '#domain/workflow/emergency.ts';
import { defaultTemplates } from '#domain/workflow/default-templates.ts';
import { resigned } from '../../support/resigned-record.ts';
import { verifyKeptDecisions } from '../../independent/kept-decisions-verifier.ts';
import { changeRolesWithApproval } from './account-requests.ts';
import { changeCatalogue } from './catalogue-proposals.ts';
import type { Client, Target } from './client.ts';
import { claimKeptApprovalCounts, failingChecks, recordText } from './kept-decision-scenarios.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';
import { declaredTierThree, decide, detailOf, stepsOf, tieringAnalyst, tierOne, tierThree } from './tier-chain-scenarios.ts';

// Decisions kept when the chain moves are judged by the chain in force's rules on who may decide
// (docs/decisions/0193, 2026-12-06 amendment; findings M-C and L-C). A custom tier 3 chain for
// consumer lending lets one person decide several steps and the committee approve in an
// emergency; its steps answer for what consumer credit's (tier 1) do, so only segregation of
// duties tells the chains apart. Against the mocks, SQLite and PostgreSQL.

const consumerCredit = defaultTemplates.find((t) => t.key === 'consumer-credit');
const sectionsOf = (key: string) => consumerCredit?.steps.find((s) => s.key === key)?.sections ?? [];

const sharedChain: CreateTemplateRequest = {
  key: 'lending-shared-tier-3',
  name: 'Consumer lending, tier 3, shared deciders',
  riskTiers: [3],
  businessLines: ['Consumer lending'],
  staleApprovals: 'responsible_sections',
  allowSameDeciderAcrossSteps: true,
  emergencyRoles: ['committee'],
  steps: [
    { key: 'data_governance', name: 'Data governance', role: 'data_governance', approvalsRequired: 1, dueHours: 72, sections: sectionsOf('data_governance') },
    { key: 'model_risk', name: 'Model risk management', role: 'model_risk', approvalsRequired: 1, dueHours: 120, sections: sectionsOf('model_risk') },
    { key: 'security', name: 'Security', role: 'security', approvalsRequired: 1, dueHours: 72, sections: ['security_controls'] },
  ],
};

const keptLabel = 'Decisions kept when the chain moved';
const marcus = { id: 'usr_data_governance', displayName: 'Marcus Oyelaran', title: 'Data Governance Lead' };
const robert = { id: 'usr_committee', displayName: 'Robert Castellano', title: 'Chair, AI Governance Committee' };
const emergency = { justification: 'Collections scoring of the current model fails on the new bureau feed since the migration.', incidentRef: 'INC-5120' };

/** A declared tier 3 consumer lending package, assessed tier 3 by the tiering analyst: on the shared-deciders chain. */
export async function onSharedChain(target: Target, owner: Client, modelKey: string): Promise<string> {
  await changeCatalogue(target, { kind: 'publish_template', change: sharedChain });
  const id = await declaredTierThree(owner, modelKey);
  expectStatus(await (await signedIn(target, tieringAnalyst)).post(`/api/packages/${id}/risk-assessments`, { answers: tierThree }), 201);
  expect(await detailOf(owner, id)).toMatchObject({ riskTier: 3, template: { key: sharedChain.key } });
  return id;
}

/** The tiering analyst assesses tier 1: the chain moves to consumer credit, which keeps segregation of duties. */
export async function moveToTierOne(target: Target, owner: Client, id: string): Promise<void> {
  expectStatus(await (await signedIn(target, tieringAnalyst)).post(`/api/packages/${id}/risk-assessments`, { answers: tierOne }), 201);
  expect(await detailOf(owner, id)).toMatchObject({ riskTier: 1, template: { key: 'consumer-credit' } });
}

async function marcusDecides(target: Target, id: string, step: 'data_governance' | 'model_risk') {
  const client = await signedIn(target, 'data-governance@example.com');
  return sign(client, await payloadFor(client, { packageId: id, versionNumber: 1, stepKey: step, role: step, decision: 'approve', signer: marcus }));
}

export async function committeeEmergency(target: Target, id: string) {
  const client = await signedIn(target, 'committee@example.com');
  const payload = await payloadFor(client, { packageId: id, versionNumber: 1, stepKey: emergencyStepKey, role: 'committee', decision: 'emergency_approve', signer: robert });
  return sign(client, { ...payload, emergency });
}

export const keptSegregationScenarios: Scenario[] = [
  {
    name: 'kept decision segregation (0193 amendment): one person approved two steps under a chain that let them; under the stricter chain the later stops counting, the step reopens and says why; the record verifies, one counting it fails both verifiers',
    async run(target) {
      await changeRolesWithApproval(target, marcus.id, ['data_governance', 'model_risk']);
      const owner = await signedIn(target, 'owner@example.com');
      const id = await onSharedChain(target, owner, 'pd-kept-segregation');
      // The shared-deciders chain lets Marcus decide both steps.
      expectStatus(await marcusDecides(target, id, 'data_governance'), 201);
      expectStatus(await marcusDecides(target, id, 'model_risk'), 201);
      expect(await stepsOf(owner, id)).toEqual([['data_governance', 'approved'], ['model_risk', 'approved'], ['security', 'active']]);

      await moveToTierOne(target, owner, id);
      const moved = await detailOf(owner, id);
      expect(moved.status).toBe('in_review');
      // His data governance approval came first and stands; his model risk approval, the later one, does not.
      expect(moved.steps.map((s) => [s.key, s.status])).toEqual([['data_governance', 'approved'], ['model_risk', 'active'], ['fair_lending', 'waiting'], ['committee', 'waiting']]);
      expect(moved.steps[1]).toMatchObject({ approvals: [], staleApprovals: [{ actor: { id: marcus.id }, staleReason: expect.stringMatching(/segregation of duties.*Marcus Oyelaran already decided Data governance of this package/) as unknown }] });
      expectStatus(await decide(target, id, 'fair_lending', 'fair_lending'), 409);
      // Nor may he sign it again under the chain in force.
      expectStatus(await marcusDecides(target, id, 'model_risk'), 403);

      // The record in review verifies with both verifiers; one re-signed to count the later approval fails both (the old ones accepted it: the sections were covered).
      const inReview = await recordText(target, owner, id);
      expect(await failingChecks(owner, inReview)).toEqual([]);
      expect(verifyKeptDecisions(inReview)).toEqual({ ok: true, problems: [], keptApprovals: 1 });
      // What a server that kept counting Marcus's model risk approval would sign: the step approved, fair lending active.
      const claimed = await resigned(target.store, approvalRecordSchema.parse(JSON.parse(inReview)), claimKeptApprovalCounts);
      expect(await failingChecks(owner, claimed)).toEqual([expect.stringMatching(new RegExp(`^${keptLabel}: /steps/1/approvals/0: decision .* by Marcus Oyelaran was signed under ${sharedChain.key} version 1; under consumer-credit version 1's segregation of duties it does not count: Marcus Oyelaran already decided Data governance`))]);
      expect(verifyKeptDecisions(claimed)).toMatchObject({ ok: false, problems: [expect.stringMatching(/^steps\[1\]\.approvals\[0\] .* segregation of duties/)] });

      // Elena decides model risk; the chain goes on.
      expectStatus(await decide(target, id, 'model_risk', 'model_risk'), 201);
      expect(await stepsOf(owner, id)).toEqual([['data_governance', 'approved'], ['model_risk', 'approved'], ['fair_lending', 'active'], ['committee', 'waiting']]);
      expect(await failingChecks(owner, await recordText(target, owner, id))).toEqual([]);
    },
  },
  {
    name: 'kept decision segregation (0193 amendment): an emergency approval signed under the chain left no longer makes the package emergency approved; it stays on record, the new chain is in review, a new one may be signed; a record claiming the old one fails both verifiers',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const id = await onSharedChain(target, owner, 'pd-kept-emergency');
      const first = await committeeEmergency(target, id);
      expectStatus(first, 201);
      const firstId = (first.body as { id: string }).id;
      expect((await detailOf(owner, id)).status).toBe('emergency_approved');

      await moveToTierOne(target, owner, id);
      const moved = await detailOf(owner, id);
      expect(moved).toMatchObject({ status: 'in_review', currentStep: { key: 'data_governance' } });
      expect(moved.decisions.map((d) => [d.id, d.decision])).toEqual([[firstId, 'emergency_approve']]);

      const inReview = await recordText(target, owner, id);
      expect(await failingChecks(owner, inReview)).toEqual([]);
      expect(verifyKeptDecisions(inReview)).toMatchObject({ ok: true, problems: [] });
      expect((JSON.parse(inReview) as ApprovalRecord).emergencyApprovals?.map((e) => e.decisionId)).toEqual([firstId]);
      const claimed = await resigned(target.store, approvalRecordSchema.parse(JSON.parse(inReview)), (record) => {
        record.package.status = 'emergency_approved';
      });
      expect(await failingChecks(owner, claimed)).toEqual([expect.stringMatching(new RegExp(`^${keptLabel}: /package/status is emergency_approved, but the emergency approval of version 1 \\(${firstId}\\) was signed under a chain the package has left since`))]);
      expect(verifyKeptDecisions(claimed)).toMatchObject({ ok: false, problems: [expect.stringContaining('emergency_approved')] });

      // The chain in force lets the committee approve in an emergency too: a new one, judged under it, stands.
      expectStatus(await committeeEmergency(target, id), 201);
      expect((await detailOf(owner, id)).status).toBe('emergency_approved');
      const again = await recordText(target, owner, id);
      expect(await failingChecks(owner, again)).toEqual([]);
      expect(verifyKeptDecisions(again)).toMatchObject({ ok: true, problems: [] });
    },
  },
];
