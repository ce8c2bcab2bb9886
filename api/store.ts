import type { Decision } from '#domain/contracts/decisions.ts';
import type { Role } from '#domain/contracts/roles.ts';
import type { Actor } from '#domain/contracts/decisions.ts';
import type { TextQuoteSelector, ThreadKind, ThreadStatus } from '#domain/contracts/threads.ts';
import type { WorkflowTemplate } from '#domain/contracts/workflow-template.ts';
import type { AuditEvent } from '#domain/contracts/audit-events.ts';
import type { ConcernAnswer } from '#domain/contracts/revisions.ts';
import type { WebhookDeliveryStatus, WebhookEventType } from '#domain/contracts/webhooks.ts';

// The storage port. The server implements it on SQLite and PostgreSQL (one Kysely layer),
// the mocks in memory; the contract suite holds all three to the same behaviour.

export interface StoredUser {
  id: string;
  email: string;
  displayName: string;
  title: string;
  roles: Role[];
  /** Empty for an account that signs in only through single sign-on: no password matches it. */
  passwordHash: string;
}

export interface StoredSession {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface StoredPackage {
  id: string;
  modelKey: string;
  modelName: string;
  versionLabel: string;
  riskTier: number;
  businessLine: string;
  ownerTeam: string;
  ownerId: string;
  templateKey: string;
  templateVersion: number;
  createdAt: string;
  updatedAt: string;
}

/** A version without its content: enough for workflow state and listings. */
export interface StoredVersionFacts {
  packageId: string;
  number: number;
  contentHash: string;
  sectionDigests: Record<string, string>;
  submittedBy: string;
  submittedAt: string;
}

export interface StoredVersion extends StoredVersionFacts {
  /** The exact RFC 8785 canonical bytes (as text) the hash was computed over. */
  canonicalContent: string;
}

export interface StoredModel {
  key: string;
  name: string;
  ownerId: string;
}

export interface StoredThread {
  id: string;
  packageId: string;
  versionNumber: number;
  sectionKey: string;
  kind: ThreadKind;
  severity: 'low' | 'medium' | 'high' | 'critical' | null;
  status: ThreadStatus;
  anchor: TextQuoteSelector | null;
  createdBy: Actor;
  createdAt: string;
  resolvedBy: Actor | null;
  resolvedAt: string | null;
}

/** A message as first written; it is never changed (edits and retractions are revisions). */
export interface StoredMessage {
  id: string;
  threadId: string;
  author: Actor;
  authorRole: Role;
  body: string;
  createdAt: string;
  position: number;
}

export interface StoredRevision {
  id: string;
  messageId: string;
  kind: 'edit' | 'retract';
  /** The new text for an edit; empty for a retraction. */
  body: string;
  at: string;
}

export interface StoredSectionReview {
  packageId: string;
  versionNumber: number;
  sectionKey: string;
  reviewer: Actor;
  reviewedAt: string;
}

/** A countersigning key of the server (Ed25519). The private key never leaves the server. */
export interface StoredServerKey {
  keyId: string;
  algorithm: 'Ed25519';
  publicKey: string;
  privateKeyPkcs8: string;
  createdAt: string;
}

/** A signing nonce, stored as its hash; single use, short-lived, bound to a user and package. */
export interface StoredNonce {
  nonceHash: string;
  userId: string;
  packageId: string;
  issuedAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface StoredPasskey {
  credentialId: string;
  userId: string;
  name: string;
  publicKeyJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
  createdAt: string;
}

export interface StoredSigningAttempt {
  id: string;
  userId: string;
  at: string;
  ok: boolean;
}

// A token as created, stored by its secret's SHA-256.
export interface StoredApiToken {
  id: string;
  modelKey: string;
  name: string;
  tokenHash: string;
  createdBy: string;
  createdAt: string;
}

/** A token with its revocation, if any (revocations are their own append-only rows). */
export interface StoredApiTokenState extends StoredApiToken {
  revocation: { revokedBy: string; revokedAt: string } | null;
}

export interface AuditAppend {
  event: AuditEvent;
  actorId: string | null;
  at: string;
}

/** An audit row exactly as stored: before/after as their JSON text, unparsed, so a tampered row can still be read and named. */
export interface StoredAuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  subject: string;
  beforeJson: string;
  afterJson: string;
  prevHash: string;
  entryHash: string;
}

/** Filters on the audit log; every bound inclusive, entries oldest first. */
export interface AuditFilter {
  actorId?: string;
  action?: string;
  /** Only entries about this subject (a package id, a user id). */
  subject?: string;
  fromAt?: string;
  toAt?: string;
}

/** A published tree head, kept so later checks can prove the log only grew since. */
export interface StoredTreeHead {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  keyId: string;
  signature: string;
}

// --- webhooks: endpoints (state), the delivery queue, and the append-only attempt log ---
export interface StoredWebhookEndpoint {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  /** Kept as given (whsec_…): the server must sign with it, so it cannot be hashed. */
  secret: string;
  enabled: boolean;
  createdAt: string;
  createdBy: string;
}

export interface StoredWebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: WebhookEventType;
  payload: string;
  attempts: number;
  status: WebhookDeliveryStatus;
  /** When the dispatcher may next take it (also its lease while an attempt runs); null once settled. */
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface StoredWebhookAttempt {
  deliveryId: string;
  attempt: number;
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}
// --- end webhooks ---

// --- delegations: the delegation, its revocation and the decisions signed under it (all append-only) ---
export interface StoredDelegationRecord {
  id: string;
  role: Role;
  delegatorId: string;
  delegateId: string;
  startsAt: string;
  endsAt: string;
  reason: string;
  createdBy: string;
  createdAt: string;
}

export interface StoredDelegation extends StoredDelegationRecord {
  revokedAt: string | null;
  revokedBy: string | null;
}

export interface StoredDecisionDelegation {
  decisionId: string;
  delegationId: string;
  delegatorId: string;
}
// --- end delegations ---

// One row per approval with conditions whose re-review was noticed; append-only
export interface StoredReReviewNotice {
  decisionId: string;
  packageId: string;
  reReviewOn: string;
  noticedAt: string;
}

// --- single sign-on (OIDC) ---
/** A started OIDC log-in: single use, short-lived, found by the SHA-256 of its state. */
export interface StoredOidcLogin {
  stateHash: string;
  /** SHA-256 of the random value the starting browser holds in a cookie. */
  bindingHash: string;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  redirectUri: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/** The local user an identity provider's (issuer, subject) signs in as. */
export interface StoredExternalIdentity {
  issuer: string;
  subject: string;
  userId: string;
  createdAt: string;
}
// --- end single sign-on ---

export interface StoreTx {
  findUserByEmail(email: string): Promise<StoredUser | null>;
  findUserById(id: string): Promise<StoredUser | null>;
  listUsers(): Promise<StoredUser[]>;
  insertUser(user: StoredUser): Promise<void>;

