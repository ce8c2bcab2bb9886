import { genesisHash, hashAuditEntry } from '#domain/audit/hash-entry.ts';
import { auditEventSchema } from '#domain/contracts/audit-events.ts';
import type { Decision } from '#domain/contracts/decisions.ts';
import { answerTargetKey, type ConcernAnswer } from '#domain/contracts/revisions.ts';
import type { WorkflowTemplate } from '#domain/contracts/workflow-template.ts';
import { memoryApiTokens, type ApiTokenTables } from './memory-api-tokens.ts'; // API tokens (pipeline submission)
import { emptyWebhookTables, memoryWebhookQueries, type WebhookTables } from './memory-webhooks.ts'; // webhooks
import { emptyDelegationTables, memoryDelegationQueries, type DelegationTables } from './memory-delegations.ts'; // delegations
import { memoryReReviewNotices } from './memory-re-review-notices.ts'; // re-review due (rereview)
import type { StoredReReviewNotice } from '#api/store.ts'; // re-review due (rereview)
import { emptyOidcTables, memoryOidcQueries, type OidcTables } from './memory-oidc.ts'; // single sign-on (OIDC)
import { memoryLoginFailures, type LoginFailureRow } from './memory-login-failures.ts'; // login throttling
import type { AuditFilter, Store, StoredAuditEntry, StoredMessage, StoredNonce, StoredPasskey, StoredServerKey, StoredSigningAttempt, StoredModel, StoredPackage, StoredRevision, StoredSectionReview, StoredSession, StoredThread, StoredTreeHead, StoredUser, StoredVersion, StoreTx } from '#api/store.ts';

// The storage port in memory, for MSW. It keeps the constraints the database keeps
// (unique keys, append-only tables, all-or-nothing transactions) so the contract suite can
// hold it to the same behaviour as SQLite and PostgreSQL.

interface Tables {
  users: StoredUser[];
  sessions: StoredSession[];
  models: StoredModel[];
  packages: StoredPackage[];
  versions: StoredVersion[];
  answers: { packageId: string; versionNumber: number; position: number; targetKey: string; answer: ConcernAnswer }[];
  decisions: Decision[];
  threads: StoredThread[];
  messages: StoredMessage[];
  revisions: StoredRevision[];
  reviews: StoredSectionReview[];
  templates: WorkflowTemplate[];
  /** Append-only, rows frozen: shared with drafts rather than copied (see draftOf). */
  audit: StoredAuditEntry[];
  treeHeads: StoredTreeHead[];
  serverKeys: StoredServerKey[];
  nonces: StoredNonce[];
  passkeys: StoredPasskey[];
  attempts: StoredSigningAttempt[];
  signatures: { decisionId: string; signature: string }[];
  passkeyChallenges: { challengeHash: string; userId: string; expiresAt: string; usedAt: string | null }[];
  // notifications (in-app): user id -> last read audit seq (state, updated in place)
  notificationReads: { userId: string; lastReadSeq: number; updatedAt: string }[];
  // webhooks
  webhooks: WebhookTables;
  // API tokens (pipeline submission)
  apiTokens: ApiTokenTables['apiTokens'];
  apiTokenRevocations: ApiTokenTables['apiTokenRevocations'];
  // delegations
  delegations: DelegationTables;
  // re-review due (rereview)
  reReviewNotices: StoredReReviewNotice[];
  // single sign-on (OIDC)
  oidc: OidcTables;
  // login throttling
  loginFailures: LoginFailureRow[];
}

function empty(): Tables {
  return { users: [], sessions: [], models: [], packages: [], versions: [], answers: [], decisions: [], threads: [], messages: [], revisions: [], reviews: [], templates: [], audit: [], treeHeads: [], serverKeys: [], nonces: [], passkeys: [], attempts: [], signatures: [], passkeyChallenges: [], notificationReads: [], webhooks: emptyWebhookTables(), apiTokens: [], apiTokenRevocations: [], delegations: emptyDelegationTables(), reReviewNotices: [], oidc: emptyOidcTables(), loginFailures: [] };
}

