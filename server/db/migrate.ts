import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { Engine } from './schema/engine.ts';
import type { Database } from './schema/schema.ts';
import * as initial from './migrations/001-initial.ts';
import * as threadsAndReviews from './migrations/002-threads-and-reviews.ts';
import * as signing from './migrations/003-signing.ts';
import * as passkeyChallenges from './migrations/004-passkey-challenges.ts';
import * as versionAnswers from './migrations/005-version-answers.ts';
import * as auditTreeHeads from './migrations/006-audit-tree-heads.ts';
import * as delegations from './migrations/007-delegations.ts';
import * as apiTokens from './migrations/008-api-tokens.ts';
import * as webhooks from './migrations/009-webhooks.ts';
import * as notificationReads from './migrations/010-notification-reads.ts';
import * as emergencyApprovals from './migrations/011-emergency-approvals.ts';
import * as reReviewNotices from './migrations/012-re-review-notices.ts';
import * as loginFailures from './migrations/013-login-failures.ts';
import * as oidc from './migrations/014-oidc.ts';
import * as accountLifecycle from './migrations/015-account-lifecycle.ts';
import * as throttling from './migrations/016-throttling.ts';
import * as delegationAcceptances from './migrations/017-delegation-acceptances.ts';
import * as approvalOverrides from './migrations/018-approval-overrides.ts';
import * as findings from './migrations/019-findings.ts';
import * as mail from './migrations/020-mail.ts';
import * as saml from './migrations/023-saml.ts';
import * as registries from './migrations/024-registries.ts';
import * as policies from './migrations/025-policies.ts';
import * as reviewDrafts from './migrations/028-review-drafts.ts';
import * as findingsRegister from './migrations/029-findings-register-and-reminders.ts';
import * as checkpointCosignatures from './migrations/030-checkpoint-cosignatures.ts';
import * as riskAssessments from './migrations/031-risk-assessments.ts';
import * as monitoringAlerts from './migrations/032-monitoring-alerts.ts';
import * as obligations from './migrations/033-obligations.ts';
import * as revalidation from './migrations/034-revalidation.ts';
import * as governanceMetrics from './migrations/035-governance-metrics.ts';
import * as packageSummaries from './migrations/036-package-summaries.ts';
import * as packageRollbacks from './migrations/038-package-rollbacks.ts';
import * as governanceSnapshots from './migrations/040-governance-snapshots.ts';
import * as policyReevaluations from './migrations/041-policy-reevaluations.ts';
import * as dashboardAggregates from './migrations/045-dashboard-aggregates.ts';
import * as conditionalDecisions from './migrations/047-conditional-decisions.ts';
import * as effectivePolicyEvaluations from './migrations/049-effective-policy-evaluations.ts';
import * as dashboardFirstPages from './migrations/053-dashboard-first-pages.ts';
import * as businessLines from './migrations/054-business-lines.ts';
import * as revalidationAdvances from './migrations/055-revalidation-advances.ts';
import * as accountRequests from './migrations/056-account-requests.ts';
import * as auditSubjectLinks from './migrations/059-audit-subject-links.ts';
import * as credentialProvenance from './migrations/060-credential-provenance.ts';
import * as lineRefilesRequired from './migrations/061-line-refiles-required.ts';
import * as summaryTierSetters from './migrations/062-summary-tier-setters.ts';
import * as catalogueProposals from './migrations/063-catalogue-proposals.ts';
import * as accountHistory from './migrations/064-account-history.ts';
import * as accountRequestHashes from './migrations/065-account-request-hashes.ts';
import * as packagesOwnerIndex from './migrations/066-packages-owner-index.ts';

// Migrations are listed in code (no directory scanning), so the built server and tests run
// exactly the same set. Kysely's migrator takes a lock, so several instances may start at once.

const all: Record<string, { up: (db: Kysely<unknown>, engine: Engine) => Promise<void> }> = {
  '001-initial': initial,
  '002-threads-and-reviews': threadsAndReviews,
  '003-signing': signing,
  '004-passkey-challenges': passkeyChallenges,
  '005-version-answers': versionAnswers,
  '006-audit-tree-heads': auditTreeHeads,
  '007-delegations': delegations,
  '008-api-tokens': apiTokens,
  '009-webhooks': webhooks,
  '010-notification-reads': notificationReads,
  '011-emergency-approvals': emergencyApprovals,
  '012-re-review-notices': reReviewNotices,
  '013-login-failures': loginFailures,
  '014-oidc': oidc,
  '015-account-lifecycle': accountLifecycle,
  '016-throttling': throttling,
  '017-delegation-acceptances': delegationAcceptances,
  '018-approval-overrides': approvalOverrides,
  '019-findings': findings,
  '020-mail': mail,
  '023-saml': saml,
  '024-registries': registries,
  '025-policies': policies,
  '028-review-drafts': reviewDrafts,
  '029-findings-register-and-reminders': findingsRegister,
  '030-checkpoint-cosignatures': checkpointCosignatures,
  '031-risk-assessments': riskAssessments,
  '032-monitoring-alerts': monitoringAlerts,
  '033-obligations': obligations,
  '034-revalidation': revalidation,
  '035-governance-metrics': governanceMetrics,
  '036-package-summaries': packageSummaries,
  '038-package-rollbacks': packageRollbacks,
  '040-governance-snapshots': governanceSnapshots,
  '041-policy-reevaluations': policyReevaluations,
  '045-dashboard-aggregates': dashboardAggregates,
  '047-conditional-decisions': conditionalDecisions,
  '049-effective-policy-evaluations': effectivePolicyEvaluations,
  '053-dashboard-first-pages': dashboardFirstPages,
  '054-business-lines': businessLines,
  '055-revalidation-advances': revalidationAdvances,
  '056-account-requests': accountRequests,
  '059-audit-subject-links': auditSubjectLinks,
  '060-credential-provenance': credentialProvenance,
  '061-line-refiles-required': lineRefilesRequired,
  '062-summary-tier-setters': summaryTierSetters,
  '063-catalogue-proposals': catalogueProposals,
  '064-account-history': accountHistory,
  '065-account-request-hashes': accountRequestHashes,
  '066-packages-owner-index': packagesOwnerIndex,
};

export async function migrate(db: Kysely<Database>, engine: Engine): Promise<void> {
  const provider: MigrationProvider = {
    getMigrations: () =>
      Promise.resolve(
        Object.fromEntries(Object.entries(all).map(([name, m]): [string, Migration] => [name, { up: (d) => m.up(d as Kysely<unknown>, engine) }])),
      ),
  };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
