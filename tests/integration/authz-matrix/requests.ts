import { decisionMeanings } from '#domain/contracts/decisions.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { isReviewerRole } from '#domain/contracts/roles.ts';
import { riskCategories } from '#domain/contracts/risk-assessment.ts';
import { computeTier } from '#domain/policy/risk-tiering.ts';
import { governanceOver } from '#scripts/lib/signed-governance.ts';
import { signingPayloadType } from '#domain/contracts/signatures.ts';
import { supportAssistantV1 } from '#demo/index.ts';
import { contentHash } from '#domain/package/content-hash.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import type { Variant } from './expected-status.ts';
import { assistantPackage, deputyOf, ownerB, ownerBModel, send, submission, threadSection, tokenModel, userOf, type Cell, type Principal, type World } from './world.ts';
import { fileAccountRequest } from '#api/account-requests/integrity.ts';

// A valid request for every route, per caller and object: valid so that an answer says
// something about authorization, not about validation. A builder may prepare what the request
// needs (a signing nonce) on the cell's own server before the cell is measured.

export interface RequestSpec {
  path: string;
  json?: unknown;
}

export interface BuildContext {
  world: World;
  cell: Cell;
  principal: Principal;
  variant: Variant;
}

type Builder = (c: BuildContext) => RequestSpec | null | Promise<RequestSpec | null>;

const day = 86_400_000;
/** A password the policy accepts (NIST SP 800-63B: long, not common). */
const matrixPassword = 'matrix granite orchard lantern';
const inDays = (n: number) => new Date(Date.now() + n * day).toISOString();
const roleOf = (p: Principal) => (p === 'anonymous' || p === 'token' ? null : p);
/** The package a cell acts on: owner A's for "own", owner B's for "other". */
const pkg = ({ world, variant }: BuildContext) => (variant === 'other' ? world.ids.packageB : world.ids.packageA);
const onPackage = (tail: string): Builder => (c) => ({ path: `/api/packages/${pkg(c)}${tail}` });

/** A message by the caller ("own") or by someone else ("other") on owner A's package. */
function message(c: BuildContext): { threadId: string; messageId: string } | null {
  const { threadOnA, ownerAMessage } = c.world.ids;
  const role = roleOf(c.principal);
  if (c.variant === 'other') return (role === 'model_risk' ? threadOnA.data_governance : threadOnA.model_risk) ?? null;
  if (role === 'admin') return null;
  if (role === 'model_owner') return ownerAMessage;
  return (role ? threadOnA[role] : threadOnA.data_governance) ?? null;
}

const messagePath = (c: BuildContext, tail: string) => {
  const m = message(c);
  return m ? `/api/packages/${c.world.ids.packageA}/threads/${m.threadId}/messages/${m.messageId}/${tail}` : null;
};

/** The demo assistant's version 1 with its evaluation notes changed, answering its clarification request. */
function resubmission(world: World) {
  const content: PackageContent = structuredClone(supportAssistantV1);
  const evaluation = content.sections.find((s) => s.key === 'evaluation');
  if (evaluation?.kind !== 'metric_table') throw new Error('the assistant evaluation is a metric table');
  evaluation.notes = 'Two annotators per answer, blind to the model version; 400 answers per locale.';
  return { content, answers: [{ target: { kind: 'clarification', threadId: world.ids.assistantClarification }, answer: 'Measured by two blind annotators per answer.', sectionKeys: ['evaluation'] }] };
}

const riskAnswers = riskCategories.map((category) => ({ category, likelihood: 2, impact: 2, controls: 'none' as const, rationale: 'Matrix.' }));

/** Assessment 1 (tier 4) on the cell's copy of the package, once; with an override to tier 1 the owner asked for. */
/**
 * The matrix's own assessment on top of the world's (every package is assessed, decision record
 * 0141): scored from `riskAnswers`, so an override to tier 1 names another tier. Its number.
 */