function unique<T>(rows: readonly T[], row: T, same: (a: T, b: T) => boolean, what: string): void {
  if (rows.some((r) => same(r, row))) throw new Error(`UNIQUE constraint failed: ${what}`);
}

const copy = <T>(value: T): T => structuredClone(value);

function matchesAudit(entry: StoredAuditEntry, filter: AuditFilter): boolean {
  return (
    (filter.actorId === undefined || entry.actorId === filter.actorId) &&
    (filter.action === undefined || entry.action === filter.action) &&
    (filter.subject === undefined || entry.subject === filter.subject) &&
    (filter.fromAt === undefined || entry.at >= filter.fromAt) &&
    (filter.toAt === undefined || entry.at <= filter.toAt)
  );
}

/**
 * A transaction's working copy. The audit log and tree heads only ever grow, so the draft
 * shares those arrays and a failed transaction cuts them back to their length before it
 * (transactions run one at a time). A deep copy per call would make every request cost
 * as much as the whole log when the mock log holds 100,000 entries.
 */
function draftOf(tables: Tables): { draft: Tables; rollBack: () => void } {
  const { audit, treeHeads, ...rest } = tables;
  const [auditLength, headsLength] = [audit.length, treeHeads.length];
  return {
    draft: { ...structuredClone(rest), audit, treeHeads },
    rollBack: () => {
      audit.length = auditLength;
      treeHeads.length = headsLength;
    },
  };
}