  insertSession(session: StoredSession): Promise<void>;
  findSession(tokenHash: string): Promise<StoredSession | null>;
  deleteSession(tokenHash: string): Promise<void>;

  findModel(key: string): Promise<StoredModel | null>;
  insertModel(model: StoredModel): Promise<void>;

  listPackages(): Promise<StoredPackage[]>;
  findPackage(id: string): Promise<StoredPackage | null>;
  findPackageByModelVersion(modelKey: string, versionLabel: string): Promise<StoredPackage | null>;
  insertPackage(pkg: StoredPackage): Promise<void>;
  touchPackage(id: string, updatedAt: string): Promise<void>;
  /**
   * Holds the package for the rest of the transaction, so two decisions on it (from two API
   * instances) are checked and written one after the other. No-op where there is one writer.
   */
  lockPackage(id: string): Promise<void>;

  listVersionFacts(packageIds: readonly string[] | 'all'): Promise<StoredVersionFacts[]>;
  findVersion(packageId: string, number: number): Promise<StoredVersion | null>;
  insertVersion(version: StoredVersion): Promise<void>;
  /** The answers submitted with a version, in their order; written once, never changed. */
  insertVersionAnswers(packageId: string, versionNumber: number, answers: readonly ConcernAnswer[]): Promise<void>;
  /** A version's answers in submission order ([] when it came with none). */
  listVersionAnswers(packageId: string, versionNumber: number): Promise<ConcernAnswer[]>;

  listDecisions(packageIds: readonly string[] | 'all'): Promise<Decision[]>;
  insertDecision(decision: Decision): Promise<void>;