async function plantAssessment(c: BuildContext, withOverride: boolean): Promise<number> {
  const { store } = c.cell;
  const packageId = pkg(c);
  const existing = await store.listRiskAssessments(packageId);
  const latest = existing.at(-1);
  if (latest && JSON.stringify(latest.answers) === JSON.stringify(riskAnswers)) return latest.number;
  const method = await store.currentTieringMethod();
  if (!method) throw new Error('No tiering method to score by');
  const at = new Date().toISOString();
  const number = existing.length + 1;
  // Model risk's assessment: overrides are asked for on a tier-deciding one, not the owner's proposal (0172).
  await store.insertRiskAssessment({ packageId, number, answers: riskAnswers, result: computeTier(riskAnswers, method.method), assessedBy: userOf.model_risk.id, assessedAt: at });
  if (withOverride) await store.insertTierOverride({ packageId, number, tier: 1, reason: 'Matrix override.', requestedBy: userOf.model_owner.id, requestedRole: 'model_owner', requestedAt: at, confirmedBy: null, confirmedRole: null, confirmedAt: null });
  return number;
}

/** A decision on data governance's step, signed by the caller if they can sign at all (else by data governance's identity). */
/** A review draft on owner A's package, written on the cell's server: by the caller ("own", a reviewer) or by another reviewer. */
async function reviewDraftPath(c: BuildContext): Promise<string> {
  const role = roleOf(c.principal);
  const caller = role && isReviewerRole(role) ? role : null;
  const author = c.variant === 'own' && caller ? caller : caller === 'model_risk' ? 'data_governance' : 'model_risk';
  const packageId = c.world.ids.packageA;
  const saved = await send(c.cell.app, c.world, { method: 'POST', path: `/api/packages/${packageId}/review-drafts`, json: { versionNumber: 1, sectionKey: threadSection, kind: 'comment', body: 'A matrix draft.' }, as: author });
  if (saved.status !== 201) throw new Error(`Could not prepare a review draft: ${saved.status}`);
  return `/api/packages/${packageId}/review-drafts/${(saved.body as { id: string }).id}`;
}

async function decision(c: BuildContext): Promise<RequestSpec> {
  const role = roleOf(c.principal);
  const signer = role && isReviewerRole(role) ? role : 'data_governance';
  const account = userOf[signer];
  const packageId = pkg(c);
  const nonce = await send(c.cell.app, c.world, { method: 'POST', path: '/api/signing/nonces', json: { packageId }, as: signer });
  const version = await send(c.cell.app, c.world, { method: 'GET', path: `/api/packages/${packageId}/versions/1`, as: signer });
  if (nonce.status !== 201 || version.status !== 200) throw new Error(`Could not prepare a signing request: ${nonce.status} ${version.status}`);
  const { nonce: value, issuedAt } = nonce.body as { nonce: string; issuedAt: string };
  const payload = {
    type: signingPayloadType,
    packageId,
    versionNumber: 1,
    contentHash: await contentHash((version.body as { content: PackageContent }).content),
    stepKey: 'data_governance',
    role: 'data_governance',
    decision: 'approve',
    meaning: decisionMeanings.approve,
    reason: '',
    conditions: null,
    concerns: [],
    signer: { id: account.id, displayName: account.displayName, title: account.title },
    nonce: value,
    issuedAt,
    // As the sign dialog does (decision record 0115): what the decision is made under.
    governance: await governanceOver(async (path) => (await send(c.cell.app, c.world, { method: 'GET', path, as: signer })).body, packageId, 1),
  };
  return { path: `/api/packages/${packageId}/decisions`, json: { payload, authentication: { method: 'password', password: 'demo-password' } } };
}

function delegationRequest(c: BuildContext): RequestSpec | null {
  const role = roleOf(c.principal);
  const window = { reason: 'Matrix leave', startsAt: inDays(40), endsAt: inDays(41) };
  if (c.variant === 'own') {
    if (!role || !isReviewerRole(role)) return c.principal === 'anonymous' || c.principal === 'token' ? { path: '/api/delegations', json: { role: 'model_risk', delegateId: 'usr_data_governance', ...window } } : null;
    // To the role's deputy: segregation of duties refuses a delegate who holds another step's role.
    return { path: '/api/delegations', json: { role, delegateId: deputyOf(role), ...window } };
  }
  const [giver, delegate] = role === 'fair_lending' ? (['privacy', 'usr_fair_lending'] as const) : (['fair_lending', 'usr_privacy'] as const);
  return { path: '/api/delegations', json: { role: giver, delegatorId: userOf[giver].id, delegateId: delegate, ...window } };
}

