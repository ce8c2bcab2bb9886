// The API contract's scenarios, run the same way on each target by one test file per target
// (api-contract-mocks, -sqlite, -postgres). If the mocks drift from the server, or one engine
// from the other, a scenario fails for that target. One file per target lets `npm test` queue
// the three as separate runs, so the two lanes share them instead of one lane running all
// three one after another (docs/decisions/0231).
import { describe, it } from 'vitest';
import { scenarios, type Scenario } from './scenarios.ts';
import { readRevocationScenarios } from './read-revocation-scenarios.ts';
import { keptAnswerScenarios } from './kept-answer-scenarios.ts';
import { signingScenarios } from './signing-scenarios.ts';
import { resubmissionScenarios } from './resubmission-scenarios.ts';
import { threadScenarios } from './thread-scenarios.ts';
import { auditScenarios } from './audit-scenarios.ts';
import { recordScenarios } from './record-scenarios.ts';
import { dashboardScenarios } from './dashboard-scenarios.ts';
import { dashboardScratchScenarios } from './dashboard-scratch-scenarios.ts';
import { dashboardKeptScenarios } from './dashboard-kept-scenarios.ts';
import { templateScenarios } from './template-scenarios.ts';
import { notificationScenarios } from './notification-scenarios.ts';
import { tokenScenarios } from './token-scenarios.ts';
import { delegationScenarios } from './delegation-scenarios.ts';
import { webhookScenarios } from './webhook-scenarios.ts';
import { emergencyScenarios } from './emergency-scenarios.ts';
import { clarificationScenarios } from './clarification-scenarios.ts';
import { reReviewScenarios } from './re-review-scenarios.ts';
import { templateKeyScenarios } from './template-key-scenarios.ts'; // new template keys
import { policyScenarios } from './policy-scenarios.ts';
import { policyScopeScenarios } from './policy-scope-scenarios.ts';
import { findingScenarios } from './finding-scenarios.ts';
import { draftScenarios } from './draft-scenarios.ts';
import { riskAssessmentScenarios } from './risk-assessment-scenarios.ts';
import { obligationScenarios } from './obligation-scenarios.ts';
import { governanceScenarios } from './governance-scenarios.ts';
import { governanceSnapshotScenarios, rollbackScenarios } from './rollback-scenarios.ts';
import { revalidationScenarios } from './revalidation-scenarios.ts';
import { tieringMethodScenarios } from './tiering-method-scenarios.ts';
import { demoEvidenceScenarios } from './demo-evidence-scenarios.ts';
import { inboxPageScenarios } from './inbox-page-scenarios.ts';
import { monitoringAlertScenarios } from './monitoring-alert-scenarios.ts';
import { monitoringSecret } from './monitoring-alerts.ts';
import { approvalGatingScenarios } from './approval-gating-scenarios.ts';
import { policyRecheckScenarios } from './policy-recheck-scenarios.ts';
import { policyRecheckRecordScenarios } from './policy-recheck-record-scenarios.ts';
import { tierChainScenarios } from './tier-chain-scenarios.ts';
import { keptDecisionScenarios } from './kept-decision-scenarios.ts';
import { keptSegregationScenarios } from './kept-segregation-scenarios.ts';
import { chainMoveLapseScenarios } from './chain-move-lapse-scenarios.ts';
import { assessorApprovalScenarios } from './assessor-approval-scenarios.ts';
import { tierTemplateMissingScenarios } from './tier-template-missing-scenarios.ts';
import { ownRolesScenarios } from './own-roles-scenarios.ts';
import { accountRequestScenarios } from './account-request-scenarios.ts';
import { catalogueProposalScenarios } from './catalogue-proposal-scenarios.ts';
import { proposerStandingScenarios } from './proposer-standing-scenarios.ts';
import { proposalComparisonScenarios } from './proposal-comparison-scenarios.ts';
import { proposalComparisonApprovalScenarios } from './proposal-comparison-approval-scenarios.ts';
import { directCatalogueScenarios } from './direct-catalogue-scenarios.ts';
import { overrideTargetScenarios } from './override-target-scenarios.ts';
import { revalidationAdvanceScenarios } from './revalidation-advance-scenarios.ts';
import { businessLineScenarios } from './business-line-scenarios.ts';
import { passwordLinkMailOffScenarios, passwordLinkScenarios } from './password-link-scenarios.ts';
import { newAccountMailOffScenarios, newAccountMailScenarios } from './new-account-scenarios.ts';
import type { ServerTargetOptions } from './targets.ts';
import type { Target } from './client.ts';

export const contractScenarios: readonly Scenario[] = [...scenarios, ...threadScenarios, ...signingScenarios, ...resubmissionScenarios, ...auditScenarios, ...recordScenarios, ...dashboardScenarios, ...notificationScenarios, ...templateScenarios, ...tokenScenarios, ...delegationScenarios, ...webhookScenarios, ...reReviewScenarios, ...templateKeyScenarios, ...emergencyScenarios, ...clarificationScenarios, ...policyScenarios, ...policyScopeScenarios, ...findingScenarios, ...riskAssessmentScenarios, ...tierChainScenarios, ...keptDecisionScenarios, ...keptSegregationScenarios, ...chainMoveLapseScenarios, ...assessorApprovalScenarios, ...tierTemplateMissingScenarios, ...ownRolesScenarios, ...accountRequestScenarios, ...overrideTargetScenarios, ...revalidationAdvanceScenarios, ...draftScenarios, ...obligationScenarios, ...governanceScenarios, ...revalidationScenarios, ...demoEvidenceScenarios, ...rollbackScenarios, ...governanceSnapshotScenarios, ...inboxPageScenarios, ...tieringMethodScenarios, ...monitoringAlertScenarios, ...dashboardScratchScenarios, ...dashboardKeptScenarios, ...approvalGatingScenarios, ...policyRecheckScenarios, ...policyRecheckRecordScenarios, ...readRevocationScenarios, ...keptAnswerScenarios, ...businessLineScenarios, ...passwordLinkMailOffScenarios, ...newAccountMailOffScenarios, ...catalogueProposalScenarios, ...proposerStandingScenarios, ...proposalComparisonScenarios, ...proposalComparisonApprovalScenarios, ...directCatalogueScenarios];

/** Mail on (SMTP_HOST): set-password links and credential provenance (docs/decisions/0181). */
export const mailContractScenarios: readonly Scenario[] = [...passwordLinkScenarios, ...newAccountMailScenarios];

/** A target made afresh for each scenario, with the options the scenario's group asks for. */
export type MakeTarget = (options: Pick<ServerTargetOptions, 'monitoring' | 'mail'>) => Promise<Target>;

/** Runs one scenario on a fresh target, closed whatever happens. */
async function runOn(makeTarget: () => Promise<Target>, scenario: Scenario): Promise<void> {
  const target = await makeTarget();
  try {
    await scenario.run(target);
  } finally {
    await target.close();
  }
}

/** Every target takes monitoring alerts signed with the same secret. */
const monitoring = { secret: monitoringSecret };
const mail = { enabled: true, digestHourUtc: 7 };

/** Declares every contract scenario, each on a fresh target from `makeTarget`, under the target's name. */
export function describeContractOn(targetName: string, makeTarget: MakeTarget): void {
  describe(`API contract: ${targetName}`, () => {
    for (const scenario of contractScenarios) it(scenario.name, () => runOn(() => makeTarget({ monitoring }), scenario));
  });
  describe(`API contract with mail on: ${targetName}`, () => {
    for (const scenario of mailContractScenarios) it(scenario.name, () => runOn(() => makeTarget({ mail }), scenario));
  });
}
