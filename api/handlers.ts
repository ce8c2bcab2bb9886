import type { RouteId } from './routes.ts';
import type { Handler } from './kernel/define-handler.ts';
import { login, logout, session } from './session/handlers.ts';
import { getPackage, getVersion, listPackages, submitPackage, submitVersion } from './packages/handlers.ts';
import { editMessage, listThreads, openThread, replyToThread, resolveThread, retractMessage } from './threads/handlers.ts';
import { listSectionReviews, markSectionReviewed, unmarkSectionReviewed } from './section-reviews/handlers.ts';
import { enrolPasskey, listPasskeys, passkeyRegistrationOptions, removePasskey } from './passkeys/handlers.ts';
import { issueSigningNonce, signDecision } from './signing/handlers.ts';
import { health, openapi } from './system/handlers.ts';
import { serverKeys, verifyPackage } from './signing/verification.ts';
import { auditConsistencyProof, auditInclusionProof, auditTreeHead, listAudit, listPackageAudit, verifyAudit } from './audit/handlers.ts';
import { exportRecord } from './record/handlers.ts';
import { dashboard } from './dashboard/handlers.ts';
import { disableWebhook, enableWebhook, listWebhookDeliveries, listWebhooks, registerWebhook } from './webhooks/handlers.ts'; // webhooks
import { listNotifications, markNotificationsRead } from './notifications/handlers.ts'; // notifications (in-app)
import { createApiToken, listApiTokens, revokeApiToken } from './tokens/handlers.ts'; // API tokens (pipeline submission)
import { createTemplateVersion, getTemplateVersion, listTemplates } from './templates/handlers.ts'; // Workflow templates administration
import { createDelegation, listDelegations, listUserDirectory, revokeDelegation } from './delegations/handlers.ts'; // delegations

export type { Handler } from './kernel/define-handler.ts';

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