function delegationToRevoke(c: BuildContext): RequestSpec | null {
  const { delegationBy } = c.world.ids;
  const role = roleOf(c.principal);
  let id: string | undefined;
  if (c.variant === 'own') id = role ? delegationBy[role] : delegationBy.data_governance;
  else id = role === 'security' || role === 'committee' ? delegationBy.fair_lending : delegationBy.security;
  return id ? { path: `/api/delegations/${id}/revocation` } : null;
}

/** Filed now by the demo's other administrator (not the matrix's), undecided, lapsing in an hour. */
function filedByTheOtherAdministrator() {
  const at = new Date();
  return { requestedBy: userOf.admin.id === 'usr_admin' ? 'usr_admin_deputy' : 'usr_admin', requestedAt: at.toISOString(), expiresAt: new Date(at.getTime() + 3_600_000).toISOString(), decision: null, decidedBy: null, decidedAt: null };
}

/** A request the demo's other administrator (not the matrix's) filed, granting privacy security, which the caller may decide (0175). */
async function deputysRequest(c: BuildContext): Promise<string> {
  const id = `acr_matrix_${Math.random().toString(36).slice(2, 10)}`;
  const { decision: _d, decidedBy: _b, decidedAt: _a, ...filed } = filedByTheOtherAdministrator();
  // Filed as the API files it, its hash in the row and the chained entry: approval checks both (0198).
  await fileAccountRequest(c.cell.store, {
    id,
    kind: 'set_roles',
    userId: 'usr_privacy',
    email: 'privacy@example.com',
    displayName: 'Samuel Okafor',
    title: 'Chief Privacy Officer',
    rolesBefore: ['privacy'],
    rolesAfter: ['privacy', 'security'],
    passwordHash: null,
    ...filed,
  });
  return id;
}

/** A business line the demo's other administrator proposed (0182), which the caller may decide: the id and the content hash it was shown. */
async function deputysProposal(c: BuildContext): Promise<{ id: string; contentSha256: string; comparisonSha256: string }> {
  const suffix = Math.random().toString(36).slice(2, 10).replace(/[0-9]/g, '');
  const id = `cpr_matrix_${suffix}`;
  const contentJson = canonicalize({ kind: 'add_business_line', change: { label: `Matrix line ${suffix}` } });
  const contentSha256 = await sha256Hex(contentJson);
  // Filed as the API files it, with its audit entry at the same instant: approval compares the stored hash with it (0192).
  const filed = filedByTheOtherAdministrator();
  await c.cell.store.insertCatalogueProposal({
    id,
    kind: 'add_business_line',
    subject: `matrix line ${suffix}`,
    contentJson,
    contentSha256,
    ...filed,
  });
  await c.cell.store.appendAudit({ event: { action: 'catalogue.change_proposed', subject: `matrix line ${suffix}`, before: null, after: { proposal: id, kind: 'add_business_line', contentSha256, expiresAt: filed.expiresAt } }, actorId: filed.requestedBy, at: filed.requestedAt });
  // A new line replaces nothing and loosens nothing: the comparison its view shows (0192, fifth amendment).
  const comparisonSha256 = await sha256Hex(canonicalize({ replacesVersion: null, current: null, weakens: [] }));
  return { id, contentSha256, comparisonSha256 };
}

/** A delegation an administrator made and its delegator may accept: the caller's own, or another reviewer's. */
function delegationToAccept(c: BuildContext): RequestSpec | null {
  const { pendingFor } = c.world.ids;
  const role = roleOf(c.principal);
  let id: string | undefined;
  if (c.variant === 'own') id = role ? pendingFor[role] : pendingFor.data_governance;
  else id = role === 'data_governance' ? pendingFor.model_risk : pendingFor.data_governance;
  return id ? { path: `/api/delegations/${id}/acceptance` } : null;
}

