import { expect } from 'vitest';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import type { CreateTemplateRequest } from '#domain/contracts/template-admin.ts';
import { notificationListSchema } from '#domain/contracts/notifications.ts';
import { approvalRecordSchema, type ApprovalRecord } from '#domain/contracts/record.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { verifyRecordText } from '#domain/evidence/verify-record.ts';
import { resigned } from '../../support/resigned-record.ts';
import { verifyKeptDecisions } from '../../independent/kept-decisions-verifier.ts';
import { changeCatalogue } from './catalogue-proposals.ts';
import { origin, type Client, type Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';
import { approvedThroughModelRisk, decide, detailOf, stepsOf, tierOne, tieringAnalyst } from './tier-chain-scenarios.ts';

// A decision kept when the chain moves to a stricter tier's template satisfies a step only if the
// step it was signed under covered every section the new step requires (docs/decisions/0193).
// A custom tier 3 chain for consumer lending whose model risk step answers only for methodology
// and evaluation; the tier 1 chain (consumer credit) asks model risk for limitations, oversight
// and validation too. Against the mocks, SQLite and PostgreSQL.

const laxChain: CreateTemplateRequest = {
  key: 'lending-tier-3',
  name: 'Consumer lending, tier 3',
  riskTiers: [3],
  businessLines: ['Consumer lending'],
  staleApprovals: 'responsible_sections',
  steps: [
    // Data governance answers for what the tier 1 chain's step does: its approval stands.
    { key: 'data_governance', name: 'Data governance', role: 'data_governance', approvalsRequired: 1, dueHours: 72, sections: ['identification', 'training_data', 'regulatory_references'] },
    { key: 'model_risk', name: 'Model risk management', role: 'model_risk', approvalsRequired: 1, dueHours: 120, sections: ['design_methodology', 'evaluation'] },
    { key: 'security', name: 'Security', role: 'security', approvalsRequired: 1, dueHours: 72, sections: ['security_controls'] },
  ],
};

const keptLabel = 'Decisions kept when the chain moved';

export async function recordText(target: Target, client: Client, id: string): Promise<string> {
  const response = await target.fetch(new Request(`${origin}/api/packages/${id}/record`, { headers: { cookie: `${sessionCookieName}=${client.cookie ?? ''}` } }));
  const text = await response.text();
  expect(response.status, text.slice(0, 500)).toBe(200);
  return text;
}

export async function failingChecks(client: Client, text: string): Promise<string[]> {
  const keys = ((await client.get('/api/keys')).body as { keys: ServerKey[] }).keys;
  const verdict = await verifyRecordText(text, { trustedKeys: keys });
  return verdict.checks.filter((c) => !c.ok).map((c) => `${c.label}: ${c.detail}`);
}

async function stepActiveTexts(target: Target, email: string, id: string): Promise<string[]> {
  const reader = await signedIn(target, email);
  return notificationListSchema.parse((await reader.get('/api/notifications')).body).items.filter((n) => n.packageId === id && n.kind === 'step_active').map((n) => n.text);
}

/** What a server that counted the kept approval would sign: model risk approved by it, fair lending active. */
export function claimKeptApprovalCounts(record: ApprovalRecord): void {
  const [, modelRisk, fairLending] = record.steps;
  if (!modelRisk || !fairLending) throw new Error('the consumer credit chain has four steps');
  modelRisk.approvals = modelRisk.staleApprovals;
  modelRisk.staleApprovals = [];
  modelRisk.status = 'approved';
  modelRisk.dueAt = null;
  modelRisk.overdue = false;
  fairLending.status = 'active';
}

export const keptDecisionScenarios: Scenario[] = [
  {
    name: 'kept decision (0193): under a stricter chain whose step requires more sections, the kept approval does not count; the step waits, signing it completes the chain; the record verifies, one claiming the kept approval fails',
    async run(target) {
      await changeCatalogue(target, { kind: 'publish_template', change: laxChain });
      const owner = await signedIn(target, 'owner@example.com');
      const id = await approvedThroughModelRisk(target, owner, 'pd-kept-sections');
      expect(await detailOf(owner, id)).toMatchObject({ riskTier: 3, template: { key: 'lending-tier-3' } });
      expect(await stepsOf(owner, id)).toEqual([['data_governance', 'approved'], ['model_risk', 'approved'], ['security', 'active']]);

      // Read once before the move, so the list read after it is the kept one brought up to date (0131).
      expect(await stepActiveTexts(target, 'model-risk@example.com', id)).toEqual([expect.stringContaining('Your step, Model risk management, is now active')]);

      // The tiering analyst (not Elena, who approved) assesses tier 1: the chain moves to consumer credit.
      expectStatus(await (await signedIn(target, tieringAnalyst)).post(`/api/packages/${id}/risk-assessments`, { answers: tierOne }), 201);
      const moved = await detailOf(owner, id);
      expect(moved).toMatchObject({ riskTier: 1, template: { key: 'consumer-credit' }, status: 'in_review' });
      // Data governance's step covered its new one: it stands. Model risk's did not: it waits for a new decision.
      expect(moved.steps.map((s) => [s.key, s.status])).toEqual([['data_governance', 'approved'], ['model_risk', 'active'], ['fair_lending', 'waiting'], ['committee', 'waiting']]);
      expect(moved.steps[1]).toMatchObject({ approvals: [], staleApprovals: [{ actor: { displayName: expect.any(String) as unknown } }] });
      // Fair lending cannot act yet: its step waits behind model risk.
      expectStatus(await decide(target, id, 'fair_lending', 'fair_lending'), 409);
      // Model risk is told its step is active again; fair lending is not told of a step it cannot take.
      expect(await stepActiveTexts(target, 'model-risk@example.com', id)).toEqual([expect.stringContaining('Your step, Model risk management, is now active'), expect.stringContaining('Your step, Model risk management, is now active')]);
      expect(await stepActiveTexts(target, 'fair-lending@example.com', id)).toEqual([]);

      // The record of the package in review verifies with both verifiers; one re-signed to count the kept approval fails both.
      const inReview = await recordText(target, owner, id);
      expect(await failingChecks(owner, inReview)).toEqual([]);
      expect(verifyKeptDecisions(inReview)).toEqual({ ok: true, problems: [], keptApprovals: 1 });
      const claimed = await resigned(target.store, approvalRecordSchema.parse(JSON.parse(inReview)), claimKeptApprovalCounts);
      const failing = await failingChecks(owner, claimed);
      expect(failing).toEqual([expect.stringMatching(new RegExp(`^${keptLabel}: /steps/1/approvals/0: decision .* was signed under lending-tier-3 version 1, whose step model_risk did not cover limitations_risks, human_oversight, validation_findings`))]);
      expect(verifyKeptDecisions(claimed)).toMatchObject({ ok: false, problems: [expect.stringContaining('steps[1].approvals[0]')] });

      // Model risk signs again under the tier 1 chain; fair lending and the committee complete it.
      expectStatus(await decide(target, id, 'model_risk', 'model_risk'), 201);
      expect(await stepsOf(owner, id)).toEqual([['data_governance', 'approved'], ['model_risk', 'approved'], ['fair_lending', 'active'], ['committee', 'waiting']]);
      expectStatus(await decide(target, id, 'fair_lending', 'fair_lending'), 201);
      expectStatus(await decide(target, id, 'committee', 'committee'), 201);
      expect((await detailOf(owner, id)).status).toBe('approved');

      const approved = await recordText(target, owner, id);
      expect(await failingChecks(owner, approved)).toEqual([]);
      const verdict = await verifyRecordText(approved, { trustedKeys: ((await owner.get('/api/keys')).body as { keys: ServerKey[] }).keys });
      expect(verdict.valid).toBe(true);
      expect(verdict.checks.find((c) => c.label === keptLabel)).toMatchObject({ ok: true, detail: expect.stringContaining('each of the 1 approval') as unknown });
      expect(verifyKeptDecisions(approved)).toEqual({ ok: true, problems: [], keptApprovals: 1 });
      expect((JSON.parse(approved) as ApprovalRecord).earlierTemplateDefinitions?.map((t) => t.key)).toEqual(['lending-tier-3']);
    },
  },
];
