import { routeList, type RouteId } from './routes.ts';
import type { Handler } from './kernel/define-handler.ts';
import { login, logout, session } from './session/handlers.ts';
import { getPackage, getVersion, listPackageModels, listPackages, submitPackage, submitVersion } from './packages/handlers.ts';
import { editMessage, listThreads, openThread, replyToThread, resolveThread, retractMessage } from './threads/handlers.ts';
import { findingRegister, listFindings, raiseFinding, transitionFinding } from './findings/handlers.ts';
import { listSectionReviews, markSectionReviewed, unmarkSectionReviewed } from './section-reviews/handlers.ts';
import { enrolPasskey, listPasskeys, passkeyRegistrationOptions, removePasskey } from './passkeys/handlers.ts';
import { issueSigningNonce, signDecision } from './signing/handlers.ts';
import { health, openapiHandler, ssoSettings } from './system/handlers.ts';
import { serverKeys, verifyPackage } from './signing/verification.ts';
import { auditCheckpoint, auditConsistencyProof, auditInclusionProof, auditTreeHead, listAudit, listPackageAudit, verifyAudit, streamAuditChain } from './audit/handlers.ts';
import { exportRecord, exportRecordPdf } from './record/handlers.ts';
import { dashboard } from './dashboard/handlers.ts';
import { disableWebhook, enableWebhook, listWebhookDeliveries, listWebhooks, registerWebhook } from './webhooks/handlers.ts';
import { listNotifications, markNotificationsRead } from './notifications/handlers.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens/handlers.ts';
import { createTemplateVersion, getTemplateVersion, listTemplates } from './templates/handlers.ts';
import { getPolicyVersion, listPolicies, publishPolicy } from './policies/handlers.ts';
import { confirmTierOverride, listRiskAssessments, publishTieringMethod, recordRiskAssessment, requestTierOverride } from './risk-assessments/handlers.ts';
import { acceptDelegation, createDelegation, listDelegations, listUserDirectory, revokeDelegation } from './delegations/handlers.ts';
import { usersHandlers } from './users/handlers.ts';
import { accountRequestsHandlers } from './account-requests/handlers.ts';
import { catalogueProposalsHandlers } from './catalogue-proposals/handlers.ts';
import { getNotificationPreferences, updateNotificationPreferences } from './mail/handlers.ts';
import { receiveMonitoringAlert } from './monitoring/handlers.ts';
import { listRevalidationSchedules, listTieringMethods, publishRevalidationSchedule } from './revalidation/handlers.ts';
import { adminRegistries, getPackageRegistry, getRegistryDraft, listRegistryDrafts, mlflowWebhook, sageMakerEvent, testRegistryConnection } from './registries/handlers.ts';
import { deploymentGate } from './record/deployment-gate.ts';
import { discardReviewDraft, editReviewDraft, listReviewDrafts, publishReviewDrafts, saveReviewDraft } from './drafts/handlers.ts';
import { discardResubmitDraft, getResubmitDraft, saveResubmitDraft } from './drafts/resubmit-handlers.ts';
import { listObligations, transitionObligation } from './obligations/handlers.ts';
import { getPackageRollback, rollBackPackage } from './rollbacks/handlers.ts';
import { addBusinessLine, listBusinessLines, retireBusinessLine } from './business-lines/handlers.ts';

export type { Handler } from './kernel/define-handler.ts';

/** Every route of the table has exactly one handler: the type refuses a missing one. */
export const handlers: Record<RouteId, Handler> = {
  health,
  ssoSettings,
  openapi: openapiHandler(routeList),
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
  listFindings,
  raiseFinding,
  transitionFinding,
  findingRegister,
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
  auditCheckpoint,
  auditInclusionProof,
  auditConsistencyProof,
  verifyAudit,
  streamAuditChain,
  exportRecord,
  exportRecordPdf,
  dashboard,
  listWebhooks,
  registerWebhook,
  disableWebhook,
  enableWebhook,
  listWebhookDeliveries,
  listNotifications,
  markNotificationsRead,
  listApiTokens,
  createApiToken,
  revokeApiToken,
  listTemplates,
  getTemplateVersion,
  createTemplateVersion,
  listPolicies,
  getPolicyVersion,
  publishPolicy,
  listRiskAssessments,
  recordRiskAssessment,
  requestTierOverride,
  confirmTierOverride,
  publishTieringMethod,
  listDelegations,
  createDelegation,
  revokeDelegation,
  acceptDelegation,
  listUserDirectory,
  ...usersHandlers,
  ...accountRequestsHandlers,
  ...catalogueProposalsHandlers,
  getNotificationPreferences,
  updateNotificationPreferences,
  mlflowWebhook,
  listRegistryDrafts,
  getRegistryDraft,
  getPackageRegistry,
  sageMakerEvent,
  adminRegistries,
  testRegistryConnection,
  deploymentGate,
  listReviewDrafts,
  saveReviewDraft,
  editReviewDraft,
  discardReviewDraft,
  publishReviewDrafts,
  getResubmitDraft,
  saveResubmitDraft,
  discardResubmitDraft,
  receiveMonitoringAlert,
  listObligations,
  transitionObligation,
  listTieringMethods,
  listRevalidationSchedules,
  publishRevalidationSchedule,
  getPackageRollback,
  rollBackPackage,
  listBusinessLines,
  addBusinessLine,
  retireBusinessLine,
  listPackageModels,
};
