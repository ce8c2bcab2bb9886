import { demoAccounts } from '#demo/seed-demo.ts';
import { demoPackages } from '#demo/index.ts';
import { sessionCookieName, readCookie } from '#api/kernel/cookies.ts';
import { signingPayloadType } from '#domain/contracts/signatures.ts';
import type { RouteDef } from '#api/routes.ts';
import type { FuzzTarget } from './fuzz-target.ts';

// A valid request for every route that takes input, made from objects that exist in the
// fuzzed server (so a hostile variant of it reaches the contract and the handler, not a
// 404 for an unknown package). Only the shape has to be right: the fuzzer sends variants
// the contract refuses.

export const origin = 'http://localhost';

/** What a browser on our own origin sends with every request. */
export const sameOriginHeaders = { origin, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' };

export interface ValidInput {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
}

export async function sendJson(target: FuzzTarget, cookie: string | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown; cookie: string | null }> {
  const headers = new Headers(sameOriginHeaders);
  if (cookie) headers.set('cookie', `${sessionCookieName}=${cookie}`);
  if (body !== undefined || method !== 'GET') headers.set('content-type', 'application/json');
  const response = await target.fetch(new Request(origin + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null, cookie: readCookie(response.headers.get('set-cookie'), sessionCookieName) };
}

/** Signs every demo account in; the session cookie per account id. */
export async function signInAll(target: FuzzTarget): Promise<Map<string, string>> {
  const cookies = new Map<string, string>();
  for (const account of demoAccounts) {
    const reply = await sendJson(target, null, 'POST', '/api/session', { email: account.email, password: 'demo-password' });
    if (reply.status !== 200 || !reply.cookie) throw new Error(`Could not sign ${account.email} in: ${reply.status} ${JSON.stringify(reply.body)}`);
    cookies.set(account.id, reply.cookie);
  }
  return cookies;
}

/** The account that calls a route: one holding a role it needs, the model owner otherwise; none for public routes. */
export function callerFor(route: RouteDef): string | null {
  const { access } = route;
  if (access.kind === 'public') return null;
  if (access.kind === 'signed_in') return 'usr_owner';
  const account = demoAccounts.find((a) => a.roles.some((role) => access.roles.includes(role)));
  if (!account) throw new Error(`No demo account may call ${route.id}`);
  return account.id;
}

function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`Fuzz setup: ${what} is missing`);
  return value;
}

interface Listed {
  items: { id: string; modelKey: string; latestVersion: number }[];
}

