import type { RouteId } from '../routes.ts';
import type { Handler } from './define.ts';
import { login, logout, session } from './session.ts';
import { getPackage, getVersion, listPackages, submitPackage, submitVersion } from './packages.ts';
import { editMessage, listThreads, openThread, replyToThread, resolveThread, retractMessage } from './threads.ts';
import { listSectionReviews, markSectionReviewed, unmarkSectionReviewed } from './section-reviews.ts';
import { enrolPasskey, listPasskeys, passkeyRegistrationOptions, removePasskey } from './passkeys.ts';
import { issueSigningNonce, signDecision } from './signing.ts';
import { health, openapi } from './system.ts';
import { serverKeys, verifyPackage } from './verification.ts';
import { auditConsistencyProof, auditInclusionProof, auditTreeHead, listAudit, listPackageAudit, verifyAudit } from './audit.ts';
import { exportRecord } from './record.ts';
import { dashboard } from './dashboard.ts';
import { disableWebhook, enableWebhook, listWebhookDeliveries, listWebhooks, registerWebhook } from './webhooks.ts'; // webhooks
import { listNotifications, markNotificationsRead } from './notifications.ts'; // notifications (in-app)
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts'; // API tokens (pipeline submission)
import { createTemplateVersion, getTemplateVersion, listTemplates } from './templates.ts'; // Workflow templates administration
import { createDelegation, listDelegations, listUserDirectory, revokeDelegation } from './delegations.ts'; // delegations

export type { Handler } from './define.ts';

/** Every route of the table has exactly one handler: the type refuses a missing one. */
export const handlers: Record<RouteId, Handler> = {
  health,
  openapi,
  login,
  logout,
  session,
  listPackages,
  submitPackage,
  getPackage,
  getVersion,
  submitVersion,
  listThreads,
  openThread,
  replyToThread,
  editMessage,
  retractMessage,
  resolveThread,
  listSectionReviews,
  markSectionReviewed,
  unmarkSectionReviewed,
  issueSigningNonce,
  signDecision,
  verifyPackage,
  serverKeys,
  listPasskeys,
  passkeyRegistrationOptions,
  enrolPasskey,
  removePasskey,
  listAudit,
  listPackageAudit,
  auditTreeHead,
  auditInclusionProof,
  auditConsistencyProof,
  verifyAudit,
  exportRecord,
  dashboard,
  // webhooks
  listWebhooks,
  registerWebhook,
  disableWebhook,
  enableWebhook,
  listWebhookDeliveries,
  // notifications (in-app)
  listNotifications,
  markNotificationsRead,
  // API tokens (pipeline submission)
  listApiTokens,
  createApiToken,
  revokeApiToken,
  // Workflow templates administration
  listTemplates,
  getTemplateVersion,
  createTemplateVersion,
  // delegations
  listDelegations,
  createDelegation,
  revokeDelegation,
  listUserDirectory,
};