function tx(t: Tables): StoreTx {
  const inIds = <T extends { packageId: string }>(rows: T[], ids: readonly string[] | 'all') => (ids === 'all' ? rows : rows.filter((r) => ids.includes(r.packageId)));
  return {
    ...memoryApiTokens(t), // API tokens (pipeline submission)
    findUserByEmail: (email) => Promise.resolve(copy(t.users.find((u) => u.email === email.toLowerCase()) ?? null)),
    findUserById: (id) => Promise.resolve(copy(t.users.find((u) => u.id === id) ?? null)),
    listUsers: () => Promise.resolve(copy([...t.users].sort((a, b) => a.email.localeCompare(b.email)))),
    insertUser: (user) => {
      unique(t.users, user, (a, b) => a.id === b.id || a.email === b.email.toLowerCase(), 'users');
      t.users.push(copy({ ...user, email: user.email.toLowerCase() }));
      return Promise.resolve();
    },
    insertSession: (s) => {
      t.sessions.push(copy(s));
      return Promise.resolve();
    },
    findSession: (hash) => Promise.resolve(copy(t.sessions.find((s) => s.tokenHash === hash) ?? null)),
    deleteSession: (hash) => {
      t.sessions = t.sessions.filter((s) => s.tokenHash !== hash);
      return Promise.resolve();
    },
    findModel: (key) => Promise.resolve(copy(t.models.find((m) => m.key === key) ?? null)),
    insertModel: (model) => {
      unique(t.models, model, (a, b) => a.key === b.key, 'models.key');
      t.models.push(copy(model));
      return Promise.resolve();
    },
    listPackages: () => Promise.resolve(copy([...t.packages].sort((a, b) => (a.id < b.id ? -1 : 1)))),
    findPackage: (id) => Promise.resolve(copy(t.packages.find((p) => p.id === id) ?? null)),
    findPackageByModelVersion: (modelKey, label) => Promise.resolve(copy(t.packages.find((p) => p.modelKey === modelKey && p.versionLabel === label) ?? null)),
    insertPackage: (pkg) => {
      unique(t.packages, pkg, (a, b) => a.id === b.id || (a.modelKey === b.modelKey && a.versionLabel === b.versionLabel), 'packages');
      t.packages.push(copy(pkg));
      return Promise.resolve();
    },
    // Transactions already run one at a time here.
    lockPackage: () => Promise.resolve(),
    touchPackage: (id, updatedAt) => {
      const pkg = t.packages.find((p) => p.id === id);
      if (pkg) pkg.updatedAt = updatedAt;
      return Promise.resolve();
    },
    listVersionFacts: (ids) =>
      Promise.resolve(
        copy(inIds(t.versions, ids).map(({ canonicalContent: _content, ...facts }) => facts)).sort((a, b) => (a.packageId < b.packageId ? -1 : a.packageId > b.packageId ? 1 : a.number - b.number)),
      ),
    findVersion: (packageId, number) => Promise.resolve(copy(t.versions.find((v) => v.packageId === packageId && v.number === number) ?? null)),
    insertVersion: (v) => {
      unique(t.versions, v, (a, b) => a.packageId === b.packageId && a.number === b.number, 'package_versions');
      t.versions.push(copy(v));
      return Promise.resolve();
    },
    insertVersionAnswers: (packageId, versionNumber, answers) => {
      if (answers.length > 0 && !t.versions.some((v) => v.packageId === packageId && v.number === versionNumber)) throw new Error('FOREIGN KEY constraint failed: version_answers');
      // The database's keys: one row per position, one answer per target, in each version.
      const rows = answers.map((answer, position) => ({ packageId, versionNumber, position, targetKey: answerTargetKey(answer.target), answer: copy(answer) }));
      const sameVersion = (a: (typeof rows)[number], b: (typeof rows)[number]) => a.packageId === b.packageId && a.versionNumber === b.versionNumber;
      const written: typeof rows = [];
      for (const row of rows) {
        unique([...t.answers, ...written], row, (a, b) => sameVersion(a, b) && (a.position === b.position || a.targetKey === b.targetKey), 'version_answers');
        written.push(row);
      }
      t.answers.push(...written);
      return Promise.resolve();
    },
    listVersionAnswers: (packageId, versionNumber) =>
      Promise.resolve(copy(t.answers.filter((a) => a.packageId === packageId && a.versionNumber === versionNumber).sort((a, b) => a.position - b.position).map((a) => a.answer))),
    listDecisions: (ids) => Promise.resolve(copy([...inIds(t.decisions, ids)].sort((a, b) => a.decidedAt.localeCompare(b.decidedAt) || (a.id < b.id ? -1 : 1)))),
    insertDecision: (d) => {
      unique(t.decisions, d, (a, b) => a.id === b.id, 'decisions.id');
      t.decisions.push(copy(d));
      return Promise.resolve();
    },
    listThreads: (ids) => Promise.resolve(copy([...inIds(t.threads, ids)].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1)))),
    findThread: (id) => Promise.resolve(copy(t.threads.find((x) => x.id === id) ?? null)),
    insertThread: (thread) => {
      unique(t.threads, thread, (a, b) => a.id === b.id, 'threads.id');
      t.threads.push(copy(thread));
      return Promise.resolve();
    },
    setThreadStatus: (id, status, resolvedBy, resolvedAt) => {
      const thread = t.threads.find((x) => x.id === id);
      if (thread) Object.assign(thread, { status, resolvedBy: copy(resolvedBy), resolvedAt });
      return Promise.resolve();
    },
    listMessages: (threadIds) => Promise.resolve(copy(t.messages.filter((m) => threadIds.includes(m.threadId)).sort((a, b) => (a.threadId < b.threadId ? -1 : a.threadId > b.threadId ? 1 : a.position - b.position)))),
    insertMessage: (message) => {
      unique(t.messages, message, (a, b) => a.id === b.id, 'thread_messages.id');
      t.messages.push(copy(message));
      return Promise.resolve();
    },
    listRevisions: (messageIds) => Promise.resolve(copy(t.revisions.filter((r) => messageIds.includes(r.messageId)).sort((a, b) => a.at.localeCompare(b.at) || (a.id < b.id ? -1 : 1)))),
    insertRevision: (revision) => {
      unique(t.revisions, revision, (a, b) => a.id === b.id, 'thread_message_revisions.id');
      t.revisions.push(copy(revision));
      return Promise.resolve();
    },
    listSectionReviews: (packageId) => Promise.resolve(copy(t.reviews.filter((r) => r.packageId === packageId).sort((a, b) => a.reviewedAt.localeCompare(b.reviewedAt)))),
    insertSectionReview: (review) => {
      const same = (r: StoredSectionReview) => r.packageId === review.packageId && r.versionNumber === review.versionNumber && r.sectionKey === review.sectionKey && r.reviewer.id === review.reviewer.id;
      if (t.reviews.some(same)) return Promise.resolve(false);
      t.reviews.push(copy(review));
      return Promise.resolve(true);
    },
    deleteSectionReview: (packageId, versionNumber, sectionKey, reviewerId) => {
      const before = t.reviews.length;
      t.reviews = t.reviews.filter((r) => !(r.packageId === packageId && r.versionNumber === versionNumber && r.sectionKey === sectionKey && r.reviewer.id === reviewerId));
      return Promise.resolve(t.reviews.length < before);
    },
    findTemplate: (key, version) => Promise.resolve(copy(t.templates.find((x) => x.key === key && x.version === version) ?? null)),
    listTemplates: () => Promise.resolve(copy([...t.templates].sort((a, b) => a.key.localeCompare(b.key) || a.version - b.version))),
    insertTemplate: (template) => {
      unique(t.templates, template, (a, b) => a.key === b.key && a.version === b.version, 'workflow_templates');
      t.templates.push(copy(template));
      return Promise.resolve();
    },
    appendAudit: async (entry) => {
      const event = auditEventSchema.parse(entry.event);
      const last = t.audit.at(-1);
      const seq = (last?.seq ?? 0) + 1;
      const prevHash = last?.entryHash ?? genesisHash;
      const entryHash = await hashAuditEntry(event, { seq, at: entry.at, actorId: entry.actorId, prevHash });
      const stored: StoredAuditEntry = { seq, at: entry.at, actorId: entry.actorId, action: event.action, subject: event.subject, beforeJson: JSON.stringify(event.before), afterJson: JSON.stringify(event.after), prevHash, entryHash };
      t.audit.push(Object.freeze(stored));
      return { seq, entryHash };
    },
    listAuditEntries: (filter, afterSeq, limit) => {
      const page: StoredAuditEntry[] = [];
      for (const entry of t.audit) {
        if (page.length >= limit) break;
        if (entry.seq > afterSeq && matchesAudit(entry, filter)) page.push({ ...entry });
      }
      return Promise.resolve(page);
    },
    countAuditEntries: (filter) => Promise.resolve(t.audit.reduce((n, entry) => (matchesAudit(entry, filter) ? n + 1 : n), 0)),
    auditLogSize: () => Promise.resolve(t.audit.at(-1)?.seq ?? 0),
    listAuditEntryHashes: (upToSeq) => Promise.resolve(t.audit.filter((e) => e.seq <= upToSeq).map((e) => ({ seq: e.seq, entryHash: e.entryHash }))),
    insertTreeHead: (head) => {
      if (t.treeHeads.some((h) => h.treeSize === head.treeSize)) return Promise.resolve(false);
      t.treeHeads.push(Object.freeze({ ...head }));
      return Promise.resolve(true);
    },
    listTreeHeads: () => Promise.resolve(t.treeHeads.map((h) => ({ ...h })).sort((a, b) => a.treeSize - b.treeSize)),

    listServerKeys: () => Promise.resolve(copy([...t.serverKeys].sort((a, b) => a.createdAt.localeCompare(b.createdAt)))),
    insertServerKey: (key) => {
      unique(t.serverKeys, key, (a, b) => a.keyId === b.keyId, 'server_keys.key_id');
      t.serverKeys.push(copy(key));
      return Promise.resolve();
    },
    insertNonce: (nonce) => {
      unique(t.nonces, nonce, (a, b) => a.nonceHash === b.nonceHash, 'signing_nonces.nonce_hash');
      t.nonces.push(copy(nonce));
      return Promise.resolve();
    },
    findNonce: (hash) => Promise.resolve(copy(t.nonces.find((n) => n.nonceHash === hash) ?? null)),
    useNonce: (hash, at) => {
      const nonce = t.nonces.find((n) => n.nonceHash === hash && n.usedAt === null);
      if (nonce) nonce.usedAt = at;
      return Promise.resolve(nonce !== undefined);
    },
    listPasskeys: (userId) => Promise.resolve(copy(t.passkeys.filter((p) => p.userId === userId).sort((a, b) => a.createdAt.localeCompare(b.createdAt)))),
    findPasskey: (id) => Promise.resolve(copy(t.passkeys.find((p) => p.credentialId === id) ?? null)),
    insertPasskey: (passkey) => {
      unique(t.passkeys, passkey, (a, b) => a.credentialId === b.credentialId, 'passkeys.credential_id');
      t.passkeys.push(copy(passkey));
      return Promise.resolve();
    },
    deletePasskey: (id) => {
      const before = t.passkeys.length;
      t.passkeys = t.passkeys.filter((p) => p.credentialId !== id);
      return Promise.resolve(t.passkeys.length < before);
    },
    insertPasskeyChallenge: (challenge) => {
      t.passkeyChallenges.push({ ...challenge, usedAt: null });
      return Promise.resolve();
    },
    usePasskeyChallenge: (hash, userId, at) => {
      const found = t.passkeyChallenges.find((c) => c.challengeHash === hash && c.userId === userId && c.usedAt === null && c.expiresAt > at);
      if (found) found.usedAt = at;
      return Promise.resolve(found !== undefined);
    },
    insertSigningAttempt: (attempt) => {
      t.attempts.push(copy(attempt));
      return Promise.resolve();
    },
    listSigningAttempts: (userId, since) => Promise.resolve(copy(t.attempts.filter((a) => a.userId === userId && a.at >= since).sort((a, b) => a.at.localeCompare(b.at)))),
    insertDecisionSignature: (decisionId, signature) => {
      unique(t.signatures, { decisionId, signature }, (a, b) => a.decisionId === b.decisionId, 'decision_signatures.decision_id');
      if (!t.decisions.some((d) => d.id === decisionId)) throw new Error('FOREIGN KEY constraint failed: decision_signatures.decision_id');
      t.signatures.push({ decisionId, signature });
      return Promise.resolve();
    },
    listDecisionSignatures: (ids) => Promise.resolve(copy(t.signatures.filter((s) => ids.includes(s.decisionId)))),
    // notifications (in-app)
    findNotificationReadSeq: (userId) => Promise.resolve(t.notificationReads.find((r) => r.userId === userId)?.lastReadSeq ?? 0),
    raiseNotificationReadSeq: (userId, seq, at) => {
      if (!t.users.some((u) => u.id === userId)) throw new Error('FOREIGN KEY constraint failed: notification_reads.user_id');
      const row = t.notificationReads.find((r) => r.userId === userId);
      if (row && row.lastReadSeq >= seq) return Promise.resolve(false);
      if (row) Object.assign(row, { lastReadSeq: seq, updatedAt: at });
      else t.notificationReads.push({ userId, lastReadSeq: seq, updatedAt: at });
      return Promise.resolve(true);
    },
    // webhooks
    ...memoryWebhookQueries(t.webhooks),
    // delegations
    ...memoryDelegationQueries(t.delegations, (id) => t.decisions.some((d) => d.id === id)),
    // re-review due (rereview)
    ...memoryReReviewNotices(t),
    // login throttling
    ...memoryLoginFailures(t),
    // single sign-on (OIDC)
    ...memoryOidcQueries(t.oidc, t.users),
  };
}

export function createMemoryStore(): Store {
  let tables = empty();
  let tail: Promise<unknown> = Promise.resolve();
  const transaction = <T>(work: (t: StoreTx) => Promise<T>): Promise<T> => {
    const run = tail.then(async () => {
      // Work on a copy and swap it in only on success: all or nothing, like the database.
      const { draft, rollBack } = draftOf(tables);
      try {
        const result = await work(tx(draft));
        tables = draft;
        return result;
      } catch (error) {
        rollBack();
        throw error;
      }
    });
    tail = run.catch(() => undefined);
    return run;
  };
  // Every call, read or write, takes its turn in the same queue, as on SQLite's one connection.
  const names = Object.keys(tx(tables)) as (keyof StoreTx)[];
  const direct = Object.fromEntries(names.map((name) => [name, (...args: unknown[]) => transaction((t) => (t[name] as (...a: unknown[]) => Promise<unknown>)(...args))]));
  return {
    ...(direct as unknown as StoreTx),
    appendAudit: (entry) => transaction((t) => t.appendAudit(entry)),
    engine: 'memory',
    transaction,
    close: () => Promise.resolve(),
  };
}