/** Creates the objects the routes act on (before the fuzzer takes its baseline) and returns a valid input per route id. */
export async function prepareValidInputs(target: FuzzTarget, cookies: Map<string, string>): Promise<Map<string, ValidInput>> {
  const as = (id: string) => must(cookies.get(id), `session of ${id}`);
  const ok = async (reply: Promise<{ status: number; body: unknown }>, what: string) => {
    const done = await reply;
    if (done.status >= 300) throw new Error(`Fuzz setup: ${what} answered ${done.status} ${JSON.stringify(done.body)}`);
    return done.body;
  };

  const packages = (await ok(sendJson(target, as('usr_admin'), 'GET', '/api/packages'), 'package list')) as Listed;
  const clinical = must(packages.items.find((p) => p.id === 'pkg_clinical_deterioration_risk') ?? packages.items[0], 'a package');
  const assistant = must(packages.items.find((p) => p.id === 'pkg_support_assistant_llm') ?? packages.items[1], 'a second package');
  const threads = (await ok(sendJson(target, as('usr_admin'), 'GET', `/api/packages/${assistant.id}/threads`), 'thread list')) as { items: { id: string; messages: { id: string }[] }[] };
  const thread = must(threads.items[0], 'a demo thread');
  const message = must(thread.messages[0], 'a demo thread message');

  const webhook = (await ok(sendJson(target, as('usr_admin'), 'POST', '/api/webhooks', { url: 'https://hooks.example/fuzz', description: 'fuzz', events: ['package.submitted'] }), 'webhook')) as { endpoint?: { id: string }; id?: string };
  const webhookId = must(webhook.endpoint?.id ?? webhook.id, 'webhook id');
  // A token submits in its creator's name: the model's owner makes it.
  const token = (await ok(sendJson(target, as('usr_owner'), 'POST', '/api/tokens', { modelKey: clinical.modelKey, name: 'fuzz pipeline' }), 'API token')) as { token: { id: string } };
  const day = 86_400_000;
  const startsAt = new Date(Date.now() + day).toISOString();
  const endsAt = new Date(Date.now() + 3 * day).toISOString();
  // Privacy decides no step of the chains waiting for fair lending, so segregation of duties allows it.
  const delegationBody = { role: 'fair_lending', delegateId: 'usr_privacy', startsAt, endsAt, reason: 'Annual leave' };
  const delegation = (await ok(sendJson(target, as('usr_fair_lending'), 'POST', '/api/delegations', delegationBody), 'delegation')) as { id: string };
  const templates = (await ok(sendJson(target, as('usr_admin'), 'GET', '/api/templates'), 'template list')) as { items: { template: { key: string; version: number } }[] };
  const template = must(templates.items[0], 'a template').template;

  // A review draft of data governance's (the first reviewer, who calls the reviewer routes).
  const reviewDraft = (await ok(sendJson(target, as('usr_data_governance'), 'POST', `/api/packages/${clinical.id}/review-drafts`, { versionNumber: 1, sectionKey: 'evaluation', kind: 'comment', body: 'A draft' }), 'review draft')) as { id: string };
  const content = structuredClone(must(demoPackages[1]?.versions[0], 'demo clinical content'));
  const [identification] = content.sections;
  if (identification?.kind !== 'identification') throw new Error('identification first');
  const submitContent = structuredClone(content);
  const submitId = submitContent.sections[0];
  if (submitId?.kind === 'identification') {
    submitId.modelKey = 'fuzz-model';
    submitId.versionLabel = '1.0';
  }

  const pkg = { id: clinical.id };
  const inThread = { id: assistant.id, threadId: thread.id };
  const signer = { id: 'usr_model_risk', displayName: 'Elena Vasquez', title: 'Head of Model Risk Management' };
  const bodies: Record<string, { params?: Record<string, string>; query?: Record<string, string>; body?: unknown }> = {
    login: { body: { email: 'owner@example.com', password: 'demo-password' } },
    listPackages: { query: { status: 'in_review', riskTier: '2', model: clinical.modelKey, stepRole: 'model_risk', governance: 'pending' } },
    listPackageModels: {},
    submitPackage: { body: { modelKey: 'fuzz-model', versionLabel: '1.0', content: submitContent } },
    getPackage: { params: pkg },
    getVersion: { params: { ...pkg, n: '1' } },
    submitVersion: { params: pkg, body: { content, answers: [] } },
    listThreads: { params: pkg },
    openThread: { params: pkg, body: { versionNumber: 1, sectionKey: 'evaluation', kind: 'comment', body: 'A comment' } },
    replyToThread: { params: inThread, body: { body: 'A reply' } },
    editMessage: { params: { ...inThread, messageId: message.id }, body: { body: 'An edit' } },
    retractMessage: { params: { ...inThread, messageId: message.id } },
    resolveThread: { params: inThread },
    listFindings: { params: pkg },
    raiseFinding: { params: pkg, body: { versionNumber: 1, sectionKey: 'evaluation', title: 'A finding', description: 'Described.', severity: 'high', type: 'validation_finding', ownerId: 'usr_owner', dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) } },
    transitionFinding: { params: { ...pkg, findingId: 'fnd_fuzz' }, body: { to: 'remediation_proposed', revision: 0, plan: 'A plan.' } },
    findingRegister: { query: { severity: 'high', status: 'open', sort: 'severity', limit: '10', acceptanceExpired: 'false' } },
    issueSigningNonce: { body: { packageId: clinical.id } },
    signDecision: {
      params: pkg,
      body: {
        payload: {
          type: signingPayloadType,
          packageId: clinical.id,
          versionNumber: 1,
          contentHash: 'a'.repeat(64),
          stepKey: 'model_risk',
          role: 'model_risk',
          decision: 'approve',
          meaning: 'Approved',
          reason: 'Meets policy',
          conditions: null,
          concerns: [],
          signer,
          nonce: 'n'.repeat(32),
          issuedAt: new Date().toISOString(),
        },
        authentication: { method: 'password', password: 'demo-password' },
      },
    },
    verifyPackage: { params: pkg },
    enrolPasskey: { body: { name: 'Laptop', response: { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA', transports: ['internal'] }, clientExtensionResults: {} } } },
    removePasskey: { params: { credentialId: 'AAAA' } },
    listSectionReviews: { params: pkg },
    markSectionReviewed: { params: { ...pkg, n: '1', key: 'evaluation' } },
    unmarkSectionReviewed: { params: { ...pkg, n: '1', key: 'evaluation' } },
    listAudit: { query: { actor: 'usr_admin', action: 'package.submitted', from: '2020-01-01', to: '2100-01-01', afterSeq: '0', limit: '10' } },
    listPackageAudit: { params: pkg, query: { actor: 'usr_admin', from: '2020-01-01', afterSeq: '0', limit: '10' } },
    auditInclusionProof: { query: { seq: '1', treeSize: '2' } },
    auditConsistencyProof: { query: { from: '1', to: '2' } },
    streamAuditChain: { query: { afterSeq: '0', limit: '10' } },
    exportRecord: { params: pkg },
    exportRecordPdf: { params: pkg },
    registerWebhook: { body: { url: 'https://hooks.example/other', description: 'Other', events: ['package.approved'] } },
    disableWebhook: { params: { id: webhookId } },
    enableWebhook: { params: { id: webhookId } },
    listWebhookDeliveries: { params: { id: webhookId } },
    mlflowWebhook: { params: { connector: 'mlflow' }, body: { entity: 'model_version', action: 'created', timestamp: '2026-12-05T00:00:00+00:00', data: { name: 'Fuzz model', version: '1' } } },
    getRegistryDraft: { params: { id: 'rgd_fuzz' } },
    getPackageRegistry: { params: pkg },
    sageMakerEvent: { params: { connector: 'sagemaker' }, body: { 'detail-type': 'SageMaker Model Package State Change', source: 'aws.sagemaker', detail: { ModelPackageArn: 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/fuzz/1', ModelApprovalStatus: 'PendingManualApproval' } } },
    testRegistryConnection: { params: { connector: 'mlflow' } },
    deploymentGate: { query: { model: clinical.modelKey, version: '1', scope: 'channel=card_not_present' } },
    createApiToken: { body: { modelKey: clinical.modelKey, name: 'Another pipeline' } },
    revokeApiToken: { params: { id: token.token.id } },
    getTemplateVersion: { params: { key: template.key, version: String(template.version) } },
    createTemplateVersion: {
      body: {
        key: 'tier-4',
        name: 'Tier 4 (experimental) models',
        riskTiers: [4],
        businessLines: ['Research'],
        staleApprovals: 'every_change',
        steps: [{ key: 'model_risk', name: 'Model risk management', role: 'model_risk', approvalsRequired: 1, dueHours: 48, sections: ['evaluation'] }],
        emergencyRoles: ['committee'],
      },
    },
    getPolicyVersion: { params: { key: 'consumer-credit', version: '1' } },
    listRiskAssessments: { params: pkg },
    recordRiskAssessment: { params: pkg, body: { answers: ['model_quality', 'data', 'security', 'privacy', 'fairness', 'regulatory'].map((category) => ({ category, likelihood: 3, impact: 4, controls: 'partial', rationale: 'Assessed.' })) } },
    requestTierOverride: { params: { ...pkg, number: '1' }, body: { tier: 1, reason: 'Patient safety.', role: 'model_risk' } },
    confirmTierOverride: { params: { ...pkg, number: '1' }, body: { role: 'model_risk' } },
    publishPolicy: { body: { key: 'fuzz-policy', name: 'Fuzz policy', scope: { riskTiers: [4], businessLines: ['Mortgages'] }, onBlockingFailure: 'refuse', metrics: [{ metric: 'auc', operator: '>=', value: 0.7, enforcement: 'blocking' }], subgroupMetrics: [], requiredSections: [] } },
    markNotificationsRead: { body: { upToSeq: 1 } },
    updateNotificationPreferences: { body: { modes: { step_active: 'digest' } } },
    listDelegations: { query: { activeForRole: 'model_risk' } },
    createDelegation: { body: { ...delegationBody, startsAt: new Date(Date.now() + 5 * day).toISOString(), endsAt: new Date(Date.now() + 6 * day).toISOString() } },
    revokeDelegation: { params: { id: delegation.id } },
    acceptDelegation: { params: { id: delegation.id } },
    createUser: { body: { email: 'fuzz.user@example.com', displayName: 'Fuzz User', title: 'Analyst', roles: ['model_owner'], temporaryPassword: 'fuzz granite orchard lantern' } },
    setUserRoles: { params: { id: 'usr_privacy' }, body: { roles: ['privacy'] } },
    disableUser: { params: { id: 'usr_security' } },
    enableUser: { params: { id: 'usr_security' } },
    resetUserPassword: { params: { id: 'usr_owner' }, body: { temporaryPassword: 'fuzz granite orchard lantern' } },
    requestAccountChange: { body: { kind: 'reset_password', userId: 'usr_security' } },
    approveAccountRequest: { params: { id: 'acr_fuzz' } },
    rejectAccountRequest: { params: { id: 'acr_fuzz' } },
    proposeCatalogueChange: { body: { kind: 'add_business_line', change: { label: 'Fuzz proposed line' } } },
    approveCatalogueProposal: { params: { id: 'cpr_fuzz' }, body: { contentSha256: 'a'.repeat(64), comparisonSha256: 'b'.repeat(64) } },
    rejectCatalogueProposal: { params: { id: 'cpr_fuzz' } },
    changeOwnPassword: { body: { currentPassword: 'demo-password', newPassword: 'fuzz granite orchard lantern' } },
    stepUp: { body: { password: 'demo-password' } },
    revokeOwnSession: { params: { id: '0123456789abcdef' } },
    listReviewDrafts: { params: pkg },
    saveReviewDraft: { params: pkg, body: { versionNumber: 1, sectionKey: 'evaluation', kind: 'clarification', anchor: null, body: 'A drafted question' } },
    editReviewDraft: { params: { ...pkg, draftId: reviewDraft.id }, body: { body: 'An edited draft' } },
    discardReviewDraft: { params: { ...pkg, draftId: reviewDraft.id } },
    publishReviewDrafts: { params: pkg },
    getResubmitDraft: { params: pkg },
    saveResubmitDraft: { params: pkg, body: { baseVersion: 1, baseHash: 'a'.repeat(64), content: { sections: [] }, answers: { 'concern:x:0': { answer: 'Half written', sectionKeys: ['evaluation'] } } } },
    discardResubmitDraft: { params: pkg },
    listObligations: { params: pkg },
    transitionObligation: { params: { ...pkg, obligationId: 'obl_fuzz' }, body: { to: 'fulfilment_recorded', revision: 0, evidence: { text: 'Evidence.', link: 'https://wiki.example.com/x' } } },
    publishRevalidationSchedule: { body: { months: { '1': 6, '2': 24, '3': 36, '4': 48 }, replacesVersion: 1 } },
    listBusinessLines: {},
    addBusinessLine: { body: { label: 'Fuzz line' } },
    retireBusinessLine: { params: { key: 'wealth management' } },
    publishTieringMethod: { body: { name: 'Fuzz scorecard', kind: 'weighted_scorecard', categories: ['data', 'fairness'], weights: { data: 40, fairness: 60 }, thresholds: { '3': 4, '2': 8, '1': 12 }, controlReduction: { partial: 0.25, effective: 0.5 }, replacesVersion: 1 } },
    getPackageRollback: { params: pkg },
    rollBackPackage: { params: pkg, body: { role: 'committee', reason: 'Fuzz rollback of the approval in force.' } },
    receiveMonitoringAlert: { body: { packageId: pkg.id, kind: 'drift', metric: 'psi', value: 0.31, threshold: 0.2, observedAt: '2026-12-05T00:00:00Z', source: 'fuzz' } },
    sendPasswordLink: { params: { id: 'usr_owner' } },
    setPasswordWithLink: { body: { token: 'not-a-mailed-token', password: 'fuzz granite orchard lantern' } },
    completeSetup: { body: { secret: 'not-the-secret', email: 'someone@example.com', displayName: 'Someone', title: '', password: 'fuzz granite orchard lantern' } },
  };
  return new Map(Object.entries(bodies).map(([id, input]) => [id, { params: input.params ?? {}, query: input.query ?? {}, body: input.body ?? null }]));
}
