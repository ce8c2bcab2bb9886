import { z } from 'zod';
import { sql, type Kysely, type Transaction } from 'kysely';
import { actorSchema, decisionSchema, type Decision } from '#domain/contracts/decisions.ts';
import { auditEventSchema } from '#domain/contracts/audit-events.ts';
import { workflowTemplateSchema, type WorkflowTemplate } from '#domain/contracts/workflow-template.ts';
import { roleSchema } from '#domain/contracts/roles.ts';
import { genesisHash, hashAuditEntry } from '#domain/audit/hash-entry.ts';
import type { AuditAppend, AuditFilter, Store, StoredAuditEntry, StoredTreeHead, StoredMessage, StoredPasskey, StoredServerKey, StoredSigningAttempt, StoredPackage, StoredRevision, StoredSectionReview, StoredThread, StoredUser, StoredVersion, StoredVersionFacts, StoreTx } from '#api/store.ts';
import { answerTargetKey, answerTargetSchema } from '#domain/contracts/revisions.ts';
import { sectionKeySchema } from '#domain/contracts/sections.ts';
import { textQuoteSelectorSchema, threadKindSchema, threadStatusSchema, findingSeveritySchema } from '#domain/contracts/threads.ts';
import type { Engine } from './engine.ts';
import { immutableRowReads } from './immutable-row-cache.ts';
import { sqliteHotReads } from './coherent-cache.ts';
import type { ChangeClock, SqliteRead } from './node-sqlite-dialect.ts';
import type { AuditLogTable, Database, PackagesTable, ThreadsTable, UsersTable } from './schema.ts';
import { Mutex } from './mutex.ts';
import { apiTokenQueries } from './queries/tokens.ts';
import { webhookQueries } from './queries/webhooks.ts';
import { delegationQueries } from './queries/delegations.ts';
import { reReviewNoticeQueries } from './queries/re-review.ts';
import { loginFailureQueries } from './queries/session.ts';
import { oidcQueries } from './queries/oidc.ts';

// One repository over SQLite and PostgreSQL. SQLite has a single connection, so every
// operation is serialized through a mutex (a query from one request must never run inside
// another request's transaction). PostgreSQL serializes audit appends with an advisory lock
// so the log stays one line across API instances.

type Db = Kysely<Database> | Transaction<Database>;

const auditLockKey = 741_852_963;
// The two-key advisory locks live in a key space apart from the one-key audit lock.
const packageLockNamespace = 7_418;

// Built once; building a zod schema on every user read showed in the profile.
const rolesSchema = roleSchema.array();

function toUser(row: UsersTable): StoredUser {
  return { id: row.id, email: row.email, displayName: row.display_name, title: row.title, roles: rolesSchema.parse(JSON.parse(row.roles)), passwordHash: row.password_hash };
}