  listThreads(packageIds: readonly string[] | 'all'): Promise<StoredThread[]>;
  findThread(id: string): Promise<StoredThread | null>;
  insertThread(thread: StoredThread): Promise<void>;
  setThreadStatus(id: string, status: ThreadStatus, resolvedBy: Actor | null, resolvedAt: string | null): Promise<void>;
  listMessages(threadIds: readonly string[]): Promise<StoredMessage[]>;
  insertMessage(message: StoredMessage): Promise<void>;
  listRevisions(messageIds: readonly string[]): Promise<StoredRevision[]>;
  insertRevision(revision: StoredRevision): Promise<void>;

  listSectionReviews(packageId: string): Promise<StoredSectionReview[]>;
  /** Idempotent: marking twice keeps the first time. */
  insertSectionReview(review: StoredSectionReview): Promise<boolean>;
  deleteSectionReview(packageId: string, versionNumber: number, sectionKey: string, reviewerId: string): Promise<boolean>;

  findTemplate(key: string, version: number): Promise<WorkflowTemplate | null>;
  listTemplates(): Promise<WorkflowTemplate[]>;
  insertTemplate(template: WorkflowTemplate): Promise<void>;

  appendAudit(entry: AuditAppend): Promise<{ seq: number; entryHash: string }>;
  /** Up to `limit` entries matching `filter` with seq above `afterSeq`, ascending by seq. */
  listAuditEntries(filter: AuditFilter, afterSeq: number, limit: number): Promise<StoredAuditEntry[]>;
  countAuditEntries(filter: AuditFilter): Promise<number>;
  /** The highest seq written (0 for an empty log). */
  auditLogSize(): Promise<number>;
  /** seq and entryHash of every entry with seq <= upToSeq, ascending: the Merkle tree's leaves. */
  listAuditEntryHashes(upToSeq: number): Promise<{ seq: number; entryHash: string }[]>;

  /** Idempotent per tree size: a second head for a size already published is ignored (false). */
  insertTreeHead(head: StoredTreeHead): Promise<boolean>;
  /** Every published head, ascending by size. */
  listTreeHeads(): Promise<StoredTreeHead[]>;

  listServerKeys(): Promise<StoredServerKey[]>;
  insertServerKey(key: StoredServerKey): Promise<void>;

  insertNonce(nonce: StoredNonce): Promise<void>;
  findNonce(nonceHash: string): Promise<StoredNonce | null>;
  /** Marks an unused nonce used; false if it was used already (a replay, or a race lost). */
  useNonce(nonceHash: string, at: string): Promise<boolean>;

  listPasskeys(userId: string): Promise<StoredPasskey[]>;
  findPasskey(credentialId: string): Promise<StoredPasskey | null>;
  insertPasskey(passkey: StoredPasskey): Promise<void>;
  deletePasskey(credentialId: string): Promise<boolean>;

  insertPasskeyChallenge(challenge: { challengeHash: string; userId: string; expiresAt: string }): Promise<void>;
  /** Marks a user's unexpired, unused registration challenge used; false otherwise. */
  usePasskeyChallenge(challengeHash: string, userId: string, at: string): Promise<boolean>;

  insertSigningAttempt(attempt: StoredSigningAttempt): Promise<void>;
  /** A user's attempts at or after `since`, oldest first. */
  listSigningAttempts(userId: string, since: string): Promise<StoredSigningAttempt[]>;

  /** The signature material of a decision, as canonical JSON of a DecisionSignature. */
  insertDecisionSignature(decisionId: string, signature: string): Promise<void>;
  listDecisionSignatures(decisionIds: readonly string[]): Promise<{ decisionId: string; signature: string }[]>;

  // (a role delegated to a named person for a bounded time)
  insertDelegation(delegation: StoredDelegationRecord): Promise<void>;
  /** Every delegation with its revocation (if any), oldest first. */
  listDelegations(): Promise<StoredDelegation[]>;
  /** Revokes once: false if the delegation was already revoked. */
  insertDelegationRevocation(revocation: { delegationId: string; revokedAt: string; revokedBy: string }): Promise<boolean>;
  /** Records that a decision was signed by a delegate; written in the signing transaction. */
  insertDecisionDelegation(row: StoredDecisionDelegation): Promise<void>;
  listDecisionDelegations(decisionIds: readonly string[]): Promise<StoredDecisionDelegation[]>;

