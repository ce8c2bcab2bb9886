import { z } from 'zod';
import {
  packageDetailSchema,
  packageIdParamsSchema,
  packageListQuerySchema,
  packageListSchema,
  packageVersionSchema,
  submitPackageRequestSchema,
  submitVersionRequestSchema,
  versionParamsSchema,
  versionSummarySchema,
  packageSummarySchema,
} from '#domain/contracts/packages.ts';
import { loginRequestSchema, sessionResponseSchema } from '#domain/contracts/users.ts';
import { enrolPasskeyRequestSchema, passkeyListSchema, passkeyParamsSchema, passkeySummarySchema, registrationOptionsSchema } from '#domain/contracts/passkeys.ts';
import { nonceRequestSchema, nonceResponseSchema, packageVerificationSchema, serverKeyListSchema, signDecisionRequestSchema, signedDecisionSchema } from '#domain/contracts/signatures.ts';
import { reviewerRoles, type Role } from '#domain/contracts/roles.ts';
import {
  messageParamsSchema,
  messageRequestSchema,
  openThreadRequestSchema,
  sectionReviewListSchema,
  sectionReviewParamsSchema,
  sectionReviewSchema,
  threadListSchema,
  threadParamsSchema,
  threadSchema,
} from '#domain/contracts/threads.ts';
import {
  auditPageSchema,
  auditQuerySchema,
  auditVerificationSchema,
  consistencyProofQuerySchema,
  consistencyProofSchema,
  inclusionProofQuerySchema,
  inclusionProofSchema,
  signedTreeHeadSchema,
} from '#domain/contracts/audit.ts';
import { approvalRecordSchema } from '#domain/contracts/record.ts';
import { dashboardSchema } from '#domain/contracts/dashboard.ts';
import { registeredWebhookSchema, registerWebhookRequestSchema, webhookDeliveryListSchema, webhookEndpointListSchema, webhookEndpointSchema, webhookIdParamsSchema } from '#domain/contracts/webhooks.ts'; // webhooks
import { markNotificationsReadRequestSchema, notificationListSchema } from '#domain/contracts/notifications.ts'; // notifications (in-app)
import { apiTokenListSchema, apiTokenParamsSchema, apiTokenSummarySchema, createApiTokenRequestSchema, createdApiTokenSchema } from '#domain/contracts/api-tokens.ts'; // API tokens
import { createTemplateRequestSchema, templateListSchema, templateVersionEntrySchema, templateVersionParamsSchema } from '#domain/contracts/template-admin.ts'; // Workflow templates administration
import { createDelegationRequestSchema, delegationListQuerySchema, delegationListSchema, delegationParamsSchema, delegationSchema, userDirectorySchema } from '#domain/contracts/delegations.ts'; // delegations

// The public API, declared once. The server, the MSW mocks, the OpenAPI document and the
// authorization tests are all built from this table, so a route cannot exist in one and
// not the others.

/** Who may call a route: anyone, any signed-in user, or holders of the listed roles. */
export type Access = { kind: 'public' } | { kind: 'signed_in' } | { kind: 'roles'; roles: readonly Role[] };

type Schema = z.ZodType | null;

export interface RouteDef<P extends Schema = Schema, Q extends Schema = Schema, B extends Schema = Schema, R extends Schema = Schema> {
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** OpenAPI-style path, e.g. /api/packages/{id}. */
  path: string;
  summary: string;
  access: Access;
  params: P;
  query: Q;
  body: B;
  /** Largest accepted body in bytes; larger gets 413. */
  maxBodyBytes: number;
  successStatus: 200 | 201 | 204;
  response: R;
}

/** Who oversees every package: the whole audit log and the committee dashboard. */
const oversightRoles: readonly Role[] = ['committee', 'admin'];

const kb = 1024;
const mb = 1024 * kb;

export const healthResponseSchema = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres', 'memory']), time: z.iso.datetime() });
export const submitPackageResponseSchema = z.object({ package: packageSummarySchema, version: versionSummarySchema });
export const submitVersionResponseSchema = submitPackageResponseSchema;

function route<P extends Schema, Q extends Schema, B extends Schema, R extends Schema>(def: RouteDef<P, Q, B, R>): RouteDef<P, Q, B, R> {
  return def;
}

