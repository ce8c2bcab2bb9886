import { describe, inject, it } from 'vitest';
import { scenarios } from './support/scenarios.ts';
import { readRevocationScenarios } from './support/read-revocation-scenarios.ts';
import { keptAnswerScenarios } from './support/kept-answer-scenarios.ts';
import { signingScenarios } from './support/signing-scenarios.ts';
import { resubmissionScenarios } from './support/resubmission-scenarios.ts';
import { threadScenarios } from './support/thread-scenarios.ts';
import { auditScenarios } from './support/audit-scenarios.ts';
import { recordScenarios } from './support/record-scenarios.ts';
import { dashboardScenarios } from './support/dashboard-scenarios.ts';
import { dashboardScratchScenarios } from './support/dashboard-scratch-scenarios.ts';
import { dashboardKeptScenarios } from './support/dashboard-kept-scenarios.ts';
import { templateScenarios } from './support/template-scenarios.ts';
import { notificationScenarios } from './support/notification-scenarios.ts';
import { tokenScenarios } from './support/token-scenarios.ts';
import { delegationScenarios } from './support/delegation-scenarios.ts';
import { webhookScenarios } from './support/webhook-scenarios.ts';
import { emergencyScenarios } from './support/emergency-scenarios.ts';
import { clarificationScenarios } from './support/clarification-scenarios.ts';
import { reReviewScenarios } from './support/re-review-scenarios.ts';
import { templateKeyScenarios } from './support/template-key-scenarios.ts'; // new template keys
import { policyScenarios } from './support/policy-scenarios.ts';
import { policyScopeScenarios } from './support/policy-scope-scenarios.ts';
import { findingScenarios } from './support/finding-scenarios.ts';
import { draftScenarios } from './support/draft-scenarios.ts';
import { riskAssessmentScenarios } from './support/risk-assessment-scenarios.ts';
import { obligationScenarios } from './support/obligation-scenarios.ts';
import { governanceScenarios } from './support/governance-scenarios.ts';
import { governanceSnapshotScenarios, rollbackScenarios } from './support/rollback-scenarios.ts';
import { revalidationScenarios } from './support/revalidation-scenarios.ts';
import { tieringMethodScenarios } from './support/tiering-method-scenarios.ts';
import { demoEvidenceScenarios } from './support/demo-evidence-scenarios.ts';
import { inboxPageScenarios } from './support/inbox-page-scenarios.ts';
import { monitoringAlertScenarios } from './support/monitoring-alert-scenarios.ts';
import { monitoringSecret } from './support/monitoring-alerts.ts';
import { approvalGatingScenarios } from './support/approval-gating-scenarios.ts';
import { policyRecheckScenarios } from './support/policy-recheck-scenarios.ts';
import { policyRecheckRecordScenarios } from './support/policy-recheck-record-scenarios.ts';
import { tierChainScenarios } from './support/tier-chain-scenarios.ts';
import { keptDecisionScenarios } from './support/kept-decision-scenarios.ts';
import { keptSegregationScenarios } from './support/kept-segregation-scenarios.ts';
import { chainMoveLapseScenarios } from './support/chain-move-lapse-scenarios.ts';
import { assessorApprovalScenarios } from './support/assessor-approval-scenarios.ts';
import { tierTemplateMissingScenarios } from './support/tier-template-missing-scenarios.ts';
import { ownRolesScenarios } from './support/own-roles-scenarios.ts';
import { accountRequestScenarios } from './support/account-request-scenarios.ts';
import { catalogueProposalScenarios } from './support/catalogue-proposal-scenarios.ts';
import { proposerStandingScenarios } from './support/proposer-standing-scenarios.ts';
import { proposalComparisonScenarios } from './support/proposal-comparison-scenarios.ts';
import { proposalComparisonApprovalScenarios } from './support/proposal-comparison-approval-scenarios.ts';
import { directCatalogueScenarios } from './support/direct-catalogue-scenarios.ts';
import { overrideTargetScenarios } from './support/override-target-scenarios.ts';
import { revalidationAdvanceScenarios } from './support/revalidation-advance-scenarios.ts';
import { businessLineScenarios } from './support/business-line-scenarios.ts';
import { passwordLinkMailOffScenarios, passwordLinkScenarios } from './support/password-link-scenarios.ts';
import { newAccountMailOffScenarios, newAccountMailScenarios } from './support/new-account-scenarios.ts';
import { mockTarget, postgresTarget, sqliteTarget } from './support/targets.ts';
import type { Target } from './support/client.ts';
import type { Scenario } from './support/scenarios.ts';