  /** Every model, by key: what a token can be scoped to. */
  listModels(): Promise<StoredModel[]>;
  insertApiToken(token: StoredApiToken): Promise<void>;
  /** Every token with its revocation, newest first. */
  listApiTokens(): Promise<StoredApiTokenState[]>;
  findApiToken(id: string): Promise<StoredApiTokenState | null>;
  findApiTokenByHash(tokenHash: string): Promise<StoredApiTokenState | null>;
  /** Revokes once: false if the token was already revoked. */
  insertApiTokenRevocation(revocation: { tokenId: string; revokedBy: string; revokedAt: string }): Promise<boolean>;

  listWebhookEndpoints(): Promise<StoredWebhookEndpoint[]>;
  findWebhookEndpoint(id: string): Promise<StoredWebhookEndpoint | null>;
  insertWebhookEndpoint(endpoint: StoredWebhookEndpoint): Promise<void>;
  /** false when no such endpoint. */
  setWebhookEndpointEnabled(id: string, enabled: boolean): Promise<boolean>;
  insertWebhookDelivery(delivery: StoredWebhookDelivery): Promise<void>;
  /** An endpoint's deliveries, newest first, at most `limit`. */
  listWebhookDeliveries(endpointId: string, limit: number): Promise<StoredWebhookDelivery[]>;
  /** Pending deliveries of enabled endpoints due at or before `at`, oldest first. */
  listDueWebhookDeliveries(at: string, limit: number): Promise<StoredWebhookDelivery[]>;
  /** Takes a due delivery by moving its next attempt to `leaseUntil`, only if nobody moved it since it was read; false when another instance won. */
  claimWebhookDelivery(id: string, expectedNextAttemptAt: string, leaseUntil: string): Promise<boolean>;
  updateWebhookDelivery(id: string, update: Pick<StoredWebhookDelivery, 'attempts' | 'status' | 'nextAttemptAt' | 'lastStatus' | 'lastError' | 'deliveredAt'>): Promise<void>;
  insertWebhookAttempt(attempt: StoredWebhookAttempt): Promise<void>;
  /** Attempts of the given deliveries, by delivery then attempt number. */
  listWebhookAttempts(deliveryIds: readonly string[]): Promise<StoredWebhookAttempt[]>;

  // How far each user has read, as an audit seq
  /** The user's last read audit seq; 0 when they never marked anything read. */
  findNotificationReadSeq(userId: string): Promise<number>;
  /** Raises the user's last read seq to `seq`; never lowers it (false when it was not raised). */
  raiseNotificationReadSeq(userId: string, seq: number, at: string): Promise<boolean>;

  // (brute force of sign-in): failed attempts per email, newest first
  /** Records a failed sign-in; rows of this email older than `pruneBefore` are dropped. */
  insertLoginFailure(failure: { email: string; at: string; pruneBefore: string }): Promise<void>;
  /** Times of the email's latest failures at or after `since`, newest first, at most `limit`. */
  listLoginFailures(email: string, since: string, limit: number): Promise<string[]>;
  /** A successful sign-in starts the count again. */
  clearLoginFailures(email: string): Promise<void>;

  /** Records a decision's re-review notice once: false, writing nothing, when it was recorded already (by this or another instance). */
  insertReReviewNotice(notice: StoredReReviewNotice): Promise<boolean>;
  listReReviewNotices(): Promise<StoredReReviewNotice[]>;
  insertOidcLogin(login: StoredOidcLogin): Promise<void>;
  findOidcLogin(stateHash: string): Promise<StoredOidcLogin | null>;
  /** Marks an unused, unexpired log-in used; false if it was used already or expired (a replay, or a race lost). */
  useOidcLogin(stateHash: string, at: string): Promise<boolean>;
  /** Housekeeping: forgets log-ins that expired before `before`. */
  deleteExpiredOidcLogins(before: string): Promise<void>;
  findExternalIdentity(issuer: string, subject: string): Promise<StoredExternalIdentity | null>;
  insertExternalIdentity(identity: StoredExternalIdentity): Promise<void>;
  /** What the identity provider says about a provisioned user, refreshed at each sign-in. */
  updateUserProfile(id: string, profile: Pick<StoredUser, 'email' | 'displayName' | 'roles'>): Promise<void>;
}

export interface Store extends StoreTx {
  readonly engine: 'sqlite' | 'postgres';
  /** Runs `work` atomically: every write in it lands, or none does. */
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
