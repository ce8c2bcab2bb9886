import type { Generated } from 'kysely';

// Table shapes for the typed query layer. Times are ISO 8601 UTC text and structured values
// JSON text on both engines, so one repository serves SQLite and PostgreSQL alike.

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  title: string;
  roles: string;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
  password_change_required: number;
  /** Migration 060: the administrator whose temporary password the current one descends from. */
  password_set_by_admin: string | null;
  /** Migration 064: the administrator who chose the account's address (a creation request's requester); null when not recorded. */
  created_by: string | null;
  /** Migration 064: when the current credential was set (see password_set_by_admin); null without a password here. */
  password_set_at: string | null;
}

// One-time set-password links (migration 060): only the token's SHA-256 is kept
export interface PasswordLinksTable {
  token_hash: string;
  user_id: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

// What waits for a second administrator: who filed it, when it lapses, its decision (0175, 0182)
export interface SecondAdministratorColumns {
  requested_by: string;
  requested_at: string;
  expires_at: string;
  decision: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

// Privileged account changes waiting for a second administrator (migration 056)
export interface AccountRequestsTable extends SecondAdministratorColumns {
  id: string;
  kind: string;
  user_id: string;
  email: string;
  display_name: string;
  title: string;
  roles_before: string | null;
  roles_after: string | null;
  password_hash: string | null;
  /** SHA-256 of the request's canonical content at filing (migration 065); null for requests filed before. */
  content_sha256: string | null;
}

// Catalogue changes waiting for a second administrator (migration 063)
export interface CatalogueProposalsTable extends SecondAdministratorColumns {
  id: string;
  kind: string;
  subject: string;
  content_json: string;
  content_sha256: string;
}

export interface LineRefilesRequiredTable {
  package_id: string;
  business_line_key: string;
  since: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string | null;
  stepped_up_at: string | null;
}

export interface SetupSecretsTable {
  id: number;
  secret_hash: string;
  created_at: string;
}

export interface ModelsTable {
  key: string;
  name: string;
  owner_id: string;
}

export interface PackagesTable {
  id: string;
  model_key: string;
  model_name: string;
  version_label: string;
  risk_tier: number;
  business_line: string;
  owner_team: string;
  owner_id: string;
  template_key: string;
  template_version: number;
  created_at: string;
  updated_at: string;
}

export interface PackageVersionsTable {
  package_id: string;
  number: number;
  canonical_content: string;
  content_hash: string;
  section_digests: string;
  submitted_by: string;
  submitted_at: string;
}

export interface VersionAnswersTable {
  package_id: string;
  version_number: number;
  position: number;
  target_key: string;
  target: string;
  answer: string;
  section_keys: string;
}

export interface DecisionsTable {
  id: string;
  package_id: string;
  version_number: number;
  step_key: string;
  role: string;
  decision: string;
  meaning: string;
  reason: string;
  conditions: string | null;
  concerns: string;
  actor: string;
  content_hash: string;
  decided_at: string;
  /** JSON of the justification and incident of an emergency approval; null on other decisions (migration 011). */
  emergency: string | null;
  /** JSON of the signed override of an approval over open blockers; null on other decisions (migration 018). */
  override: string | null;
}

export interface ThreadsTable {
  id: string;
  package_id: string;
  version_number: number;
  section_key: string;
  kind: string;
  severity: string | null;
  status: string;
  anchor: string | null;
  created_at: string;
  created_by: string;
  resolved_by: string | null;
  resolved_at: string | null;
}

export interface ThreadMessagesTable {
  id: string;
  thread_id: string;
  author: string;
  body: string;
  created_at: string;
  position: number;
  author_role: string;
}

export interface ThreadMessageRevisionsTable {
  id: string;
  message_id: string;
  kind: string;
  body: string;
  at: string;
}

export interface SectionReviewsTable {
  package_id: string;
  version_number: number;
  section_key: string;
  reviewer_id: string;
  reviewer: string;
  reviewed_at: string;
  /** Added by 028: the version the mark was carried from (null: made on this version). */
  carried_from: number | null;
}

export interface WorkflowTemplatesTable {
  key: string;
  version: number;
  definition: string;
  created_at: string;
}

export interface PoliciesTable {
  key: string;
  version: number;
  definition: string;
  published_at: string;
  /** Null for a policy seeded with the demo data. */
  published_by: string | null;
}

export interface PolicyEvaluationsTable {
  package_id: string;
  version: number;
  policy_key: string;
  policy_version: number;
  evaluation: string;
  evaluated_at: string;
}

/** A version's check again, against the policy its assessed tier resolves to (docs/decisions/0141). */
export interface PolicyReevaluationsTable extends PolicyEvaluationsTable {
  seq: number;
}

export interface RiskTieringMethodsTable {
  key: string;
  version: number;
  definition: string;
  published_at: string;
}

export interface RiskAssessmentsTable {
  package_id: string;
  number: number;
  method_key: string;
  method_version: number;
  answers: string;
  result: string;
  computed_tier: number;
  assessed_by: string;
  assessed_at: string;
}

export interface RiskTierOverridesTable {
  package_id: string;
  number: number;
  tier: number;
  reason: string;
  requested_by: string;
  requested_role: string;
  requested_at: string;
  confirmed_by: string | null;
  confirmed_role: string | null;
  confirmed_at: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  subject: string;
  before: string;
  after: string;
  prev_hash: string;
  /** The entry_hash of the previous entry with the same subject (migration 059); null on older rows. */
  subject_prev: string | null;
  entry_hash: string;
}

/** A published, signed tree head of the audit log; append-only, one per size. */
export interface AuditTreeHeadsTable {
  tree_size: number;
  root_hash: string;
  timestamp: string;
  key_id: string;
  signature: string;
}

/** A witness's cosignature of a checkpoint (docs/decisions/0105); append-only, one per witness and size. */
export interface CheckpointCosignaturesTable {
  witness: string;
  tree_size: number;
  root_hash: string;
  line: string;
  cosigned_at: string;
}

export interface ServerKeysTable {
  key_id: string;
  algorithm: string;
  public_key: string;
  private_key_pkcs8: string;
  created_at: string;
}

export interface SigningNoncesTable {
  nonce_hash: string;
  user_id: string;
  package_id: string;
  issued_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface PasskeysTable {
  credential_id: string;
  user_id: string;
  name: string;
  public_key_jwk: string;
  created_at: string;
  sign_count: number;
}

export interface SigningAttemptsTable {
  id: string;
  user_id: string;
  at: string;
  ok: number;
}

export interface DecisionSignaturesTable {
  decision_id: string;
  signature: string;
}

export interface PasskeyChallengesTable {
  challenge_hash: string;
  user_id: string;
  expires_at: string;
  used_at: string | null;
}

// Both append-only.
export interface ApiTokensTable {
  id: string;
  model_key: string;
  name: string;
  token_hash: string;
  created_by: string;
  created_at: string;
}

export interface ApiTokenRevocationsTable {
  token_id: string;
  revoked_by: string;
  revoked_at: string;
}

// --- webhooks ---
export interface WebhookEndpointsTable {
  id: string;
  url: string;
  description: string;
  events: string;
  secret: string;
  enabled: number;
  created_at: string;
  created_by: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  payload: string;
  attempts: number;
  status: string;
  next_attempt_at: string | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface WebhookAttemptsTable {
  delivery_id: string;
  attempt: number;
  at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}
// --- end webhooks ---

// --- registries (024) ---
export interface RegistryIntakesTable {
  connector_id: string;
  registry_model: string;
  registry_version: string;
  id: string;
  model_key: string;
  version_label: string;
  owner_id: string | null;
  template: string;
  run_id: string | null;
  delivery_id: string;
  received_at: string;
}

export interface RegistryWritebacksTable {
  id: string;
  connector_id: string;
  registry_model: string;
  registry_version: string;
  package_id: string;
  outcome: string;
  details: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  done_at: string | null;
  created_at: string;
}

export interface RegistryWritebackAttemptsTable {
  writeback_id: string;
  attempt: number;
  at: string;
  calls: string;
  error: string | null;
  duration_ms: number;
}
// --- end registries ---

// State, updated in place (see migration 010)
export interface NotificationReadsTable {
  user_id: string;
  last_read_seq: number;
  updated_at: string;
}

// Append-only (see migration 012)
export interface ReReviewNoticesTable {
  decision_id: string;
  package_id: string;
  re_review_on: string;
  noticed_at: string;
}

// Append-only (see migration 032)
export interface MonitoringAlertsTable {
  webhook_id: string;
  package_id: string;
  finding_id: string;
  result_json: string;
  received_at: string;
}

// Append-only (see migration 034)
export interface RevalidationSchedulesTable {
  version: number;
  months: string;
  published_by: string | null;
  published_at: string;
}

// Append-only (see migration 034)
export interface RevalidationsTable {
  decision_id: string;
  package_id: string;
  version_number: number;
  tier: number;
  tier_source: string;
  schedule_version: number;
  approved_on: string;
  due_on: string;
  owner_id: string;
  scheduled_at: string;
}

// Append-only (see migration 055): a stricter tier's earlier date for an approval's revalidation.
export interface RevalidationAdvancesTable {
  decision_id: string;
  package_id: string;
  tier: number;
  due_on: string;
  assessment: number;
  advanced_at: string;
}

// Append-only (see migration 034)
export interface RevalidationOpeningsTable {
  decision_id: string;
  package_id: string;
  opened_at: string;
}

// Append-only (see migration 038)
export interface PackageRollbacksTable {
  package_id: string;
  model_key: string;
  rolled_back_by: string;
  role: string;
  reason: string;
  restored_package_id: string | null;
  rolled_back_at: string;
}

/** The organisation's business lines (migration 054, docs/decisions/0168). */
export interface BusinessLinesTable {
  key: string;
  label: string;
  retired_at: string | null;
  created_at: string;
}

// Append-only (see migration 040)
export interface GovernanceSnapshotsTable {
  month: string;
  figure: string;
  value: number;
  taken_at: string;
}

// State, pruned and cleared (see migration 013)
export interface LoginFailuresTable {
  email: string;
  at: string;
}

/** One throttled key (api/store/throttle.ts): a backoff lane's failures or a rate window's events. */
export interface ThrottlesTable {
  key: string;
  count: number;
  started_at: string;
  last_at: string;
  noted_at: string | null;
}

/** A browser trusted for an account's log-in attempts (api/session/trusted-device.ts). */
export interface TrustedDevicesTable {
  token_hash: string;
  email: string;
  created_at: string;
  expires_at: string;
}

// State (see migration 020): a user's mail choice per kind of notification
export interface NotificationPreferencesTable {
  user_id: string;
  kind: string;
  mode: string;
  updated_at: string;
}

// The mail outbox (see migration 020): one row per message, settled by the dispatcher
export interface MailOutboxTable {
  id: string;
  dedupe_key: string;
  user_id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  kind: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
}

// Notifications waiting for a daily digest (see migration 020)
export interface MailDigestItemsTable {
  user_id: string;
  notification_id: string;
  kind: string;
  text: string;
  link: string;
  at: string;
  digest_mail_id: string | null;
}

// How far the audit log has been turned into mail (one row, see migration 020)
export interface MailCursorTable {
  id: string;
  last_seq: number;
}

// --- findings (019) ---
export interface FindingsTable {
  id: string;
  package_id: string;
  version_number: number;
  section_key: string;
  anchor: string | null;
  title: string;
  description: string;
  severity: string;
  type: string;
  owner_id: string;
  due_date: string;
  remediation_plan: string;
  status: string;
  raised_by: string;
  raised_role: string;
  acceptance: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface FindingEventsTable {
  id: string;
  finding_id: string;
  at: string;
  by: string;
  role: string;
  from_status: string | null;
  to_status: string;
  version_number: number;
  note: string;
  position: number;
}

/** One reminder per finding and stage (due soon, overdue): the primary key makes the sweep exactly-once. */
export interface FindingDueNoticesTable {
  finding_id: string;
  stage: string;
  package_id: string;
  due_date: string;
  noticed_at: string;
}

// --- obligations (033) ---
export interface ObligationsTable {
  id: string;
  package_id: string;
  decision_id: string;
  version_number: number;
  step_key: string;
  role: string;
  position: number;
  text: string;
  owner_id: string;
  due_on: string;
  scope: string | null;
  status: string;
  evidence: string | null;
  review: string | null;
  lapsed_at: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
}

// --- the inbox's summaries (036) ---
export interface PackageSummariesTable {
  package_id: string;
  owner_id: string;
  changes: Generated<number>;
  stale: Generated<number>;
  valid_until: string | null;
  summary: string | null;
  steps: string | null;
  status: string | null;
  risk_tier: number | null;
  model_key: string | null;
  step_role: string | null;
  turn_party: string | null;
  open_clarifications: number | null;
  step_overdue: number | null;
  re_review_due: number | null;
  revalidation_due_on: string | null;
  updated_at: string | null;
  submitted_at: string | null;
  step_due_at: string | null;
  conditions_lapsed: number | null;
  /** JSON array of who set the tier in effect (migration 062). */
  tier_setters: Generated<string>;
}

export interface Database {
  package_summaries: PackageSummariesTable;
  obligations: ObligationsTable;
  notification_preferences: NotificationPreferencesTable;
  mail_outbox: MailOutboxTable;
  mail_digest_items: MailDigestItemsTable;
  mail_cursor: MailCursorTable;
  findings: FindingsTable;
  finding_events: FindingEventsTable;
  finding_due_notices: FindingDueNoticesTable;
  throttles: ThrottlesTable;
  trusted_devices: TrustedDevicesTable;
  login_failures: LoginFailuresTable;
  re_review_notices: ReReviewNoticesTable;
  monitoring_alerts: MonitoringAlertsTable;
  revalidation_schedules: RevalidationSchedulesTable;
  revalidations: RevalidationsTable;
  revalidation_openings: RevalidationOpeningsTable;
  revalidation_advances: RevalidationAdvancesTable;
  package_rollbacks: PackageRollbacksTable;
  business_lines: BusinessLinesTable;
  governance_snapshots: GovernanceSnapshotsTable;
  notification_reads: NotificationReadsTable;
  users: UsersTable;
  account_requests: AccountRequestsTable;
  catalogue_proposals: CatalogueProposalsTable;
  line_refiles_required: LineRefilesRequiredTable;
  password_links: PasswordLinksTable;
  sessions: SessionsTable;
  setup_secrets: SetupSecretsTable;
  models: ModelsTable;
  packages: PackagesTable;
  package_versions: PackageVersionsTable;
  version_answers: VersionAnswersTable;
  decisions: DecisionsTable;
  threads: ThreadsTable;
  thread_messages: ThreadMessagesTable;
  thread_message_revisions: ThreadMessageRevisionsTable;
  section_reviews: SectionReviewsTable;
  workflow_templates: WorkflowTemplatesTable;
  policies: PoliciesTable;
  policy_evaluations: PolicyEvaluationsTable;
  policy_reevaluations: PolicyReevaluationsTable;
  /** A view (migration 049), read only: each checked version's check in effect, its latest re-check else its submission check. */
  effective_policy_evaluations: PolicyEvaluationsTable;
  risk_tiering_methods: RiskTieringMethodsTable;
  risk_assessments: RiskAssessmentsTable;
  risk_tier_overrides: RiskTierOverridesTable;
  audit_log: AuditLogTable;
  audit_tree_heads: AuditTreeHeadsTable;
  checkpoint_cosignatures: CheckpointCosignaturesTable;
  server_keys: ServerKeysTable;
  signing_nonces: SigningNoncesTable;
  passkeys: PasskeysTable;
  signing_attempts: SigningAttemptsTable;
  decision_signatures: DecisionSignaturesTable;
  passkey_challenges: PasskeyChallengesTable;
  api_tokens: ApiTokensTable;
  api_token_revocations: ApiTokenRevocationsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  registry_intakes: RegistryIntakesTable;
  registry_writebacks: RegistryWritebacksTable;
  registry_writeback_attempts: RegistryWritebackAttemptsTable;
  delegations: DelegationsTable;
  delegation_revocations: DelegationRevocationsTable;
  delegation_acceptances: DelegationAcceptancesTable;
  decision_delegations: DecisionDelegationsTable;
  oidc_logins: OidcLoginsTable;
  external_identities: ExternalIdentitiesTable;
  saml_requests: SamlRequestsTable;
  saml_assertions: SamlAssertionsTable;
  review_drafts: ReviewDraftsTable;
  resubmit_drafts: ResubmitDraftsTable;
}

// --- delegations (007) ---
export interface DelegationsTable {
  id: string;
  role: string;
  delegator_id: string;
  delegate_id: string;
  starts_at: string;
  ends_at: string;
  reason: string;
  created_by: string;
  created_at: string;
}

export interface DelegationRevocationsTable {
  delegation_id: string;
  revoked_at: string;
  revoked_by: string;
}

// (015) The delegator's acceptance of a delegation an administrator made for them.
export interface DelegationAcceptancesTable {
  delegation_id: string;
  accepted_at: string;
  accepted_by: string;
}

export interface DecisionDelegationsTable {
  decision_id: string;
  delegation_id: string;
  delegator_id: string;
}
// --- end delegations ---

export type { Generated };

// --- single sign-on (014) ---
export interface OidcLoginsTable {
  state_hash: string;
  binding_hash: string;
  code_verifier: string;
  nonce: string;
  return_to: string;
  redirect_uri: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ExternalIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: string;
}

// --- SAML single sign-on (023) ---
export interface SamlRequestsTable {
  request_id: string;
  binding_hash: string;
  return_to: string;
  acs_url: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SamlAssertionsTable {
  issuer: string;
  assertion_id: string;
  used_at: string;
  expires_at: string;
}

// --- review drafts and resubmit drafts (028) ---
export interface ReviewDraftsTable {
  id: string;
  package_id: string;
  author_id: string;
  version_number: number;
  section_key: string;
  kind: string;
  anchor: string | null;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface ResubmitDraftsTable {
  package_id: string;
  author_id: string;
  base_version: number;
  base_hash: string;
  draft: string;
  saved_at: string;
}
