import { z } from 'zod';
import { roleSchema } from './roles.ts';

/** What a privileged account change request does (0175). */
export const accountRequestKindSchema = z.enum(['create_account', 'set_roles', 'reset_password']);
import { approvalOverrideSchema } from './decisions.ts';
import { viaTokenSchema } from './api-tokens.ts'; // A pipeline's submission names its token
import { templateAuditSummarySchema } from './template-admin.ts';
import { policySchema } from './policies.ts';
import { businessLineAuditSchema } from './business-lines.ts';
import { catalogueChangeKindSchema } from './catalogue-changes.ts';

/** The policy a submitted version was checked against, and the outcome (absent where no policy applied). */
/** The workflow template an assessed tier selected for a package (risk tiering); `hash` as package.submitted states it (absent before 0167), so a verifier holds the record's chain to it. */
const tierTemplateSchema = z.object({ key: z.string(), version: z.number().int(), tier: z.number().int(), hash: z.string().optional() });

/** `evaluationDigest`: SHA-256 of the check's RFC 8785 form, as a signature binds it; absent in entries written before 0171. */
const policyCheckedSchema = z.object({ key: z.string(), version: z.number().int(), outcome: z.enum(['pass', 'flagged']), evaluationDigest: z.string().optional() });
/** The policy the latest version was checked against again, once the assessed tier resolved to it (docs/decisions/0141), and the one before. */
const policyRecheckedSchema = policyCheckedSchema.extend({ from: z.object({ key: z.string(), version: z.number().int() }).nullable() });
import { ssoFailureReasonSchema } from './sso.ts';

/** A package's check against a policy version, as a re-check at publication names it before and after. */
const policyRecheckResultSchema = z.object({ key: z.string(), version: z.number().int(), outcome: z.enum(['pass', 'flagged']), blocking: z.number().int().nonnegative(), evaluationDigest: z.string().optional() });

// The closed set of audit events. Every entry's `action` is one of these, and its
// `before`/`after` values have the shape declared here; entries are parsed when read.

/** The throttling lanes of sign-in (api/session/login-throttle.ts). */
const loginLockScopeSchema = z.enum(['account_on_client', 'account_on_device', 'account', 'client']);

const base = {
  subject: z.string(),
};

