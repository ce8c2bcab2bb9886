import { reviewerRoles, type Role } from '#domain/contracts/roles.ts';

// Who may call each route, stated here independently of api/routes.ts: the matrix
// holds the server to this table. A route without an entry fails the matrix, and so does an
// entry for a route that no longer exists. When you add a route, add its rule here and a
// valid request for it in requests.ts.
//
// Objects: "own" and "other" are from the caller's side where that means something (their
// passkey, their message, the delegation they gave); for packages, "own" is owner A's and
// "other" owner B's (A is the model_owner caller, and reviewers see both).

export type Rule =
  /** Anyone, signed in or not. */
  | { kind: 'public' }
  /** Any signed-in user. */
  | { kind: 'signed-in' }
  /** Holders of one of the roles; anyone else 403. */
  | { kind: 'roles'; roles: readonly Role[] }
  /** A package the caller may see: owners only their own (another's answers 404, audited), every other role all; optionally only for some roles. */
  | { kind: 'visible-package'; roles?: readonly Role[] }
  /** Submit a package: model owners (and the pipeline token) for a model that is theirs; another owner's model 403. */
  | { kind: 'own-model' }
  /** Resubmit: the package's owner (or the token of its model); another owner's package 404. */
  | { kind: 'package-owner' }
  /** Reply in a thread: the package's owner or a reviewer, on a package they see. */
  | { kind: 'owner-or-reviewer' }
  /** Change a message: its author only (403 for anyone else). */
  | { kind: 'author' }
  /** Move a finding (or an obligation) on: the package's owner (a remediation, a fulfilment; another owner's package 404) or a holder of the role that raised it or approved (accepting its risk, confirming); anyone else 403. */
  | { kind: 'finding-party'; raisedRole: Role }
  /** Sign a decision: a reviewer holding the active step's role (403 for other reviewers). */
  | { kind: 'step-role'; role: Role }
  /** The caller's own object; someone else's answers 404 (audited). */
  | { kind: 'own-object' }
  /** The delegation's giver (or its creator) or an administrator; anyone else 404 (audited). */
  | { kind: 'giver-or-admin' }
  /** Delegate your own role; naming someone else's is for administrators (403 otherwise). */
  | { kind: 'self-or-admin' }
  /** Accept a delegation of your role an administrator made: its delegator only; anyone else 404 (audited). */
  | { kind: 'delegator' }
  /** Create a pipeline token: a model owner, for a model that is theirs (another owner's 403); nobody else (403). */
  | { kind: 'model-of-own' }
  /** Revoke a pipeline token: the owner who created it, or an administrator; another owner 404 (audited), anyone else 403. */
  | { kind: 'token-creator-or-admin' }
  /** A reviewer's draft: its author only; another reviewer's answers 404 (audited); non-reviewers 403. */
  | { kind: 'reviewer-own-object' }
  /** An owner's resubmit draft: the package's owner signed in (no pipeline token); another owner's package 404 (audited); anyone else 403. */
  | { kind: 'package-owner-in-person' };

export interface Expectation {
  rule: Rule;
  /** Whether the route acts on an object that can be the caller's own or someone else's. */
  objects: boolean;
  /** Callers with no object of their own of this kind (the "own" variant does not exist for them). */
  ownless?: readonly string[];
  /** The allowed answer when it is not the route's success status, and why. */
  allowedStatus?: { status: number; why: string };
}

const reviewers = reviewerRoles;
const oversight: readonly Role[] = ['committee', 'admin'];
const admin: readonly Role[] = ['admin'];

const none = (rule: Rule): Expectation => ({ rule, objects: false });
const onPackages = (rule: Rule): Expectation => ({ rule, objects: true });
/** A direct catalogue change: administrators only, and the matrix world (the demo seed) has two, so it is a proposal (0182). */
const proposedOnly: Expectation = { rule: { kind: 'roles', roles: admin }, objects: false, allowedStatus: { status: 409, why: 'two administrators exist: a catalogue change is proposed, and another administrator approves it (0182)' } };