export const routes = {
  health: route({ id: 'health', method: 'GET', path: '/api/health', summary: 'Liveness and database reachability', access: { kind: 'public' }, params: null, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: healthResponseSchema }),
  openapi: route({ id: 'openapi', method: 'GET', path: '/api/openapi.json', summary: 'This API as an OpenAPI 3.1 document', access: { kind: 'public' }, params: null, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: z.record(z.string(), z.unknown()) }),
  login: route({ id: 'login', method: 'POST', path: '/api/session', summary: 'Sign in with email and password; sets the session cookie', access: { kind: 'public' }, params: null, query: null, body: loginRequestSchema, maxBodyBytes: 16 * kb, successStatus: 200, response: sessionResponseSchema }),
  logout: route({ id: 'logout', method: 'DELETE', path: '/api/session', summary: 'Sign out; the server ends the session', access: { kind: 'signed_in' }, params: null, query: null, body: null, maxBodyBytes: 0, successStatus: 204, response: null }),
  session: route({ id: 'session', method: 'GET', path: '/api/session', summary: 'The signed-in user', access: { kind: 'signed_in' }, params: null, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: sessionResponseSchema }),
  listPackages: route({ id: 'listPackages', method: 'GET', path: '/api/packages', summary: 'Packages visible to the caller, filtered by status, risk tier, model or step role', access: { kind: 'signed_in' }, params: null, query: packageListQuerySchema, body: null, maxBodyBytes: 0, successStatus: 200, response: packageListSchema }),
  submitPackage: route({ id: 'submitPackage', method: 'POST', path: '/api/packages', summary: 'Submit a new package for a model version (its version 1)', access: { kind: 'roles', roles: ['model_owner'] }, params: null, query: null, body: submitPackageRequestSchema, maxBodyBytes: 8 * mb, successStatus: 201, response: submitPackageResponseSchema }),
  getPackage: route({ id: 'getPackage', method: 'GET', path: '/api/packages/{id}', summary: 'A package with its workflow state, versions and decisions', access: { kind: 'signed_in' }, params: packageIdParamsSchema, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: packageDetailSchema }),
  getVersion: route({ id: 'getVersion', method: 'GET', path: '/api/packages/{id}/versions/{n}', summary: 'One version: content, canonical content hash, submitter and time', access: { kind: 'signed_in' }, params: versionParamsSchema, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: packageVersionSchema }),
  submitVersion: route({ id: 'submitVersion', method: 'POST', path: '/api/packages/{id}/versions', summary: 'Resubmit: a new immutable version of the package', access: { kind: 'roles', roles: ['model_owner'] }, params: packageIdParamsSchema, query: null, body: submitVersionRequestSchema, maxBodyBytes: 8 * mb, successStatus: 201, response: submitVersionResponseSchema }),
  listThreads: route({ id: 'listThreads', method: 'GET', path: '/api/packages/{id}/threads', summary: 'Annotation and clarification threads on every version of a package', access: { kind: 'signed_in' }, params: packageIdParamsSchema, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: threadListSchema }),
  openThread: route({ id: 'openThread', method: 'POST', path: '/api/packages/{id}/threads', summary: 'Annotate a section or a quoted passage: comment, clarification request or finding', access: { kind: 'roles', roles: reviewerRoles }, params: packageIdParamsSchema, query: null, body: openThreadRequestSchema, maxBodyBytes: 64 * kb, successStatus: 201, response: threadSchema }),
  replyToThread: route({ id: 'replyToThread', method: 'POST', path: '/api/packages/{id}/threads/{threadId}/messages', summary: 'Reply in a thread; the owner answering a clarification marks it answered', access: { kind: 'signed_in' }, params: threadParamsSchema, query: null, body: messageRequestSchema, maxBodyBytes: 64 * kb, successStatus: 201, response: threadSchema }),
  editMessage: route({ id: 'editMessage', method: 'POST', path: '/api/packages/{id}/threads/{threadId}/messages/{messageId}/revisions', summary: 'Edit your own message; the earlier text stays in its history', access: { kind: 'signed_in' }, params: messageParamsSchema, query: null, body: messageRequestSchema, maxBodyBytes: 64 * kb, successStatus: 201, response: threadSchema }),
  retractMessage: route({ id: 'retractMessage', method: 'POST', path: '/api/packages/{id}/threads/{threadId}/messages/{messageId}/retraction', summary: 'Retract your own message; its text stays in the audit trail', access: { kind: 'signed_in' }, params: messageParamsSchema, query: null, body: null, maxBodyBytes: 0, successStatus: 201, response: threadSchema }),
  resolveThread: route({ id: 'resolveThread', method: 'POST', path: '/api/packages/{id}/threads/{threadId}/resolution', summary: 'Resolve a thread (reviewers)', access: { kind: 'roles', roles: reviewerRoles }, params: threadParamsSchema, query: null, body: null, maxBodyBytes: 0, successStatus: 201, response: threadSchema }),
  issueSigningNonce: route({ id: 'issueSigningNonce', method: 'POST', path: '/api/signing/nonces', summary: 'A single-use nonce, valid for five minutes, to include in a signing payload', access: { kind: 'roles', roles: reviewerRoles }, params: null, query: null, body: nonceRequestSchema, maxBodyBytes: 4 * kb, successStatus: 201, response: nonceResponseSchema }),
  signDecision: route({ id: 'signDecision', method: 'POST', path: '/api/packages/{id}/decisions', summary: 'Record a decision signed by passkey or password re-entry; the server verifies and countersigns it', access: { kind: 'roles', roles: reviewerRoles }, params: packageIdParamsSchema, query: null, body: signDecisionRequestSchema, maxBodyBytes: 256 * kb, successStatus: 201, response: signedDecisionSchema }),
  verifyPackage: route({ id: 'verifyPackage', method: 'GET', path: '/api/packages/{id}/verification', summary: 'The server’s verdict on every signed decision of a package: content hash, signature, countersignature', access: { kind: 'signed_in' }, params: packageIdParamsSchema, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: packageVerificationSchema }),
  serverKeys: route({ id: 'serverKeys', method: 'GET', path: '/api/keys', summary: 'The server’s Ed25519 countersigning public keys', access: { kind: 'public' }, params: null, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: serverKeyListSchema }),
  listPasskeys: route({ id: 'listPasskeys', method: 'GET', path: '/api/passkeys', summary: 'Your passkeys for signing', access: { kind: 'signed_in' }, params: null, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: passkeyListSchema }),
  passkeyRegistrationOptions: route({ id: 'passkeyRegistrationOptions', method: 'POST', path: '/api/passkeys/registration-options', summary: 'Options (with a single-use challenge) to enrol a passkey', access: { kind: 'signed_in' }, params: null, query: null, body: null, maxBodyBytes: 0, successStatus: 201, response: registrationOptionsSchema }),
  enrolPasskey: route({ id: 'enrolPasskey', method: 'POST', path: '/api/passkeys', summary: 'Enrol a passkey (user verification required) from a WebAuthn registration response', access: { kind: 'signed_in' }, params: null, query: null, body: enrolPasskeyRequestSchema, maxBodyBytes: 64 * kb, successStatus: 201, response: passkeySummarySchema }),
  removePasskey: route({ id: 'removePasskey', method: 'DELETE', path: '/api/passkeys/{credentialId}', summary: 'Remove one of your passkeys', access: { kind: 'signed_in' }, params: passkeyParamsSchema, query: null, body: null, maxBodyBytes: 0, successStatus: 204, response: null }),
  listSectionReviews: route({ id: 'listSectionReviews', method: 'GET', path: '/api/packages/{id}/reviews', summary: 'Which reviewer marked which section of which version reviewed', access: { kind: 'signed_in' }, params: packageIdParamsSchema, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: sectionReviewListSchema }),
  markSectionReviewed: route({ id: 'markSectionReviewed', method: 'PUT', path: '/api/packages/{id}/versions/{n}/sections/{key}/review', summary: 'Mark a section of a version reviewed by you (idempotent)', access: { kind: 'roles', roles: reviewerRoles }, params: sectionReviewParamsSchema, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: sectionReviewSchema }),
  unmarkSectionReviewed: route({ id: 'unmarkSectionReviewed', method: 'DELETE', path: '/api/packages/{id}/versions/{n}/sections/{key}/review', summary: 'Withdraw your review mark from a section', access: { kind: 'roles', roles: reviewerRoles }, params: sectionReviewParamsSchema, query: null, body: null, maxBodyBytes: 0, successStatus: 204, response: null }),
  listAudit: route({ id: 'listAudit', method: 'GET', path: '/api/audit', summary: 'The whole audit log, oldest first, filtered by actor, action and date, a page at a time', access: { kind: 'roles', roles: oversightRoles }, params: null, query: auditQuerySchema, body: null, maxBodyBytes: 0, successStatus: 200, response: auditPageSchema }),
  listPackageAudit: route({ id: 'listPackageAudit', method: 'GET', path: '/api/packages/{id}/audit', summary: 'The audit entries about one package, oldest first, a page at a time', access: { kind: 'signed_in' }, params: packageIdParamsSchema, query: auditQuerySchema, body: null, maxBodyBytes: 0, successStatus: 200, response: auditPageSchema }),
  auditTreeHead: route({ id: 'auditTreeHead', method: 'GET', path: '/api/audit/tree-head', summary: 'The latest signed tree head of the audit log (size, Merkle root, time; Ed25519)', access: { kind: 'signed_in' }, params: null, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: signedTreeHeadSchema }),
  auditInclusionProof: route({ id: 'auditInclusionProof', method: 'GET', path: '/api/audit/proofs/inclusion', summary: 'RFC 6962 inclusion proof of one entry in a tree of a given size', access: { kind: 'signed_in' }, params: null, query: inclusionProofQuerySchema, body: null, maxBodyBytes: 0, successStatus: 200, response: inclusionProofSchema }),
  auditConsistencyProof: route({ id: 'auditConsistencyProof', method: 'GET', path: '/api/audit/proofs/consistency', summary: 'RFC 6962 consistency proof between two tree sizes: the later log extends the earlier one', access: { kind: 'signed_in' }, params: null, query: consistencyProofQuerySchema, body: null, maxBodyBytes: 0, successStatus: 200, response: consistencyProofSchema }),
  verifyAudit: route({ id: 'verifyAudit', method: 'GET', path: '/api/audit/verify', summary: 'The server’s verdict on the whole audit log: hash chain, Merkle root and every published tree head', access: { kind: 'roles', roles: oversightRoles }, params: null, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: auditVerificationSchema }),
  exportRecord: route({ id: 'exportRecord', method: 'GET', path: '/api/packages/{id}/record', summary: 'The approval record as one signed JSON document (schema /schemas/approval-record-1.schema.json) that verifies offline', access: { kind: 'signed_in' }, params: packageIdParamsSchema, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: approvalRecordSchema }),
  dashboard: route({ id: 'dashboard', method: 'GET', path: '/api/dashboard', summary: 'The committee’s view: models by risk tier, pending and overdue reviews, re-reviews due, recent decisions', access: { kind: 'roles', roles: oversightRoles }, params: null, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: dashboardSchema }),
  // Webhooks (administrators): endpoints, Standard-Webhooks-signed deliveries and their log
  listWebhooks: route({ id: 'listWebhooks', method: 'GET', path: '/api/webhooks', summary: 'Registered webhook endpoints (never their secrets)', access: { kind: 'roles', roles: ['admin'] }, params: null, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: webhookEndpointListSchema }),
  registerWebhook: route({ id: 'registerWebhook', method: 'POST', path: '/api/webhooks', summary: 'Register an http(s) endpoint for workflow events; its signing secret is in this response only', access: { kind: 'roles', roles: ['admin'] }, params: null, query: null, body: registerWebhookRequestSchema, maxBodyBytes: 8 * kb, successStatus: 201, response: registeredWebhookSchema }),
  disableWebhook: route({ id: 'disableWebhook', method: 'POST', path: '/api/webhooks/{id}/disable', summary: 'Disable an endpoint: nothing is sent to it (deliveries wait) until it is enabled', access: { kind: 'roles', roles: ['admin'] }, params: webhookIdParamsSchema, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: webhookEndpointSchema }),
  enableWebhook: route({ id: 'enableWebhook', method: 'POST', path: '/api/webhooks/{id}/enable', summary: 'Enable a disabled endpoint again', access: { kind: 'roles', roles: ['admin'] }, params: webhookIdParamsSchema, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: webhookEndpointSchema }),
  listWebhookDeliveries: route({ id: 'listWebhookDeliveries', method: 'GET', path: '/api/webhooks/{id}/deliveries', summary: 'An endpoint’s latest deliveries, newest first, each with its attempts', access: { kind: 'roles', roles: ['admin'] }, params: webhookIdParamsSchema, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: webhookDeliveryListSchema }),
  // API tokens (pipeline submission)
  listApiTokens: route({ id: 'listApiTokens', method: 'GET', path: '/api/tokens', summary: 'API tokens for pipeline submission (never their secrets), and the models a token can be scoped to', access: { kind: 'roles', roles: ['admin'] }, params: null, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: apiTokenListSchema }),
  createApiToken: route({ id: 'createApiToken', method: 'POST', path: '/api/tokens', summary: 'Create an API token scoped to one model; its secret is in this response only', access: { kind: 'roles', roles: ['admin'] }, params: null, query: null, body: createApiTokenRequestSchema, maxBodyBytes: 4 * kb, successStatus: 201, response: createdApiTokenSchema }),
  revokeApiToken: route({ id: 'revokeApiToken', method: 'POST', path: '/api/tokens/{id}/revocation', summary: 'Revoke an API token; it is refused from then on', access: { kind: 'roles', roles: ['admin'] }, params: apiTokenParamsSchema, query: null, body: null, maxBodyBytes: 0, successStatus: 201, response: apiTokenSummarySchema }),
  // Workflow templates administration: versions are published, never edited.
  listTemplates: route({ id: 'listTemplates', method: 'GET', path: '/api/templates', summary: 'Every version of every workflow template, newest first per key, with the packages that use each', access: { kind: 'signed_in' }, params: null, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: templateListSchema }),
  getTemplateVersion: route({ id: 'getTemplateVersion', method: 'GET', path: '/api/templates/{key}/versions/{version}', summary: 'One version of a workflow template and the packages that use it', access: { kind: 'signed_in' }, params: templateVersionParamsSchema, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: templateVersionEntrySchema }),
  createTemplateVersion: route({ id: 'createTemplateVersion', method: 'POST', path: '/api/templates', summary: 'Publish a workflow template: a new key at version 1, or the next version of a key (packages already submitted keep theirs)', access: { kind: 'roles', roles: ['admin'] }, params: null, query: null, body: createTemplateRequestSchema, maxBodyBytes: 64 * kb, successStatus: 201, response: templateVersionEntrySchema }),
  // notifications (in-app): derived from the audit log; only how far each user has read is stored
  listNotifications: route({ id: 'listNotifications', method: 'GET', path: '/api/notifications', summary: 'Your notifications, newest first (at most 50), with the unread count', access: { kind: 'signed_in' }, params: null, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: notificationListSchema }),
  markNotificationsRead: route({ id: 'markNotificationsRead', method: 'POST', path: '/api/notifications/read', summary: 'Mark your notifications read up to an audit seq (only ever forward)', access: { kind: 'signed_in' }, params: null, query: null, body: markNotificationsReadRequestSchema, maxBodyBytes: 1 * kb, successStatus: 200, response: notificationListSchema }),
  // delegations: a reviewer role delegated to a named person for a bounded time
  listDelegations: route({ id: 'listDelegations', method: 'GET', path: '/api/delegations', summary: 'Delegations you gave or received (administrators: all), newest first; or with activeForRole, who acts for that role now', access: { kind: 'signed_in' }, params: null, query: delegationListQuerySchema, body: null, maxBodyBytes: 0, successStatus: 200, response: delegationListSchema }),
  createDelegation: route({ id: 'createDelegation', method: 'POST', path: '/api/delegations', summary: 'Delegate a reviewer role you hold (administrators: anyone’s) to a named colleague for at most 90 days', access: { kind: 'signed_in' }, params: null, query: null, body: createDelegationRequestSchema, maxBodyBytes: 16 * kb, successStatus: 201, response: delegationSchema }),
  revokeDelegation: route({ id: 'revokeDelegation', method: 'POST', path: '/api/delegations/{id}/revocation', summary: 'Revoke a delegation you gave before its end; the delegate stops acting at once', access: { kind: 'signed_in' }, params: delegationParamsSchema, query: null, body: null, maxBodyBytes: 0, successStatus: 201, response: delegationSchema }),
  listUserDirectory: route({ id: 'listUserDirectory', method: 'GET', path: '/api/users', summary: 'Everyone by name, title and roles (no emails): whom a role can be delegated to', access: { kind: 'signed_in' }, params: null, query: null, body: null, maxBodyBytes: 0, successStatus: 200, response: userDirectorySchema }),
} as const;

export type Routes = typeof routes;
export type RouteId = keyof Routes;
export const routeList: readonly RouteDef[] = Object.values(routes);

/** Fills an OpenAPI-style path with values: apiPath('/api/packages/{id}', { id: 'p1' }). */
export function apiPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