export const auditEventSchema = z.discriminatedUnion('action', [
  /** A user signed in with email and password, or through single sign-on (`via: 'oidc'` or `'saml'`, with the issuer). */
  z.object({ ...base, action: z.literal('session.login_succeeded'), before: z.null(), after: z.object({ email: z.string(), via: z.enum(['oidc', 'saml']).optional(), issuer: z.string().optional() }) }),
  /** A sign-in attempt failed (unknown email or wrong password); the subject is the email tried. Reason `locked` appears only in entries written before throttling, when each refused attempt was recorded. A failed single sign-on (`via: 'oidc'` or `'saml'`) has an `sso_…` reason and the email, or the issuer when none is known. */
  z.object({ ...base, action: z.literal('session.login_failed'), before: z.null(), after: z.object({ reason: z.enum(['unknown_email', 'wrong_password', 'account_disabled', 'locked']).or(ssoFailureReasonSchema), via: z.enum(['oidc', 'saml']).optional(), issuer: z.string().optional() }) }),
  /** A user signed out and the server ended the session. */
  z.object({ ...base, action: z.literal('session.logged_out'), before: z.null(), after: z.null() }),
  /** Failed sign-ins made a throttling lane wait before its next attempt (`until`; the wait grows with each further failure); written once per failure that locks, never per refused request. The subject is the email tried, or `client <address>` for the client lane. */
  z.object({ ...base, action: z.literal('session.login_locked'), before: z.null(), after: z.object({ scope: loginLockScopeSchema, failures: z.number(), until: z.string(), client: z.string().optional() }) }),
  /** A successful sign-in cleared a throttling lane that was making attempts wait; the subject is the email. */
  z.object({ ...base, action: z.literal('session.login_unlocked'), before: z.object({ scope: loginLockScopeSchema, failures: z.number() }), after: z.null() }),
  /** A user ended one of their own sessions (the subject is the user; the session named by the start of its token hash). */
  z.object({ ...base, action: z.literal('session.revoked'), before: z.object({ session: z.string() }), after: z.null() }),
  /** A user confirmed their password on their session (step-up before changing passkeys), or failed to; the subject is the user. */
  z.object({ ...base, action: z.literal('session.stepped_up'), before: z.null(), after: z.object({ ok: z.boolean(), validUntil: z.string().nullable() }) }),
  /** The first administrator was created with the setup secret of a production start; the subject is the new user. */
  z.object({ ...base, action: z.literal('system.setup_completed'), before: z.null(), after: z.object({ email: z.string() }) }),
  /** An administrator created an account; the subject is the new user. */
  z.object({ ...base, action: z.literal('user.created'), before: z.null(), after: z.object({ email: z.string(), displayName: z.string(), roles: z.array(roleSchema) }) }),
  /** An administrator asked for a privileged account change, which waits for another administrator (0175); the subject is the account (for a creation, the id it will have). */
  z.object({ ...base, action: z.literal('user.change_requested'), before: z.null(), after: z.object({ request: z.string(), kind: accountRequestKindSchema, email: z.string(), roles: z.array(roleSchema).nullable(), expiresAt: z.string(), contentSha256: z.string().optional() }) }),
  // An account request found altered at approval (0198): what its row says, what it hashes to, what the filing entry recorded.
  z.object({ ...base, action: z.literal('user.change_tampered'), before: z.null(), after: z.object({ request: z.string(), kind: accountRequestKindSchema, storedSha256: z.string().nullable(), contentSha256: z.string(), filedSha256: z.string().nullable(), mismatched: z.array(z.string()).optional() }) }),
  /** Another administrator approved a request and the change took effect (its own entry follows, with the approver as actor); the subject is the account. */
  z.object({ ...base, action: z.literal('user.change_approved'), before: z.null(), after: z.object({ request: z.string(), kind: accountRequestKindSchema, requestedBy: z.string() }) }),
  /** Another administrator rejected a request; nothing changed. The subject is the account. */
  z.object({ ...base, action: z.literal('user.change_rejected'), before: z.null(), after: z.object({ request: z.string(), kind: accountRequestKindSchema, requestedBy: z.string() }) }),
  /** An administrator replaced an account's roles. */
  z.object({ ...base, action: z.literal('user.roles_changed'), before: z.object({ roles: z.array(roleSchema) }), after: z.object({ roles: z.array(roleSchema) }) }),
  /** An administrator disabled an account; its sessions ended. */
  z.object({ ...base, action: z.literal('user.disabled'), before: z.object({ disabledAt: z.null() }), after: z.object({ disabledAt: z.string(), sessionsEnded: z.number() }) }),
  /** An administrator enabled a disabled account. */
  z.object({ ...base, action: z.literal('user.enabled'), before: z.object({ disabledAt: z.string() }), after: z.object({ disabledAt: z.null() }) }),
  /** An administrator set a temporary password the holder must replace; their sessions ended. */
  z.object({ ...base, action: z.literal('user.password_reset'), before: z.object({ passwordChangeRequired: z.boolean() }), after: z.object({ passwordChangeRequired: z.literal(true), sessionsEnded: z.number() }) }),
  /** An administrator had a one-time set-password link mailed to the account's own address (the token is never audited); earlier links ended. */
  z.object({ ...base, action: z.literal('user.password_link_sent'), before: z.null(), after: z.object({ expiresAt: z.string(), linksEnded: z.number() }) }),
  /** The holder set their password through a mailed link: their sessions ended, and passkeys added while an administrator's password was in force were removed. */
  z.object({ ...base, action: z.literal('user.password_set_by_link'), before: z.object({ passwordChangeRequired: z.boolean() }), after: z.object({ passwordChangeRequired: z.literal(false), sessionsEnded: z.number(), passkeysRemoved: z.number() }) }),
  /** A user changed their own password; their other sessions ended. */
  z.object({ ...base, action: z.literal('user.password_changed'), before: z.object({ passwordChangeRequired: z.boolean() }), after: z.object({ passwordChangeRequired: z.literal(false), sessionsEnded: z.number() }) }),
  /** A request was refused for lack of a role or of access to the object. */
  z.object({ ...base, action: z.literal('access.denied'), before: z.null(), after: z.object({ method: z.string(), path: z.string(), reason: z.string() }) }),
  /** A caller went over a rate limit (writes per user, or anonymous audited events per client address); written once per window, the refused requests themselves are not. The subject is the user id, or `client <address>`. */
  z.object({ ...base, action: z.literal('access.rate_limited'), before: z.null(), after: z.object({ scope: z.enum(['writes', 'record_builds', 'anonymous_audit']), limit: z.number(), windowSeconds: z.number(), until: z.string() }) }),
  /** A model owner submitted a new package (its version 1), with the workflow `template` it is decided under and its hash (hex SHA-256 of its RFC 8785 form; absent before 0103). */
  z.object({ ...base, action: z.literal('package.submitted'), before: z.null(), after: z.object({ modelKey: z.string(), versionLabel: z.string(), version: z.number(), contentHash: z.string(), template: z.object({ key: z.string(), version: z.number(), hash: z.string() }).optional(), via: viaTokenSchema.optional(), policy: policyCheckedSchema.optional() }) }),
  /** A model owner submitted a new version of an existing package, with `answers` to the previous round's concerns (absent in entries written before answers existed) and their `answersHash`, hex SHA-256 of their RFC 8785 form (absent before 0102). */
  z.object({ ...base, action: z.literal('package.version_submitted'), before: z.object({ version: z.number(), contentHash: z.string() }), after: z.object({ version: z.number(), contentHash: z.string(), answers: z.number().int().nonnegative().optional(), answersHash: z.string().optional(), via: viaTokenSchema.optional(), policy: policyCheckedSchema.optional() }) }),
  /** A reviewer asked for a signing nonce (the start of a signature). */
  z.object({ ...base, action: z.literal('signing.nonce_issued'), before: z.null(), after: z.object({ expiresAt: z.string() }) }),
  /** Re-authentication at signing failed (wrong password, unknown or foreign passkey, bad assertion). */
  z.object({ ...base, action: z.literal('signing.failed'), before: z.null(), after: z.object({ method: z.enum(['password', 'passkey']), reason: z.string(), attemptsLeft: z.number() }) }),
  /** Repeated failed re-authentications made signing wait until `until` (growing delays, per user and session); `failures` is absent in entries written before throttling. */
  z.object({ ...base, action: z.literal('signing.locked'), before: z.null(), after: z.object({ until: z.string(), failures: z.number().optional() }) }),
  /** A successful re-authentication at signing cleared a lock on the session's signing attempts; the subject is the user. */
  z.object({ ...base, action: z.literal('signing.unlocked'), before: z.object({ failures: z.number() }), after: z.null() }),
  /** A signed decision was recorded, with its signature material and the server's countersignature; `onBehalfOf` when a delegate signed (delegations); `emergency` with the incident of an emergency approval. */
  z.object({ ...base, action: z.literal('decision.signed'), before: z.null(), after: z.object({ decision: z.string(), step: z.string(), role: roleSchema, kind: z.string(), version: z.number(), contentHash: z.string(), method: z.enum(['password', 'passkey', 'demo']), countersignedWith: z.string(), onBehalfOf: z.object({ delegation: z.string(), delegator: z.string() }).optional(), emergency: z.object({ incidentRef: z.string() }).optional(), override: approvalOverrideSchema.optional() }) }),
  /** A user enrolled a passkey for signing. */
  z.object({ ...base, action: z.literal('passkey.enrolled'), before: z.null(), after: z.object({ credentialId: z.string(), name: z.string() }) }),
  /** A user removed one of their passkeys. */
  z.object({ ...base, action: z.literal('passkey.removed'), before: z.object({ credentialId: z.string(), name: z.string() }), after: z.null() }),
  /** A clarification or comment thread was opened on a section. */
  z.object({ ...base, action: z.literal('thread.opened'), before: z.null(), after: z.object({ section: z.string(), kind: z.string(), version: z.number(), thread: z.string().optional(), quote: z.string().nullable().optional(), body: z.string().optional() }) }),
  /** A reply was added to a thread (an owner's answer moves a clarification to answered). */
  z.object({ ...base, action: z.literal('thread.message_added'), before: z.null(), after: z.object({ thread: z.string(), message: z.string(), body: z.string() }) }),
  /** A message was edited by its author; the earlier text is kept. */
  z.object({ ...base, action: z.literal('thread.message_edited'), before: z.object({ message: z.string(), body: z.string() }), after: z.object({ message: z.string(), body: z.string() }) }),
  /** A message was retracted by its author; its text stays here. */
  z.object({ ...base, action: z.literal('thread.message_retracted'), before: z.object({ message: z.string(), body: z.string() }), after: z.null() }),
  /** A reviewer resolved a thread. */
  z.object({ ...base, action: z.literal('thread.resolved'), before: z.object({ thread: z.string(), status: z.string() }), after: z.object({ thread: z.string(), status: z.literal('resolved') }) }),
  // The subject is the package.
  /** A reviewer raised a finding on a section (or a quoted passage) of a version, owed to a person of the owner team by a due date. */
  z.object({ ...base, action: z.literal('finding.raised'), before: z.null(), after: z.object({ finding: z.string(), version: z.number(), section: z.string(), quote: z.string().nullable(), title: z.string(), severity: z.string(), type: z.string(), owner: z.string(), dueDate: z.string(), role: roleSchema }) }),
  /** A finding moved in its lifecycle (a remediation proposed or done, verified, reopened, or its risk accepted until `expiresOn`), by the owner team or the raising role; `note` is the plan, note or rationale written with it. */
  z.object({ ...base, action: z.literal('finding.transitioned'), before: z.object({ finding: z.string(), status: z.string(), revision: z.number() }), after: z.object({ finding: z.string(), status: z.string(), revision: z.number(), role: roleSchema, version: z.number(), note: z.string(), expiresOn: z.string().optional() }) }),
  /** A reviewer published their drafted comments and clarification requests: on their own, or with a signed decision (in its transaction). */
  z.object({ ...base, action: z.literal('review.published'), before: z.null(), after: z.object({ threads: z.array(z.string()), decision: z.string().nullable() }) }),
  // The subject is the package; the actor is null (the system's sweep).
  /** A finding's owner was reminded: its due date is within a week (`due_soon`) or has passed (`overdue`); written once per finding and stage. */
  z.object({ ...base, action: z.literal('finding.due_reminder'), before: z.null(), after: z.object({ finding: z.string(), stage: z.enum(['due_soon', 'overdue']), owner: z.string(), dueDate: z.string(), title: z.string() }) }),
  /** A reviewer marked a section of a version as reviewed. */
  z.object({ ...base, action: z.literal('section.reviewed'), before: z.null(), after: z.object({ version: z.number(), section: z.string() }) }),
  /** A reviewer withdrew their review mark from a section. */
  z.object({ ...base, action: z.literal('section.review_withdrawn'), before: z.object({ version: z.number(), section: z.string() }), after: z.null() }),
  /** An administrator registered a webhook endpoint (its secret is never logged). */
  z.object({ ...base, action: z.literal('webhook.registered'), before: z.null(), after: z.object({ url: z.string(), description: z.string(), events: z.array(z.string()) }) }),
  /** An administrator disabled a webhook endpoint: its deliveries wait until it is enabled. */
  z.object({ ...base, action: z.literal('webhook.disabled'), before: z.object({ enabled: z.literal(true) }), after: z.object({ enabled: z.literal(false) }) }),
  /** An administrator enabled a disabled webhook endpoint again. */
  z.object({ ...base, action: z.literal('webhook.enabled'), before: z.object({ enabled: z.literal(false) }), after: z.object({ enabled: z.literal(true) }) }),
  /** Demo data was written into an empty database on first start. */
  z.object({ ...base, action: z.literal('system.demo_seeded'), before: z.null(), after: z.object({ packages: z.number(), users: z.number() }) }),
  /** A user marked their notifications read up to an audit seq; the subject is the user. */
  z.object({ ...base, action: z.literal('notifications.marked_read'), before: z.object({ lastReadSeq: z.number() }), after: z.object({ lastReadSeq: z.number() }) }),
  /** A user changed what is mailed to them (per kind of notification: immediate, digest or off); the subject is the user. */
  z.object({ ...base, action: z.literal('notifications.preferences_changed'), before: z.record(z.string(), z.string()), after: z.record(z.string(), z.string()) }),
  // The subject is the token id; the secret is never recorded.
  /** An administrator created an API token scoped to one model. */
  z.object({ ...base, action: z.literal('api_token.created'), before: z.null(), after: z.object({ tokenId: z.string(), modelKey: z.string(), name: z.string() }) }),
  /** An administrator revoked an API token. */
  z.object({ ...base, action: z.literal('api_token.revoked'), before: z.object({ tokenId: z.string(), modelKey: z.string(), name: z.string() }), after: z.null() }),
  // The subject is the template key.
  /** An administrator published a template version (a new key at version 1, or the next version of a key); `before` is the version it supersedes. */
  z.object({ ...base, action: z.literal('template.version_created'), before: templateAuditSummarySchema.nullable(), after: templateAuditSummarySchema }),
  // The subject is the business line's key (docs/decisions/0168).
  /** An administrator added a business line to the organisation's list: packages, policies and templates may name it from then on. */
  z.object({ ...base, action: z.literal('business_line.added'), before: z.null(), after: businessLineAuditSchema }),
  /** An administrator retired a business line: no new package, policy or template may name it; what already names it keeps it. */
  z.object({ ...base, action: z.literal('business_line.retired'), before: businessLineAuditSchema, after: businessLineAuditSchema.extend({ retiredAt: z.string() }) }),
  // The subject is what the catalogue change names: a policy or template key, a business line's key, the tiering method or the revalidation schedule (docs/decisions/0182).
  /** An administrator proposed a catalogue change, which waits for another administrator; `contentSha256` is the SHA-256 of the proposed body's canonical JSON. */
  z.object({ ...base, action: z.literal('catalogue.change_proposed'), before: z.null(), after: z.object({ proposal: z.string(), kind: catalogueChangeKindSchema, contentSha256: z.string(), expiresAt: z.string() }) }),
  /** Another administrator approved a proposal and the change took effect (its own entry follows, with the approver as actor). `comparison`: the canonical JSON of what it replaced and loosened, as the approver was shown it, and its SHA-256 (0192, fifth amendment; absent on earlier entries). */
  z.object({ ...base, action: z.literal('catalogue.change_approved'), before: z.null(), after: z.object({ proposal: z.string(), kind: catalogueChangeKindSchema, contentSha256: z.string(), requestedBy: z.string(), content: z.string().optional(), comparison: z.string().optional(), comparisonSha256: z.string().optional() }) }),
  /** Another administrator rejected a proposal; nothing changed. */
  z.object({ ...base, action: z.literal('catalogue.change_rejected'), before: z.null(), after: z.object({ proposal: z.string(), kind: catalogueChangeKindSchema, contentSha256: z.string(), requestedBy: z.string() }) }),
  /** An approval refused because the stored proposal is not what its one filing entry recorded (0192): its table was edited outside the application. `contentSha256`: what the stored text hashes to now (null when it is not JSON); `shownSha256`: what the approver sent; `mismatched`: the columns that differ (`filing`: no entry or more than one names it). Nothing was applied. */
  z.object({ ...base, action: z.literal('catalogue.change_tampered'), before: z.null(), after: z.object({ proposal: z.string(), kind: catalogueChangeKindSchema, storedSha256: z.string(), contentSha256: z.string().nullable(), shownSha256: z.string(), filedSha256: z.string().nullable().optional(), mismatched: z.array(z.string()).optional() }) }),
  // The subject is the policy key.
  /** An administrator published a governance policy version; `before` is the version it supersedes. Submissions from then on are checked against it. */
  z.object({ ...base, action: z.literal('policy.published'), before: policySchema.nullable(), after: policySchema }),
  /** A policy version published to apply to packages in review checked this package's latest version (`packageVersion`) again, in the same transaction (docs/decisions/0150, 0158); the subject is the package. `blocking` counts the blocking requirements not met; `before` is null when the version had never been checked. */
  z.object({ ...base, action: z.literal('policy.rechecked'), before: policyRecheckResultSchema.nullable(), after: policyRecheckResultSchema.extend({ packageVersion: z.number().int() }) }),
  // The subject is the package id (risk tiering, decision record 0106).
  /** The owner or model risk recorded a risk assessment, scored by the method version named; `proposal` when the owner recorded it (it decides nothing alone: 0165); `template` when the tier re-selected the workflow (before any decision, or a stricter tier after one: then a `package.chain_changed` entry is written with it, 0167). */
  z.object({ ...base, action: z.literal('risk.assessed'), before: z.null(), after: z.object({ number: z.number().int(), method: z.object({ key: z.string(), version: z.number().int() }), score: z.number(), computedTier: z.number().int(), proposal: z.literal(true).optional(), template: tierTemplateSchema.optional(), policy: policyRecheckedSchema.optional() }) }),
  /** Someone asked to override an assessment's computed tier, with a reason; it applies once a second person in another role confirms it. */
  z.object({ ...base, action: z.literal('risk.override_requested'), before: z.object({ computedTier: z.number().int() }), after: z.object({ number: z.number().int(), tier: z.number().int(), reason: z.string(), role: roleSchema }) }),
  /** Model risk management (0167; before it, a second person in another role) confirmed a tier override, which now applies; `template` as for `risk.assessed`. */
  z.object({ ...base, action: z.literal('risk.override_confirmed'), before: z.object({ computedTier: z.number().int() }), after: z.object({ number: z.number().int(), tier: z.number().int(), role: roleSchema, template: tierTemplateSchema.optional(), policy: policyRecheckedSchema.optional() }) }),
  /** A stricter tier applied after a step was decided and moved the package to that tier's chain (docs/decisions/0167), in the assessment's or confirmation's transaction: decisions on the `kept` steps (same key and role) stand, the `added` steps are pending, decisions on the `dropped` ones no longer count. `assessment` is the assessment whose tier applies; `businessLine` instead when a package filed under an unlisted line was re-filed under a listed one by its owner's new version (0176). `before.decided`: the ids of the decisions signed so far, under the chain left (absent before 0193), so a kept one counts only where its step covered the new step's sections. */
  z.object({ ...base, action: z.literal('package.chain_changed'), before: tierTemplateSchema.extend({ decided: z.array(z.string()).optional() }), after: tierTemplateSchema.extend({ assessment: z.number().int().optional(), businessLine: z.string().optional(), kept: z.array(z.string()), added: z.array(z.string()), dropped: z.array(z.string()) }) }),
  /** The owner's new version moved a package filed under a line not on the list to a listed one (0176); `template` when that chose another chain (then a `package.chain_changed` entry names the line too). */
  z.object({ ...base, action: z.literal('package.business_line_refiled'), before: z.object({ businessLine: z.string() }), after: z.object({ businessLine: z.string(), version: z.number().int(), template: tierTemplateSchema.optional() }) }),
  // The subject is the delegation id.
  /** A holder of a reviewer role (or an administrator for them) delegated it to a named person for a bounded time; `awaitsAcceptance` when an administrator made it, so it acts only once the delegator accepts. */
  z.object({ ...base, action: z.literal('delegation.created'), before: z.null(), after: z.object({ role: roleSchema, delegator: z.string(), delegate: z.string(), startsAt: z.string(), endsAt: z.string(), reason: z.string(), awaitsAcceptance: z.literal(true).optional() }) }),
  /** The delegator accepted a delegation an administrator made for them; the delegate acts from then on, within its window. */
  z.object({ ...base, action: z.literal('delegation.accepted'), before: z.object({ role: roleSchema, delegator: z.string(), delegate: z.string(), createdBy: z.string() }), after: z.object({ acceptedAt: z.string() }) }),
  /** A delegation was revoked before its end; the delegate no longer acts for the role. */
  z.object({ ...base, action: z.literal('delegation.revoked'), before: z.object({ role: roleSchema, delegator: z.string(), delegate: z.string(), endsAt: z.string() }), after: z.object({ revokedAt: z.string() }) }),
  // The subject is the package; the actor is null (the system's sweep).
  /** An approval with conditions reached its re-review date; written once per decision, with the webhook event it queues. */
  z.object({ ...base, action: z.literal('package.re_review_due'), before: z.null(), after: z.object({ decision: z.string(), step: z.string(), role: roleSchema, version: z.number(), reReviewOn: z.string() }) }),
  // The subject is the intake id (the connector's id for a refused delivery); the actor is null (a registry).
  /** A registry announced a new model version (MLflow model_version.created) and it became a draft package for its owner; written once per registry version however often the event arrives. */
  z.object({ ...base, action: z.literal('registry.draft_created'), before: z.null(), after: z.object({ connector: z.string(), registryModel: z.string(), registryVersion: z.string(), modelKey: z.string(), versionLabel: z.string(), owner: z.string().nullable(), deliveryId: z.string() }) }),
  /** A delivery to a registry intake endpoint was refused: unsigned, signed with another secret, stale (replayed) or malformed; nothing was created. */
  z.object({ ...base, action: z.literal('registry.webhook_refused'), before: z.null(), after: z.object({ reason: z.enum(['unsigned', 'malformed', 'stale', 'mismatch']), deliveryId: z.string().nullable(), client: z.string().nullable() }) }),
  /** A decision's outcome was written to the registry (tags, alias); the subject is the package. */
  z.object({ ...base, action: z.literal('registry.written_back'), before: z.null(), after: z.object({ connector: z.string(), registryModel: z.string(), registryVersion: z.string(), outcome: z.enum(['approved', 'rejected', 'lapsed']), calls: z.array(z.string()) }) }),
  // The subject is the user id.
  /** A first single sign-on created the user's account from the identity provider's claims (no local password). */
  z.object({ ...base, action: z.literal('user.sso_provisioned'), before: z.null(), after: z.object({ email: z.string(), displayName: z.string(), roles: z.array(roleSchema), issuer: z.string() }) }),
  /** A single sign-on found the user's email, name or roles changed at the identity provider and updated them. */
  z.object({ ...base, action: z.literal('user.sso_profile_updated'), before: z.object({ email: z.string(), displayName: z.string(), roles: z.array(roleSchema) }), after: z.object({ email: z.string(), displayName: z.string(), roles: z.array(roleSchema), issuer: z.string() }) }),
  /** A monitoring tool's signed alert (drift, performance, data quality) opened `finding` on the approved version and flagged its approvals `decisions` as under re-review; `webhookId` makes it once. No actor: the system. */
  z.object({ ...base, action: z.literal('monitoring.alert_received'), before: z.null(), after: z.object({ webhookId: z.string(), kind: z.enum(['drift', 'performance', 'data_quality']), metric: z.string(), value: z.number(), threshold: z.number(), observedAt: z.string(), source: z.string(), finding: z.string(), version: z.number(), decisions: z.array(z.string()), roles: z.array(roleSchema) }) }),
  // Periodic revalidation (decision record 0114). The subject is the package id, except for a published schedule (`revalidation schedule`).
  /** An approval completed the package's chain: its revalidation falls due on `dueOn`, after the months the schedule version gives the tier (`tierSource`: risk assessment or declared). */
  z.object({ ...base, action: z.literal('package.revalidation_scheduled'), before: z.null(), after: z.object({ decision: z.string(), version: z.number().int(), tier: z.number().int(), tierSource: z.enum(['risk_assessment', 'declared']), schedule: z.number().int(), dueOn: z.string(), owner: z.string() }) }),
  /** A stricter tier applied after the approval that scheduled `decision`'s revalidation (0172): it falls due earlier, on what the schedule version gives the new tier from the approval day. `assessment` is the assessment whose tier applies; the actor is who assessed or confirmed. */
  z.object({ ...base, action: z.literal('package.revalidation_advanced'), before: z.object({ tier: z.number().int(), dueOn: z.string() }), after: z.object({ decision: z.string(), version: z.number().int(), tier: z.number().int(), schedule: z.number().int(), dueOn: z.string(), assessment: z.number().int() }) }),
  /** A scheduled revalidation reached its due date: the re-review opened and the standing approvals `decisions` were flagged; written once, by the system's sweep. */
  z.object({ ...base, action: z.literal('package.revalidation_due'), before: z.null(), after: z.object({ decision: z.string(), version: z.number().int(), tier: z.number().int(), dueOn: z.string(), owner: z.string(), decisions: z.array(z.string()) }) }),
  /** An administrator published the next revalidation schedule version (months per risk tier); approvals from now on are scheduled by it. */
  /** An administrator published the next risk tiering method version (decision record 0137); new assessments are scored by it. */
  z.object({ ...base, action: z.literal('risk.method_published'), before: z.object({ version: z.number().int() }), after: z.object({ key: z.string(), version: z.number().int(), name: z.string(), kind: z.string() }) }),
  z.object({ ...base, action: z.literal('revalidation.schedule_published'), before: z.object({ version: z.number().int() }), after: z.object({ version: z.number().int(), months: z.record(z.string(), z.number().int()) }) }),
  /** A monitoring alert whose Standard Webhooks signature did not verify (or was stale); nothing was done. The subject is `monitoring alerts`. */
  z.object({ ...base, action: z.literal('monitoring.alert_refused'), before: z.null(), after: z.object({ reason: z.enum(['unsigned', 'malformed', 'stale', 'mismatch', 'not_configured']), webhookId: z.string().nullable(), client: z.string().nullable() }) }),
  // The subject is the package (obligations, decision record 0111).
  /** An approval with conditions was signed with its conditions as obligations, each owed by `owner` by `dueOn`, `scope` its machine-readable restriction or null. */
  z.object({ ...base, action: z.literal('obligation.opened'), before: z.null(), after: z.object({ obligation: z.string(), decision: z.string(), position: z.number(), owner: z.string(), dueOn: z.string(), scope: z.object({ dimension: z.string(), allow: z.array(z.string()) }).nullable() }) }),
  /** An obligation moved on: its fulfilment recorded by the owner team (with `evidence`), confirmed or sent back (`note`) by a reviewer of the approving step's role. */
  z.object({ ...base, action: z.literal('obligation.transitioned'), before: z.object({ obligation: z.string(), status: z.string(), revision: z.number() }), after: z.object({ obligation: z.string(), status: z.string(), revision: z.number(), role: roleSchema, note: z.string(), evidence: z.object({ text: z.string(), link: z.string().nullable() }).optional() }) }),
  /** An open obligation passed its due date: the approval's conditions lapsed, a re-review opened and `obligation.lapsed` was queued for webhooks. No actor: the sweep. */
  z.object({ ...base, action: z.literal('obligation.lapsed'), before: z.object({ obligation: z.string(), status: z.string(), revision: z.number() }), after: z.object({ obligation: z.string(), status: z.literal('lapsed'), revision: z.number(), decision: z.string(), owner: z.string(), dueOn: z.string(), role: roleSchema }) }),
  // The subject is the package (rollbacks, decision record 0135).
  /** The committee or model risk withdrew the approval in force of a model version, with a reason; `restored` is the model's previous approved package, back in force (null: none). The deployment gate refuses the rolled-back version from then on. */
  z.object({ ...base, action: z.literal('package.rolled_back'), before: z.object({ status: z.string(), version: z.number().int() }), after: z.object({ modelKey: z.string(), role: roleSchema, reason: z.string(), restored: z.object({ packageId: z.string(), versionLabel: z.string() }).nullable() }) }),
]);
export type AuditEvent = z.infer<typeof auditEventSchema>;
export type AuditAction = AuditEvent['action'];

export const auditEntrySchema = z.intersection(
  auditEventSchema,
  z.object({
    seq: z.number().int().min(1),
    at: z.iso.datetime(),
    actorId: z.string().nullable(),
    prevHash: z.string(),
    entryHash: z.string(),
  }),
);
export type AuditEntry = z.infer<typeof auditEntrySchema>;