// The same scenarios against the mocks and the real server on both engines: if the mocks
// drift from the server, or one engine from the other, a scenario fails for that target.
// Every target takes monitoring alerts signed with the same secret.
const monitoring = { secret: monitoringSecret };
const targets: [string, () => Promise<Target>][] = [
  ['MSW mocks', () => mockTarget({ monitoring })],
  ['server on SQLite', () => sqliteTarget({ monitoring })],
  ['server on PostgreSQL', () => postgresTarget(inject('databaseUrl'), { monitoring })],
];

/** Runs one scenario on a fresh target, closed whatever happens. */
async function runOn(makeTarget: () => Promise<Target>, scenario: Scenario): Promise<void> {
  const target = await makeTarget();
  try {
    await scenario.run(target);
  } finally {
    await target.close();
  }
}

describe.each(targets)('API contract: %s', (_name, makeTarget) => {
  for (const scenario of [...scenarios, ...threadScenarios, ...signingScenarios, ...resubmissionScenarios, ...auditScenarios, ...recordScenarios, ...dashboardScenarios, ...notificationScenarios, ...templateScenarios, ...tokenScenarios, ...delegationScenarios, ...webhookScenarios, ...reReviewScenarios, ...templateKeyScenarios, ...emergencyScenarios, ...clarificationScenarios, ...policyScenarios, ...policyScopeScenarios, ...findingScenarios, ...riskAssessmentScenarios, ...tierChainScenarios, ...keptDecisionScenarios, ...keptSegregationScenarios, ...chainMoveLapseScenarios, ...assessorApprovalScenarios, ...tierTemplateMissingScenarios, ...ownRolesScenarios, ...accountRequestScenarios, ...overrideTargetScenarios, ...revalidationAdvanceScenarios, ...draftScenarios, ...obligationScenarios, ...governanceScenarios, ...revalidationScenarios, ...demoEvidenceScenarios, ...rollbackScenarios, ...governanceSnapshotScenarios, ...inboxPageScenarios, ...tieringMethodScenarios, ...monitoringAlertScenarios, ...dashboardScratchScenarios, ...dashboardKeptScenarios, ...approvalGatingScenarios, ...policyRecheckScenarios, ...policyRecheckRecordScenarios, ...readRevocationScenarios, ...keptAnswerScenarios, ...businessLineScenarios, ...passwordLinkMailOffScenarios, ...newAccountMailOffScenarios, ...catalogueProposalScenarios, ...proposerStandingScenarios, ...proposalComparisonScenarios, ...proposalComparisonApprovalScenarios, ...directCatalogueScenarios]) {
    it(scenario.name, () => runOn(makeTarget, scenario));
  }
});

// Mail on (SMTP_HOST): set-password links and credential provenance (docs/decisions/0181).
const mail = { enabled: true, digestHourUtc: 7 };
const mailTargets: [string, () => Promise<Target>][] = [
  ['MSW mocks', () => mockTarget({ mail })],
  ['server on SQLite', () => sqliteTarget({ mail })],
  ['server on PostgreSQL', () => postgresTarget(inject('databaseUrl'), { mail })],
];

describe.each(mailTargets)('API contract with mail on: %s', (_name, makeTarget) => {
  for (const scenario of [...passwordLinkScenarios, ...newAccountMailScenarios]) {
    it(scenario.name, () => runOn(makeTarget, scenario));
  }
});