export const expectations: Record<string, Expectation> = {
  health: none({ kind: 'public' }),
  openapi: none({ kind: 'public' }),
  ssoSettings: none({ kind: 'roles', roles: admin }),
  login: none({ kind: 'public' }),
  logout: none({ kind: 'signed-in' }),
  session: none({ kind: 'public' }),
  listPackages: none({ kind: 'signed-in' }),
  listPackageModels: none({ kind: 'signed-in' }),
  submitPackage: onPackages({ kind: 'own-model' }),
  getPackage: onPackages({ kind: 'visible-package' }),
  getVersion: onPackages({ kind: 'visible-package' }),
  submitVersion: onPackages({ kind: 'package-owner' }),
  listThreads: onPackages({ kind: 'visible-package' }),
  openThread: onPackages({ kind: 'visible-package', roles: reviewers }),
  replyToThread: onPackages({ kind: 'owner-or-reviewer' }),
  editMessage: { rule: { kind: 'author' }, objects: true, ownless: ['admin'] },
  retractMessage: { rule: { kind: 'author' }, objects: true, ownless: ['admin'] },
  resolveThread: onPackages({ kind: 'visible-package', roles: reviewers }),
  listFindings: onPackages({ kind: 'visible-package' }),
  raiseFinding: onPackages({ kind: 'visible-package', roles: reviewers }),
  transitionFinding: onPackages({ kind: 'finding-party', raisedRole: 'model_risk' }),
  findingRegister: none({ kind: 'signed-in' }),
  issueSigningNonce: onPackages({ kind: 'visible-package', roles: reviewers }),
  signDecision: onPackages({ kind: 'step-role', role: 'data_governance' }),
  verifyPackage: onPackages({ kind: 'visible-package' }),
  serverKeys: none({ kind: 'public' }),
  listPasskeys: none({ kind: 'signed-in' }),
  passkeyRegistrationOptions: none({ kind: 'signed-in' }),
  // A real enrolment needs an authenticator's attestation made for a challenge this server
  // issued; the matrix sends a well-formed registration the verifier then refuses (422),
  // which is past every authorization check.
  enrolPasskey: { rule: { kind: 'signed-in' }, objects: false, allowedStatus: { status: 422, why: 'the attestation is checked after authorization' } },
  removePasskey: { rule: { kind: 'own-object' }, objects: true },
  listSectionReviews: onPackages({ kind: 'visible-package' }),
  markSectionReviewed: onPackages({ kind: 'visible-package', roles: reviewers }),
  unmarkSectionReviewed: onPackages({ kind: 'visible-package', roles: reviewers }),
  listAudit: none({ kind: 'roles', roles: oversight }),
  listPackageAudit: onPackages({ kind: 'visible-package' }),
  auditTreeHead: none({ kind: 'signed-in' }),
  auditCheckpoint: none({ kind: 'public' }),
  auditInclusionProof: none({ kind: 'signed-in' }),
  auditConsistencyProof: none({ kind: 'public' }),
  verifyAudit: none({ kind: 'roles', roles: oversight }),
  streamAuditChain: none({ kind: 'roles', roles: oversight }),
  exportRecord: onPackages({ kind: 'visible-package' }),
  exportRecordPdf: onPackages({ kind: 'visible-package' }),
  dashboard: none({ kind: 'roles', roles: oversight }),
  listWebhooks: none({ kind: 'roles', roles: admin }),
  registerWebhook: none({ kind: 'roles', roles: admin }),
  disableWebhook: none({ kind: 'roles', roles: admin }),
  enableWebhook: none({ kind: 'roles', roles: admin }),
  listWebhookDeliveries: none({ kind: 'roles', roles: admin }),
  // A token submits in its creator's name: owners make them for their own models; administrators oversee and revoke.
  listApiTokens: none({ kind: 'roles', roles: ['model_owner', 'admin'] }),
  createApiToken: { rule: { kind: 'model-of-own' }, objects: true },
  revokeApiToken: { rule: { kind: 'token-creator-or-admin' }, objects: true },
  listTemplates: none({ kind: 'signed-in' }),
  getTemplateVersion: none({ kind: 'signed-in' }),
  createTemplateVersion: proposedOnly,
  listPolicies: none({ kind: 'signed-in' }),
  getPolicyVersion: none({ kind: 'signed-in' }),
  publishPolicy: proposedOnly,
  listRiskAssessments: onPackages({ kind: 'visible-package' }),
  // The owner assesses their own package; model risk any.
  recordRiskAssessment: onPackages({ kind: 'visible-package', roles: ['model_owner', 'model_risk'] }),
  // Model risk re-assesses and confirms; the others ask (0167).
  requestTierOverride: onPackages({ kind: 'visible-package', roles: ['model_owner', ...reviewers.filter((r) => r !== 'model_risk')] }),
  confirmTierOverride: onPackages({ kind: 'visible-package', roles: ['model_risk'] }),
  listNotifications: none({ kind: 'signed-in' }),
  markNotificationsRead: none({ kind: 'signed-in' }),
  getNotificationPreferences: none({ kind: 'signed-in' }),
  updateNotificationPreferences: none({ kind: 'signed-in' }),
  listDelegations: none({ kind: 'signed-in' }),
  // Model owners and administrators hold no reviewer role, so have none of their own to delegate.
  createDelegation: { rule: { kind: 'self-or-admin' }, objects: true, ownless: ['model_owner', 'admin'] },
  revokeDelegation: { rule: { kind: 'giver-or-admin' }, objects: true, ownless: ['model_owner'] },
  // Only reviewers have a role an administrator can delegate for them.
  acceptDelegation: { rule: { kind: 'delegator' }, objects: true, ownless: ['model_owner', 'admin'] },
  listUserDirectory: none({ kind: 'signed-in' }),
  // Drafts: a reviewer lists and publishes only their own (the list of another's is not reachable at all).
  listReviewDrafts: onPackages({ kind: 'visible-package', roles: reviewers }),
  saveReviewDraft: onPackages({ kind: 'visible-package', roles: reviewers }),
  editReviewDraft: { rule: { kind: 'reviewer-own-object' }, objects: true },
  discardReviewDraft: { rule: { kind: 'reviewer-own-object' }, objects: true },
  publishReviewDrafts: onPackages({ kind: 'visible-package', roles: reviewers }),
  getResubmitDraft: onPackages({ kind: 'package-owner-in-person' }),
  saveResubmitDraft: onPackages({ kind: 'package-owner-in-person' }),
  discardResubmitDraft: onPackages({ kind: 'package-owner-in-person' }),
  listObligations: onPackages({ kind: 'visible-package' }),
  transitionObligation: onPackages({ kind: 'finding-party', raisedRole: 'model_risk' }),
  listTieringMethods: none({ kind: 'roles', roles: admin }),
  listRevalidationSchedules: none({ kind: 'roles', roles: admin }),
  publishRevalidationSchedule: proposedOnly,
  publishTieringMethod: proposedOnly,
  listBusinessLines: none({ kind: 'signed-in' }),
  addBusinessLine: proposedOnly,
  retireBusinessLine: proposedOnly,
  getPackageRollback: onPackages({ kind: 'visible-package' }),
  rollBackPackage: { rule: { kind: 'visible-package', roles: ['committee', 'model_risk'] }, objects: true, allowedStatus: { status: 409, why: 'the matrix packages are in review: no approval in force to roll back' } },
  receiveMonitoringAlert: { rule: { kind: 'public' }, objects: false, allowedStatus: { status: 401, why: 'no monitoring secret in the matrix world: every alert is refused, signed or not' } },
  listManagedUsers: none({ kind: 'roles', roles: admin }),
  createUser: none({ kind: 'roles', roles: admin }),
  setUserRoles: none({ kind: 'roles', roles: admin }),
  disableUser: none({ kind: 'roles', roles: admin }),
  enableUser: none({ kind: 'roles', roles: admin }),
  resetUserPassword: none({ kind: 'roles', roles: admin }),
  sendPasswordLink: { rule: { kind: 'roles', roles: admin }, objects: false, allowedStatus: { status: 409, why: 'mail is off in the matrix world: no link to send' } },
  setPasswordWithLink: { rule: { kind: 'public' }, objects: false, allowedStatus: { status: 422, why: 'no link was mailed in the matrix world: every token is refused' } },
  listAccountRequests: none({ kind: 'roles', roles: admin }),
  requestAccountChange: none({ kind: 'roles', roles: admin }),
  approveAccountRequest: none({ kind: 'roles', roles: admin }),
  rejectAccountRequest: none({ kind: 'roles', roles: admin }),
  listCatalogueProposals: none({ kind: 'roles', roles: admin }),
  proposeCatalogueChange: none({ kind: 'roles', roles: admin }),
  approveCatalogueProposal: none({ kind: 'roles', roles: admin }),
  rejectCatalogueProposal: none({ kind: 'roles', roles: admin }),
  changeOwnPassword: none({ kind: 'signed-in' }),
  stepUp: none({ kind: 'signed-in' }),
  listOwnSessions: none({ kind: 'signed-in' }),
  // The caller's own session, named by its id; another's id is simply not among theirs.
  revokeOwnSession: none({ kind: 'signed-in' }),
  setupStatus: none({ kind: 'public' }),
  // Setup closes once any account exists, and the matrix world has accounts: anyone gets 409.
  completeSetup: { rule: { kind: 'public' }, objects: false, allowedStatus: { status: 409, why: 'setup is closed once any account exists' } },
  // A registry proves itself by its signature, not a session; the matrix world connects no registry.
  mlflowWebhook: { rule: { kind: 'public' }, objects: false, allowedStatus: { status: 404, why: 'no registry connector in the matrix world' } },
  listRegistryDrafts: none({ kind: 'roles', roles: ['model_owner', 'admin'] }),
  getRegistryDraft: { rule: { kind: 'roles', roles: ['model_owner', 'admin'] }, objects: false, allowedStatus: { status: 404, why: 'no registry event made a draft in the matrix world' } },
  getPackageRegistry: onPackages({ kind: 'visible-package' }),
  sageMakerEvent: { rule: { kind: 'public' }, objects: false, allowedStatus: { status: 404, why: 'no registry connector in the matrix world' } },
  adminRegistries: none({ kind: 'roles', roles: ['admin'] }),
  testRegistryConnection: { rule: { kind: 'roles', roles: ['admin'] }, objects: false, allowedStatus: { status: 404, why: 'no registry connector in the matrix world' } },
  deploymentGate: none({ kind: 'signed-in' }),
};
