import type { SessionStore } from './session/store.ts';
import type { PackagesStore } from './packages/store.ts';
import type { ThreadsStore } from './threads/store.ts';
import type { SectionReviewsStore } from './section-reviews/store.ts';
import type { TemplatesStore } from './templates/store.ts';
import type { AuditStore } from './audit/store.ts';
import type { SigningStore } from './signing/store.ts';
import type { PasskeysStore } from './passkeys/store.ts';
import type { DelegationsStore } from './delegations/store.ts';
import type { TokensStore } from './tokens/store.ts';
import type { WebhooksStore } from './webhooks/store.ts';
import type { NotificationsStore } from './notifications/store.ts';
import type { ReReviewStore } from './re-review/store.ts';
import type { UsersStore } from './users/store.ts';
import type { ThrottleStore } from './throttle/store.ts';

// The storage port. The server implements it on SQLite and PostgreSQL (one Kysely layer),
// the mocks on SQLite in memory; the contract suite holds all three to the same behaviour. Each
// capability declares its slice (rows and methods) in api/<capability>/store.ts.

export type { StoredUser, StoredSession, StoredOidcLogin, StoredExternalIdentity } from './session/store.ts';
export type { StoredPackage, StoredVersionFacts, StoredVersion, StoredModel } from './packages/store.ts';
export type { StoredThread, StoredMessage, StoredRevision } from './threads/store.ts';
export type { StoredSectionReview } from './section-reviews/store.ts';
export type { AuditAppend, StoredAuditEntry, AuditFilter, StoredTreeHead } from './audit/store.ts';
export type { LegacyPrivateKey, StoredServerKey, StoredNonce, StoredSigningAttempt } from './signing/store.ts';
export type { StoredPasskey } from './passkeys/store.ts';
export type { StoredDelegationRecord, StoredDelegation, StoredDecisionDelegation } from './delegations/store.ts';
export type { StoredApiToken, StoredApiTokenState } from './tokens/store.ts';
export type { StoredWebhookEndpoint, StoredWebhookDelivery, StoredWebhookAttempt } from './webhooks/store.ts';
export type { StoredReReviewNotice } from './re-review/store.ts';
export type { StoredThrottle, StoredTrustedDevice } from './throttle/store.ts';

export interface StoreTx
  extends SessionStore,
    PackagesStore,
    ThreadsStore,
    SectionReviewsStore,
    TemplatesStore,
    AuditStore,
    SigningStore,
    PasskeysStore,
    DelegationsStore,
    TokensStore,
    WebhooksStore,
    NotificationsStore,
    ReReviewStore,
    UsersStore,
    ThrottleStore {}

export interface Store extends StoreTx {
  readonly engine: 'sqlite' | 'postgres';
  /** Runs `work` atomically: every write in it lands, or none does. */
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