function toPackage(row: PackagesTable): StoredPackage {
  return {
    id: row.id,
    modelKey: row.model_key,
    modelName: row.model_name,
    versionLabel: row.version_label,
    riskTier: row.risk_tier,
    businessLine: row.business_line,
    ownerTeam: row.owner_team,
    ownerId: row.owner_id,
    templateKey: row.template_key,
    templateVersion: row.template_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toThread(r: ThreadsTable): StoredThread {
  return {
    id: r.id,
    packageId: r.package_id,
    versionNumber: r.version_number,
    sectionKey: r.section_key,
    kind: threadKindSchema.parse(r.kind),
    severity: findingSeveritySchema.nullable().parse(r.severity),
    status: threadStatusSchema.parse(r.status),
    anchor: r.anchor === null ? null : textQuoteSelectorSchema.parse(JSON.parse(r.anchor)),
    createdBy: actorSchema.parse(JSON.parse(r.created_by)),
    createdAt: r.created_at,
    resolvedBy: r.resolved_by === null ? null : actorSchema.parse(JSON.parse(r.resolved_by)),
    resolvedAt: r.resolved_at,
  };
}

function toAuditEntry(r: AuditLogTable): StoredAuditEntry {
  return { seq: r.seq, at: r.at, actorId: r.actor_id, action: r.action, subject: r.subject, beforeJson: r.before, afterJson: r.after, prevHash: r.prev_hash, entryHash: r.entry_hash };
}

/** The audit filters as conditions; times compare as ISO text, which the handler has normalized. */
function auditWhere(db: Db, filter: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (filter.actorId !== undefined) q = q.where('actor_id', '=', filter.actorId);
  if (filter.action !== undefined) q = q.where('action', '=', filter.action);
  if (filter.subject !== undefined) q = q.where('subject', '=', filter.subject);
  if (filter.fromAt !== undefined) q = q.where('at', '>=', filter.fromAt);
  if (filter.toAt !== undefined) q = q.where('at', '<=', filter.toAt);
  return q;
}

function queries(db: Db, engine: Engine): StoreTx {
  const withIds = <T>(ids: readonly string[] | 'all', run: (ids: readonly string[] | null) => Promise<T[]>): Promise<T[]> => {
    if (ids !== 'all' && ids.length === 0) return Promise.resolve([]);
    return run(ids === 'all' ? null : ids);
  };
  return {
    ...apiTokenQueries(db),
    async findUserByEmail(email) {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async findUserById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async listUsers() {
      return (await db.selectFrom('users').selectAll().orderBy('email').execute()).map(toUser);
    },
    async insertUser(user) {
      await db
        .insertInto('users')
        .values({ id: user.id, email: user.email.toLowerCase(), display_name: user.displayName, title: user.title, roles: JSON.stringify(user.roles), password_hash: user.passwordHash, created_at: new Date().toISOString() })
        .execute();
    },
    async insertSession(s) {
      await db.insertInto('sessions').values({ token_hash: s.tokenHash, user_id: s.userId, created_at: s.createdAt, expires_at: s.expiresAt }).execute();
    },
    async findSession(tokenHash) {
      const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? { tokenHash: row.token_hash, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at } : null;
    },
    async deleteSession(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    async findModel(key) {
      const row = await db.selectFrom('models').selectAll().where('key', '=', key).executeTakeFirst();
      return row ? { key: row.key, name: row.name, ownerId: row.owner_id } : null;
    },
    async insertModel(model) {
      await db.insertInto('models').values({ key: model.key, name: model.name, owner_id: model.ownerId }).execute();
    },
    async listPackages() {
      return (await db.selectFrom('packages').selectAll().orderBy('id').execute()).map(toPackage);
    },
    async findPackage(id) {
      const row = await db.selectFrom('packages').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toPackage(row) : null;
    },
    async findPackageByModelVersion(modelKey, versionLabel) {
      const row = await db.selectFrom('packages').selectAll().where('model_key', '=', modelKey).where('version_label', '=', versionLabel).executeTakeFirst();
      return row ? toPackage(row) : null;
    },
    async insertPackage(p) {
      await db
        .insertInto('packages')
        .values({ id: p.id, model_key: p.modelKey, model_name: p.modelName, version_label: p.versionLabel, risk_tier: p.riskTier, business_line: p.businessLine, owner_team: p.ownerTeam, owner_id: p.ownerId, template_key: p.templateKey, template_version: p.templateVersion, created_at: p.createdAt, updated_at: p.updatedAt })
        .execute();
    },
    async lockPackage(id) {
      // A transaction-scoped advisory lock on (namespace, hash of the id): released at commit or
      // rollback, and taken before the audit lock, never after it, so the two cannot deadlock.
      // SQLite has one connection behind a mutex: transactions already run one at a time.
      if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${packageLockNamespace}::int, hashtext(${id}))`.execute(db);
    },
    async touchPackage(id, updatedAt) {
      await db.updateTable('packages').set({ updated_at: updatedAt }).where('id', '=', id).execute();
    },
    listVersionFacts(ids) {
      return withIds(ids, async (only) => {
        let q = db.selectFrom('package_versions').select(['package_id', 'number', 'content_hash', 'section_digests', 'submitted_by', 'submitted_at']);
        if (only) q = q.where('package_id', 'in', only);
        const rows = await q.orderBy('package_id').orderBy('number').execute();
        return rows.map(
          (r): StoredVersionFacts => ({ packageId: r.package_id, number: r.number, contentHash: r.content_hash, sectionDigests: JSON.parse(r.section_digests) as Record<string, string>, submittedBy: r.submitted_by, submittedAt: r.submitted_at }),
        );
      });
    },
    async findVersion(packageId, number) {
      const r = await db.selectFrom('package_versions').selectAll().where('package_id', '=', packageId).where('number', '=', number).executeTakeFirst();
      if (!r) return null;
      const version: StoredVersion = { packageId: r.package_id, number: r.number, canonicalContent: r.canonical_content, contentHash: r.content_hash, sectionDigests: JSON.parse(r.section_digests) as Record<string, string>, submittedBy: r.submitted_by, submittedAt: r.submitted_at };
      return version;
    },
    async insertVersion(v) {
      await db
        .insertInto('package_versions')
        .values({ package_id: v.packageId, number: v.number, canonical_content: v.canonicalContent, content_hash: v.contentHash, section_digests: JSON.stringify(v.sectionDigests), submitted_by: v.submittedBy, submitted_at: v.submittedAt })
        .execute();
    },
    async insertVersionAnswers(packageId, versionNumber, answers) {
      if (answers.length === 0) return;
      await db
        .insertInto('version_answers')
        .values(
          answers.map((a, position) => ({
            package_id: packageId,
            version_number: versionNumber,
            position,
            target_key: answerTargetKey(a.target),
            target: JSON.stringify(a.target),
            answer: a.answer,
            section_keys: JSON.stringify(a.sectionKeys),
          })),
        )
        .execute();
    },
    async listVersionAnswers(packageId, versionNumber) {
      const rows = await db.selectFrom('version_answers').selectAll().where('package_id', '=', packageId).where('version_number', '=', versionNumber).orderBy('position').execute();
      return rows.map((r) => ({ target: answerTargetSchema.parse(JSON.parse(r.target)), answer: r.answer, sectionKeys: sectionKeySchema.array().parse(JSON.parse(r.section_keys)) }));
    },
    listDecisions(ids) {
      return withIds(ids, async (only) => {
        let q = db.selectFrom('decisions').selectAll();
        if (only) q = q.where('package_id', 'in', only);
        const rows = await q.orderBy('decided_at').orderBy('id').execute();
        return rows.map(
          (r): Decision =>
            decisionSchema.parse({
              id: r.id,
              packageId: r.package_id,
              versionNumber: r.version_number,
              stepKey: r.step_key,
              role: r.role,
              decision: r.decision,
              meaning: r.meaning,
              reason: r.reason,
              conditions: r.conditions === null ? null : (JSON.parse(r.conditions) as unknown),
              concerns: JSON.parse(r.concerns) as unknown,
              actor: JSON.parse(r.actor) as unknown,
              contentHash: r.content_hash,
              decidedAt: r.decided_at,
              ...(r.emergency === null ? {} : { emergency: JSON.parse(r.emergency) as unknown }),
            }),
        );
      });
    },
    async insertDecision(d) {
      await db
        .insertInto('decisions')
        .values({ id: d.id, package_id: d.packageId, version_number: d.versionNumber, step_key: d.stepKey, role: d.role, decision: d.decision, meaning: d.meaning, reason: d.reason, conditions: d.conditions ? JSON.stringify(d.conditions) : null, concerns: JSON.stringify(d.concerns), actor: JSON.stringify(d.actor), content_hash: d.contentHash, decided_at: d.decidedAt, emergency: d.emergency ? JSON.stringify(d.emergency) : null })
        .execute();
    },
    listThreads(ids) {
      return withIds(ids, async (only) => {
        let q = db.selectFrom('threads').selectAll();
        if (only) q = q.where('package_id', 'in', only);
        return (await q.orderBy('created_at').orderBy('id').execute()).map(toThread);
      });
    },
    async findThread(id) {
      const row = await db.selectFrom('threads').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toThread(row) : null;
    },
    async insertThread(t) {
      await db
        .insertInto('threads')
        .values({ id: t.id, package_id: t.packageId, version_number: t.versionNumber, section_key: t.sectionKey, kind: t.kind, severity: t.severity, status: t.status, anchor: t.anchor ? JSON.stringify(t.anchor) : null, created_at: t.createdAt, created_by: JSON.stringify(t.createdBy), resolved_by: t.resolvedBy ? JSON.stringify(t.resolvedBy) : null, resolved_at: t.resolvedAt })
        .execute();
    },
    async setThreadStatus(id, status, resolvedBy, resolvedAt) {
      await db.updateTable('threads').set({ status, resolved_by: resolvedBy ? JSON.stringify(resolvedBy) : null, resolved_at: resolvedAt }).where('id', '=', id).execute();
    },
    async listMessages(threadIds) {
      if (threadIds.length === 0) return [];
      const rows = await db.selectFrom('thread_messages').selectAll().where('thread_id', 'in', threadIds).orderBy('thread_id').orderBy('position').execute();
      return rows.map((r): StoredMessage => ({ id: r.id, threadId: r.thread_id, author: actorSchema.parse(JSON.parse(r.author)), authorRole: roleSchema.parse(r.author_role), body: r.body, createdAt: r.created_at, position: r.position }));
    },
    async insertMessage(m) {
      await db.insertInto('thread_messages').values({ id: m.id, thread_id: m.threadId, author: JSON.stringify(m.author), author_role: m.authorRole, body: m.body, created_at: m.createdAt, position: m.position }).execute();
    },
    async listRevisions(messageIds) {
      if (messageIds.length === 0) return [];
      const rows = await db.selectFrom('thread_message_revisions').selectAll().where('message_id', 'in', messageIds).orderBy('at').orderBy('id').execute();
      return rows.map((r): StoredRevision => ({ id: r.id, messageId: r.message_id, kind: r.kind === 'retract' ? 'retract' : 'edit', body: r.body, at: r.at }));
    },
    async insertRevision(r) {
      await db.insertInto('thread_message_revisions').values({ id: r.id, message_id: r.messageId, kind: r.kind, body: r.body, at: r.at }).execute();
    },
    async listSectionReviews(packageId) {
      const rows = await db.selectFrom('section_reviews').selectAll().where('package_id', '=', packageId).orderBy('reviewed_at').execute();
      return rows.map((r): StoredSectionReview => ({ packageId: r.package_id, versionNumber: r.version_number, sectionKey: r.section_key, reviewer: actorSchema.parse(JSON.parse(r.reviewer)), reviewedAt: r.reviewed_at }));
    },
    async insertSectionReview(r) {
      const result = await db
        .insertInto('section_reviews')
        .values({ package_id: r.packageId, version_number: r.versionNumber, section_key: r.sectionKey, reviewer_id: r.reviewer.id, reviewer: JSON.stringify(r.reviewer), reviewed_at: r.reviewedAt })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async deleteSectionReview(packageId, versionNumber, sectionKey, reviewerId) {
      const result = await db.deleteFrom('section_reviews').where('package_id', '=', packageId).where('version_number', '=', versionNumber).where('section_key', '=', sectionKey).where('reviewer_id', '=', reviewerId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async findTemplate(key, version) {
      const row = await db.selectFrom('workflow_templates').selectAll().where('key', '=', key).where('version', '=', version).executeTakeFirst();
      return row ? workflowTemplateSchema.parse(JSON.parse(row.definition)) : null;
    },
    async listTemplates() {
      const rows = await db.selectFrom('workflow_templates').selectAll().orderBy('key').orderBy('version').execute();
      return rows.map((r): WorkflowTemplate => workflowTemplateSchema.parse(JSON.parse(r.definition)));
    },
    async insertTemplate(t) {
      await db.insertInto('workflow_templates').values({ key: t.key, version: t.version, definition: JSON.stringify(t), created_at: new Date().toISOString() }).execute();
    },
    async appendAudit(entry: AuditAppend) {
      const event = auditEventSchema.parse(entry.event);
      if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${auditLockKey})`.execute(db);
      const last = await db.selectFrom('audit_log').select(['seq', 'entry_hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      const seq = last ? last.seq + 1 : 1;
      const prevHash = last?.entry_hash ?? genesisHash;
      const entryHash = await hashAuditEntry(event, { seq, at: entry.at, actorId: entry.actorId, prevHash });
      await db
        .insertInto('audit_log')
        .values({ seq, at: entry.at, actor_id: entry.actorId, action: event.action, subject: event.subject, before: JSON.stringify(event.before), after: JSON.stringify(event.after), prev_hash: prevHash, entry_hash: entryHash })
        .execute();
      return { seq, entryHash };
    },
    async listAuditEntries(filter, afterSeq, limit) {
      const rows = await auditWhere(db, filter).selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
      return rows.map(toAuditEntry);
    },
    async countAuditEntries(filter) {
      const row = await auditWhere(db, filter).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async auditLogSize() {
      const row = await db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('size')).executeTakeFirst();
      return row?.size ?? 0;
    },
    async listAuditEntryHashes(upToSeq) {
      const rows = await db.selectFrom('audit_log').select(['seq', 'entry_hash']).where('seq', '<=', upToSeq).orderBy('seq').execute();
      return rows.map((r) => ({ seq: r.seq, entryHash: r.entry_hash }));
    },
    async insertTreeHead(head) {
      const result = await db
        .insertInto('audit_tree_heads')
        .values({ tree_size: head.treeSize, root_hash: head.rootHash, timestamp: head.timestamp, key_id: head.keyId, signature: head.signature })
        .onConflict((oc) => oc.column('tree_size').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async listTreeHeads() {
      const rows = await db.selectFrom('audit_tree_heads').selectAll().orderBy('tree_size').execute();
      return rows.map((r): StoredTreeHead => ({ treeSize: r.tree_size, rootHash: r.root_hash, timestamp: r.timestamp, keyId: r.key_id, signature: r.signature }));
    },

    async listServerKeys() {
      const rows = await db.selectFrom('server_keys').selectAll().orderBy('created_at').execute();
      return rows.map((r): StoredServerKey => ({ keyId: r.key_id, algorithm: 'Ed25519', publicKey: r.public_key, privateKeyPkcs8: r.private_key_pkcs8, createdAt: r.created_at }));
    },
    async insertServerKey(k) {
      await db.insertInto('server_keys').values({ key_id: k.keyId, algorithm: k.algorithm, public_key: k.publicKey, private_key_pkcs8: k.privateKeyPkcs8, created_at: k.createdAt }).execute();
    },

    async insertNonce(n) {
      await db.insertInto('signing_nonces').values({ nonce_hash: n.nonceHash, user_id: n.userId, package_id: n.packageId, issued_at: n.issuedAt, expires_at: n.expiresAt, used_at: n.usedAt }).execute();
    },
    async findNonce(nonceHash) {
      const r = await db.selectFrom('signing_nonces').selectAll().where('nonce_hash', '=', nonceHash).executeTakeFirst();
      return r ? { nonceHash: r.nonce_hash, userId: r.user_id, packageId: r.package_id, issuedAt: r.issued_at, expiresAt: r.expires_at, usedAt: r.used_at } : null;
    },
    async useNonce(nonceHash, at) {
      // One conditional update: of two requests racing with one nonce, exactly one wins.
      const result = await db.updateTable('signing_nonces').set({ used_at: at }).where('nonce_hash', '=', nonceHash).where('used_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async listPasskeys(userId) {
      const rows = await db.selectFrom('passkeys').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
      return rows.map(passkeyOf);
    },
    async findPasskey(credentialId) {
      const r = await db.selectFrom('passkeys').selectAll().where('credential_id', '=', credentialId).executeTakeFirst();
      return r ? passkeyOf(r) : null;
    },
    async insertPasskey(p) {
      await db.insertInto('passkeys').values({ credential_id: p.credentialId, user_id: p.userId, name: p.name, public_key_jwk: JSON.stringify(p.publicKeyJwk), created_at: p.createdAt }).execute();
    },
    async deletePasskey(credentialId) {
      const result = await db.deleteFrom('passkeys').where('credential_id', '=', credentialId).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    async insertPasskeyChallenge(c) {
      await db.insertInto('passkey_challenges').values({ challenge_hash: c.challengeHash, user_id: c.userId, expires_at: c.expiresAt, used_at: null }).execute();
    },
    async usePasskeyChallenge(challengeHash, userId, at) {
      const result = await db
        .updateTable('passkey_challenges')
        .set({ used_at: at })
        .where('challenge_hash', '=', challengeHash)
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async insertSigningAttempt(a) {
      await db.insertInto('signing_attempts').values({ id: a.id, user_id: a.userId, at: a.at, ok: a.ok ? 1 : 0 }).execute();
    },
    async listSigningAttempts(userId, since) {
      const rows = await db.selectFrom('signing_attempts').selectAll().where('user_id', '=', userId).where('at', '>=', since).orderBy('at').execute();
      return rows.map((r): StoredSigningAttempt => ({ id: r.id, userId: r.user_id, at: r.at, ok: r.ok === 1 }));
    },

    async insertDecisionSignature(decisionId, signature) {
      await db.insertInto('decision_signatures').values({ decision_id: decisionId, signature }).execute();
    },
    async listDecisionSignatures(decisionIds) {
      if (decisionIds.length === 0) return [];
      const rows = await db.selectFrom('decision_signatures').selectAll().where('decision_id', 'in', decisionIds).execute();
      return rows.map((r) => ({ decisionId: r.decision_id, signature: r.signature }));
    },
    async findNotificationReadSeq(userId) {
      const row = await db.selectFrom('notification_reads').select('last_read_seq').where('user_id', '=', userId).executeTakeFirst();
      return row?.last_read_seq ?? 0;
    },
    async raiseNotificationReadSeq(userId, seq, at) {
      // One statement, so two tabs marking read at once cannot lower it.
      const result = await db
        .insertInto('notification_reads')
        .values({ user_id: userId, last_read_seq: seq, updated_at: at })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ last_read_seq: seq, updated_at: at }).where('notification_reads.last_read_seq', '<', seq))
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    ...webhookQueries(db),
    ...delegationQueries(db),
    ...reReviewNoticeQueries(db),
    ...loginFailureQueries(db),
    ...oidcQueries(db),
  };
}

function passkeyOf(r: { credential_id: string; user_id: string; name: string; public_key_jwk: string; created_at: string }): StoredPasskey {
  return { credentialId: r.credential_id, userId: r.user_id, name: r.name, publicKeyJwk: passkeyJwkSchema.parse(JSON.parse(r.public_key_jwk)), createdAt: r.created_at };
}

const passkeyJwkSchema = z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string() });

/** `sqlite`: the change clock and hand-written reads of openSqlite; with them, hot reads go through coherent-cache.ts. */
export function createKyselyStore(db: Kysely<Database>, engine: Engine, sqlite?: { changes: ChangeClock; read: SqliteRead }): Store {
  // SQLite: one connection, so one operation at a time. PostgreSQL: a pool, so no mutex.
  const mutex = engine === 'sqlite' ? new Mutex() : null;
  const serialized = <T>(work: () => Promise<T>): Promise<T> => (mutex ? mutex.run(work) : work());
  const transaction = <T>(work: (tx: StoreTx) => Promise<T>): Promise<T> => serialized(() => db.transaction().execute((trx) => work(queries(trx, engine))));

  const direct = queries(db, engine);
  const wrapped = Object.fromEntries(
    Object.entries(direct).map(([name, fn]) => [name, (...args: unknown[]) => serialized(() => (fn as (...a: unknown[]) => Promise<unknown>)(...args))]),
  ) as unknown as StoreTx;

  // On SQLite, append-only rows are read once (immutable-row-cache.ts); transactions read the tables.
  const cachedReads: Partial<StoreTx> = engine === 'sqlite' ? immutableRowReads(db, serialized, direct) : {};
  // On SQLite, per-request rows are kept until the database changes (coherent-cache.ts).
  const coherent: Partial<StoreTx> = engine === 'sqlite' && sqlite ? sqliteHotReads(sqlite, serialized, direct) : {};
  return {
    ...wrapped,
    ...cachedReads,
    ...coherent,
    // An audit append reads the chain's head and writes after it: always atomically.
    appendAudit: (entry) => transaction((tx) => tx.appendAudit(entry)),
    engine,
    transaction,
    close: () => db.destroy(),
  };
}
