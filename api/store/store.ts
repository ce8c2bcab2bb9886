import type { SessionStore, StoredSession, StoredUser } from './session.ts';
import type { PackagesStore, StoredPackage, VersionAnswer, VersionResponses } from './packages.ts';
import type { ThreadsStore } from './threads.ts';
import type { FindingsStore } from './findings.ts';
import type { SectionReviewsStore } from './section-reviews.ts';
import type { TemplatesStore } from './templates.ts';
import type { PoliciesStore } from './policies.ts';
import type { RiskAssessmentsStore } from './risk-assessments.ts';
import type { AuditStore } from './audit.ts';
import type { SigningStore } from './signing.ts';
import type { PasskeysStore } from './passkeys.ts';
import type { DelegationsStore } from './delegations.ts';
import type { TokensStore } from './tokens.ts';
import type { WebhooksStore } from './webhooks.ts';
import type { NotificationsStore } from './notifications.ts';
import type { ReReviewStore } from './re-review.ts';
import type { UsersStore } from './users.ts';
import type { AccountRequestsStore } from './account-requests.ts';
import type { CatalogueProposalsStore } from './catalogue-proposals.ts';
import type { ThrottleStore } from './throttle.ts';
import type { MailStore } from './mail.ts';
import type { RegistriesStore } from './registries.ts';
import type { DraftsStore } from './drafts.ts';
import type { ObligationsStore } from './obligations.ts';
import type { GovernanceStore } from './governance.ts';
import type { RollbacksStore } from './rollbacks.ts';
import type { BusinessLinesStore } from './business-lines.ts';
import type { PackageSummariesStore } from './package-summaries.ts';

// The storage port. The server implements it on SQLite and PostgreSQL (one Kysely layer),
// the mocks on SQLite in memory; the contract suite holds all three to the same behaviour. Each
// capability declares its slice (rows and methods) in api/store/<capability>.ts, beside this
// file rather than in api/<capability>/: the kernel's request context carries the whole store,
// and every capability uses the context, so the port sits below both (no folder cycle).

export type { StoredUser, StoredSession, StoredOidcLogin, StoredSamlRequest, StoredExternalIdentity } from './session.ts';
export type { StoredPackage, StoredVersionFacts, StoredVersion, StoredModel, VersionResponses } from './packages.ts';
export type { StoredThread, StoredMessage, StoredRevision } from './threads.ts';
export type { StoredFinding, StoredFindingEvent } from './findings.ts';
export type { StoredSectionReview } from './section-reviews.ts';
export type { StoredPolicyEvaluation, StoredPolicyVersion } from './policies.ts';
export type { StoredRiskAssessment, StoredTierOverride, StoredTieringMethod } from './risk-assessments.ts';
export type { AuditAppend, StoredAuditEntry, AuditFilter, StoredTreeHead, StoredChainMove } from './audit.ts';
export type { StoredServerKey, StoredNonce, StoredSigningAttempt } from './signing.ts';
export type { StoredPasskey } from './passkeys.ts';
export type { StoredAccountRequest } from './account-requests.ts';
export type { StoredCatalogueProposal } from './catalogue-proposals.ts';
export type { StoredDelegationRecord, StoredDelegation, StoredDecisionDelegation } from './delegations.ts';
export type { StoredApiToken, StoredApiTokenState } from './tokens.ts';
export type { StoredWebhookEndpoint, StoredWebhookDelivery, StoredWebhookAttempt } from './webhooks.ts';
export type { StoredReReviewNotice, StoredRevalidation, StoredRevalidationSchedule } from './re-review.ts';
export type { StoredThrottle, StoredTrustedDevice } from './throttle.ts';
export type { StoredMail, StoredDigestItem } from './mail.ts';
export type { StoredReviewDraft, StoredResubmitDraft } from './drafts.ts';
export type { StoredObligation } from './obligations.ts';
export type { StoredPackageRollback } from './rollbacks.ts';
export type { StoredRegistryIntake, StoredRegistryWriteBack, StoredRegistryWriteBackAttempt, RegistryOutcome, RegistryWriteBackDetails } from './registries.ts';

export interface StoreTx
  extends SessionStore,
    PackagesStore,
    ThreadsStore,
    FindingsStore,
    SectionReviewsStore,
    TemplatesStore,
    PoliciesStore,
    RiskAssessmentsStore,
    AuditStore,
    SigningStore,
    PasskeysStore,
    DelegationsStore,
    TokensStore,
    WebhooksStore,
    NotificationsStore,
    ReReviewStore,
    UsersStore,
    AccountRequestsStore,
    CatalogueProposalsStore,
    ThrottleStore,
    MailStore,
    RegistriesStore,
    DraftsStore,
    ObligationsStore,
    GovernanceStore,
    RollbacksStore,
    BusinessLinesStore,
    PackageSummariesStore {}

export interface Store extends StoreTx {
  readonly engine: 'sqlite' | 'postgres';
  /** The version read route's answer: SQLite's kept under its change clock, PostgreSQL's by row version (0214); absent on the mocks. */
  readonly versionResponses?: VersionResponses;
  /** SQLite only: what it keeps under its change clock, looked up without waiting (the version read path's plain hits, 0202). */
  readonly kept?: KeptReads;
  /** Runs `work` atomically: every write in it lands, or none does. */
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Rows and answers a store keeps under its change clock (SQLite: coherent-cache.ts,
 * version-responses.ts), looked up synchronously: each is what the store's own read would answer
 * now, or undefined when that read would have to go to the database (not kept, or the clock moved).
 * Absent rows are never kept, so undefined is never "no such row".
 */
export interface KeptReads {
  session(tokenHash: string): StoredSession | undefined;
  user(id: string): StoredUser | undefined;
  package(id: string): StoredPackage | undefined;
  /** A version's whole answer, when kept as bytes (0199). */
  answer(packageId: string, number: number): VersionAnswer | undefined;
}
