import { actorSchema } from '#domain/contracts/decisions.ts';
import { roleSchema } from '#domain/contracts/roles.ts';
import { textQuoteSelectorSchema, threadKindSchema, threadStatusSchema, findingSeveritySchema } from '#domain/contracts/threads.ts';
import type { StoredMessage, StoredRevision, StoredThread, ThreadsStore } from '#api/store/threads.ts';
import type { ThreadsTable } from '../schema/schema.ts';
import { withIds, type Db } from './shared.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The threads part of the Kysely repository: threads, messages and message revisions.

export function toThread(r: ThreadsTable): StoredThread {
  return {
    id: r.id,
    packageId: r.package_id,
    versionNumber: r.version_number,
    sectionKey: r.section_key,
    kind: threadKindSchema.parse(r.kind),
    severity: findingSeveritySchema.nullable().parse(r.severity),
    status: threadStatusSchema.parse(r.status),
    anchor: r.anchor === null ? null : textQuoteSelectorSchema.parse(parseJson(r.anchor)),
    createdBy: actorSchema.parse(parseJson(r.created_by)),
    createdAt: r.created_at,
    resolvedBy: r.resolved_by === null ? null : actorSchema.parse(parseJson(r.resolved_by)),
    resolvedAt: r.resolved_at,
  };
}

export function threadsQueries(db: Db): ThreadsStore {
  return {
    listThreads(ids) {
      return withIds(ids, async (only) => {
        // With the time of each thread's latest message: an answer gives the reviewer's step its
        // turn back, and the due date moves by the time it waited (whose-turn.ts).
        let q = db
          .selectFrom('threads')
          .selectAll('threads')
          .select((eb) => eb.selectFrom('thread_messages').whereRef('thread_messages.thread_id', '=', 'threads.id').select((m) => m.fn.max('thread_messages.created_at').as('at')).as('last_message_at'));
        if (only) q = q.where('package_id', 'in', only);
        return (await q.orderBy('threads.created_at').orderBy('threads.id').execute()).map((row) => ({ ...toThread(row), lastMessageAt: row.last_message_at ?? null }));
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
      return rows.map((r): StoredMessage => ({ id: r.id, threadId: r.thread_id, author: actorSchema.parse(parseJson(r.author)), authorRole: roleSchema.parse(r.author_role), body: r.body, createdAt: r.created_at, position: r.position }));
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
  };
}