const wellFormedRegistration = {
  name: 'Matrix key',
  response: { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: 'e30', attestationObject: 'oA' }, clientExtensionResults: {} },
};

const tier4Template = {
  key: 'tier-4',
  name: 'Tier 4 (experimental) models, matrix edition',
  riskTiers: [4],
  staleApprovals: 'every_change',
  steps: [{ key: 'model_risk', name: 'Model risk management', role: 'model_risk', approvalsRequired: 1, dueHours: 48, sections: ['evaluation', 'limitations_risks'] }],
};

export const requests: Record<string, Builder> = {
  health: () => ({ path: '/api/health' }),
  openapi: () => ({ path: '/api/openapi.json' }),
  ssoSettings: () => ({ path: '/api/admin/sso' }),
  login: ({ principal }) => {
    const role = roleOf(principal);
    return { path: '/api/session', json: { email: role ? userOf[role].email : userOf.model_owner.email, password: 'demo-password' } };
  },
  logout: () => ({ path: '/api/session' }),
  session: () => ({ path: '/api/session' }),
  listPackages: () => ({ path: '/api/packages' }),
  listPackageModels: () => ({ path: '/api/package-models' }),
  submitPackage: ({ variant }) => ({ path: '/api/packages', json: variant === 'other' ? submission(ownerBModel, '2.0.0') : submission(tokenModel, '1.4.0-matrix', supportAssistantV1) }),
  getPackage: onPackage(''),
  getVersion: onPackage('/versions/1'),
  submitVersion: (c) => ({ path: `/api/packages/${c.variant === 'other' ? c.world.ids.packageB : assistantPackage}/versions`, json: resubmission(c.world) }),
  listThreads: onPackage('/threads'),
  openThread: (c) => ({ path: `/api/packages/${pkg(c)}/threads`, json: { versionNumber: 1, sectionKey: threadSection, kind: 'comment', body: 'A matrix note.' } }),
  replyToThread: (c) => {
    const thread = c.variant === 'other' ? c.world.ids.threadOnB : c.world.ids.threadOnA.data_governance?.threadId;
    return { path: `/api/packages/${pkg(c)}/threads/${thread ?? ''}/messages`, json: { body: 'A matrix reply.' } };
  },
  editMessage: (c) => {
    const path = messagePath(c, 'revisions');
    return path ? { path, json: { body: 'Edited by the matrix.' } } : null;
  },
  retractMessage: (c) => {
    const path = messagePath(c, 'retraction');
    return path ? { path } : null;
  },
  resolveThread: (c) => ({ path: `/api/packages/${pkg(c)}/threads/${(c.variant === 'other' ? c.world.ids.threadOnB : c.world.ids.threadOnA.data_governance?.threadId) ?? ''}/resolution` }),
  listFindings: onPackage('/findings'),
  raiseFinding: (c) => ({
    path: `/api/packages/${pkg(c)}/findings`,
    json: { versionNumber: 1, sectionKey: threadSection, title: 'Matrix', description: 'A matrix finding.', severity: 'low', type: 'limitation', ownerId: c.variant === 'other' ? ownerB.id : userOf.model_owner.id, dueDate: inDays(30).slice(0, 10) },
  }),
  transitionFinding: (c) => {
    const finding = c.variant === 'other' ? c.world.ids.findingOnB : c.world.ids.findingOnA;
    const json = c.principal === 'model_owner' ? { to: 'remediation_proposed', revision: 0, plan: 'The matrix plan.' } : { to: 'risk_accepted', revision: 0, rationale: 'Matrix.', expiresOn: inDays(30).slice(0, 10) };
    return { path: `/api/packages/${pkg(c)}/findings/${finding}/transitions`, json };
  },
  findingRegister: () => ({ path: '/api/inventory/findings?severity=high&sort=severity' }),
  issueSigningNonce: (c) => ({ path: '/api/signing/nonces', json: { packageId: pkg(c) } }),
  signDecision: decision,
  verifyPackage: onPackage('/verification'),
  serverKeys: () => ({ path: '/api/keys' }),
  listPasskeys: () => ({ path: '/api/passkeys' }),
  passkeyRegistrationOptions: () => ({ path: '/api/passkeys/registration-options' }),
  enrolPasskey: () => ({ path: '/api/passkeys', json: wellFormedRegistration }),
  removePasskey: ({ principal, variant }) => {
    const role = roleOf(principal);
    const owner = variant === 'other' || !role ? ownerB.id : userOf[role].id;
    return { path: `/api/passkeys/cred-${owner}` };
  },
  listSectionReviews: onPackage('/reviews'),
  markSectionReviewed: onPackage(`/versions/1/sections/${threadSection}/review`),
  unmarkSectionReviewed: onPackage(`/versions/1/sections/${threadSection}/review`),
  listAudit: () => ({ path: '/api/audit' }),
  listPackageAudit: onPackage('/audit'),
  auditTreeHead: () => ({ path: '/api/audit/tree-head' }),
  auditCheckpoint: () => ({ path: '/api/audit/checkpoint' }),
  auditInclusionProof: () => ({ path: '/api/audit/proofs/inclusion?seq=1' }),
  auditConsistencyProof: () => ({ path: '/api/audit/proofs/consistency?from=1' }),
  verifyAudit: () => ({ path: '/api/audit/verify' }),
  streamAuditChain: () => ({ path: '/api/audit/chain?afterSeq=0&limit=2' }),
  exportRecord: onPackage('/record'),
  exportRecordPdf: onPackage('/record.pdf'),
  dashboard: () => ({ path: '/api/dashboard' }),
  listWebhooks: () => ({ path: '/api/webhooks' }),
  registerWebhook: () => ({ path: '/api/webhooks', json: { url: 'https://hooks.example/matrix', description: 'Matrix', events: ['package.approved'] } }),
  disableWebhook: ({ world }) => ({ path: `/api/webhooks/${world.ids.enabledWebhook}/disable` }),
  enableWebhook: ({ world }) => ({ path: `/api/webhooks/${world.ids.disabledWebhook}/enable` }),
  listWebhookDeliveries: ({ world }) => ({ path: `/api/webhooks/${world.ids.enabledWebhook}/deliveries` }),
  listApiTokens: () => ({ path: '/api/tokens' }),
  mlflowWebhook: () => ({ path: '/api/registries/mlflow/mlflow/webhook', json: { entity: 'model_version', action: 'created', timestamp: '2026-12-05T00:00:00+00:00', data: { name: 'm', version: '1' } } }),
  listRegistryDrafts: () => ({ path: '/api/registries/drafts' }),
  getRegistryDraft: () => ({ path: '/api/registries/drafts/rgd_none' }),
  getPackageRegistry: onPackage('/registry'),
  sageMakerEvent: () => ({ path: '/api/registries/sagemaker/sagemaker/events', json: { 'detail-type': 'SageMaker Model Package State Change', source: 'aws.sagemaker', detail: { ModelPackageArn: 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/m/1', ModelApprovalStatus: 'PendingManualApproval' } } }),
  adminRegistries: () => ({ path: '/api/admin/registries' }),
  testRegistryConnection: () => ({ path: '/api/admin/registries/mlflow/test', json: {} }),
  deploymentGate: () => ({ path: '/api/gate?model=card-fraud-detection&version=1' }),
  createApiToken: (c) => ({ path: '/api/tokens', json: { modelKey: c.variant === 'other' ? ownerBModel : tokenModel, name: 'Matrix token' } }),
  revokeApiToken: ({ world, variant }) => ({ path: `/api/tokens/${variant === 'other' ? world.ids.ownerBToken : world.ids.revocableToken}/revocation` }),
  listTemplates: () => ({ path: '/api/templates' }),
  getTemplateVersion: () => ({ path: '/api/templates/tier-1/versions/1' }),
  createTemplateVersion: () => ({ path: '/api/templates', json: tier4Template }),
  listPolicies: () => ({ path: '/api/policies' }),
  listRiskAssessments: onPackage('/risk-assessments'),
  recordRiskAssessment: (c) => ({ path: `/api/packages/${pkg(c)}/risk-assessments`, json: { answers: riskAnswers } }),
  requestTierOverride: async (c) => {
    const number = await plantAssessment(c, false);
    return { path: `/api/packages/${pkg(c)}/risk-assessments/${number}/override`, json: { tier: 1, reason: 'Matrix override.', role: roleOf(c.principal) ?? 'model_owner' } };
  },
  confirmTierOverride: async (c) => {
    const number = await plantAssessment(c, true);
    return { path: `/api/packages/${pkg(c)}/risk-assessments/${number}/override/confirmation`, json: { role: roleOf(c.principal) ?? 'model_risk' } };
  },
  getPolicyVersion: () => ({ path: '/api/policies/consumer-credit/versions/1' }),
  publishPolicy: () => ({
    path: '/api/policies',
    json: { key: 'matrix-policy', name: 'Matrix policy', scope: { riskTiers: [4] }, onBlockingFailure: 'refuse', metrics: [{ metric: 'auc', operator: '>=', value: 0.7, enforcement: 'blocking' }], subgroupMetrics: [], requiredSections: [] },
  }),
  listNotifications: () => ({ path: '/api/notifications' }),
  markNotificationsRead: () => ({ path: '/api/notifications/read', json: { upToSeq: 1 } }),
  getNotificationPreferences: () => ({ path: '/api/account/notification-preferences' }),
  updateNotificationPreferences: () => ({ path: '/api/account/notification-preferences', json: { modes: { re_review_due: 'off' } } }),
  listDelegations: () => ({ path: '/api/delegations' }),
  createDelegation: delegationRequest,
  revokeDelegation: delegationToRevoke,
  acceptDelegation: delegationToAccept,
  listManagedUsers: () => ({ path: '/api/admin/users' }),
  // A model owner: an account with a role that decides is a request for a second administrator (0175).
  createUser: () => ({ path: '/api/admin/users', json: { email: 'matrix.newcomer@example.com', displayName: 'Matrix Newcomer', title: 'Analyst', roles: ['model_owner'], temporaryPassword: matrixPassword } }),
  setUserRoles: () => ({ path: '/api/admin/users/usr_privacy/roles', json: { roles: ['privacy'] } }),
  disableUser: () => ({ path: '/api/admin/users/usr_security/disable' }),
  enableUser: () => ({ path: '/api/admin/users/usr_security/enable' }),
  resetUserPassword: () => ({ path: '/api/admin/users/usr_owner/password-reset', json: { temporaryPassword: matrixPassword } }),
  listAccountRequests: () => ({ path: '/api/admin/account-requests' }),
  requestAccountChange: () => ({ path: '/api/admin/account-requests', json: { kind: 'set_roles', userId: 'usr_privacy', roles: ['privacy', 'security'] } }),
  approveAccountRequest: async (c) => ({ path: `/api/admin/account-requests/${await deputysRequest(c)}/approval` }),
  rejectAccountRequest: async (c) => ({ path: `/api/admin/account-requests/${await deputysRequest(c)}/rejection` }),
  listCatalogueProposals: () => ({ path: '/api/catalogue-proposals' }),
  proposeCatalogueChange: () => ({ path: '/api/catalogue-proposals', json: { kind: 'add_business_line', change: { label: 'Matrix proposed line' } } }),
  approveCatalogueProposal: async (c) => {
    const { id, contentSha256, comparisonSha256 } = await deputysProposal(c);
    return { path: `/api/catalogue-proposals/${id}/approval`, json: { contentSha256, comparisonSha256 } };
  },
  rejectCatalogueProposal: async (c) => ({ path: `/api/catalogue-proposals/${(await deputysProposal(c)).id}/rejection` }),
  changeOwnPassword: () => ({ path: '/api/account/password', json: { currentPassword: 'demo-password', newPassword: matrixPassword } }),
  stepUp: () => ({ path: '/api/account/step-up', json: { password: 'demo-password' } }),
  listOwnSessions: () => ({ path: '/api/account/sessions' }),
  revokeOwnSession: async ({ world, principal }) => {
    const token = world.cookies[principal];
    return { path: `/api/account/sessions/${token ? (await sha256Hex(token)).slice(0, 16) : '0123456789abcdef'}` };
  },
  sendPasswordLink: () => ({ path: '/api/admin/users/usr_owner/password-link' }),
  setPasswordWithLink: () => ({ path: '/api/set-password', json: { token: 'not-a-mailed-token', password: matrixPassword } }),
  setupStatus: () => ({ path: '/api/setup' }),
  completeSetup: () => ({ path: '/api/setup', json: { secret: 'not-the-secret', email: 'someone@example.com', displayName: 'Someone', title: '', password: matrixPassword } }),
  listUserDirectory: () => ({ path: '/api/users' }),
  listReviewDrafts: onPackage('/review-drafts'),
  saveReviewDraft: (c) => ({ path: `/api/packages/${pkg(c)}/review-drafts`, json: { versionNumber: 1, sectionKey: threadSection, kind: 'comment', body: 'A matrix draft.' } }),
  editReviewDraft: async (c) => ({ path: await reviewDraftPath(c), json: { body: 'Edited by the matrix.' } }),
  discardReviewDraft: async (c) => ({ path: await reviewDraftPath(c) }),
  publishReviewDrafts: onPackage('/review-drafts/publication'),
  getResubmitDraft: onPackage('/resubmit-draft'),
  saveResubmitDraft: async (c) => ({ path: `/api/packages/${pkg(c)}/resubmit-draft`, json: { baseVersion: 1, baseHash: await sha256Hex('matrix'), content: { sections: [] }, answers: {} } }),
  discardResubmitDraft: onPackage('/resubmit-draft'),
  listObligations: onPackage('/obligations'),
  transitionObligation: (c) => {
    const obligations = c.variant === 'other' ? c.world.ids.obligationsOnB : c.world.ids.obligationsOnA;
    // The owner records fulfilment of the open one; anyone else tries to confirm the recorded one.
    if (c.principal === 'model_owner') return { path: `/api/packages/${pkg(c)}/obligations/${obligations.open}/transitions`, json: { to: 'fulfilment_recorded', revision: 0, evidence: { text: 'Matrix evidence.', link: null } } };
    return { path: `/api/packages/${pkg(c)}/obligations/${obligations.recorded}/transitions`, json: { to: 'confirmed', revision: 1 } };
  },
  listTieringMethods: () => ({ path: '/api/risk-tiering-methods' }),
  listRevalidationSchedules: () => ({ path: '/api/revalidation-schedules' }),
  publishRevalidationSchedule: () => ({ path: '/api/revalidation-schedules', json: { months: { '1': 6, '2': 24, '3': 36, '4': 48 }, replacesVersion: 1 } }),
  listBusinessLines: () => ({ path: '/api/business-lines' }),
  addBusinessLine: () => ({ path: '/api/business-lines', json: { label: 'Authz matrix line' } }),
  retireBusinessLine: () => ({ path: '/api/business-lines/wealth%20management/retire' }),
  publishTieringMethod: () => ({ path: '/api/risk-tiering-methods', json: { name: 'Matrix scorecard', kind: 'weighted_scorecard', categories: ['data', 'fairness'], weights: { data: 40, fairness: 60 }, thresholds: { '3': 4, '2': 8, '1': 12 }, controlReduction: { partial: 0.25, effective: 0.5 }, replacesVersion: 1 } }),
  getPackageRollback: onPackage('/rollback'),
  rollBackPackage: (c) => ({ path: `/api/packages/${pkg(c)}/rollback`, json: { role: roleOf(c.principal) === 'model_risk' ? 'model_risk' : 'committee', reason: 'Matrix rollback of the approval in force.' } }),
  receiveMonitoringAlert: () => ({ path: '/api/monitoring/alerts', json: { model: { key: 'card-fraud-detection', version: '1' }, kind: 'drift', metric: 'psi', value: 0.31, threshold: 0.2, observedAt: '2026-12-05T00:00:00Z', source: 'matrix' } }),
};
