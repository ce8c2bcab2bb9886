import { sql } from 'kysely';
import { auditEventSchema } from '#domain/contracts/audit-events.ts';
import { genesisHash, hashAuditEntry } from '#domain/audit/hash-entry.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { z } from 'zod';
import type { AuditAppend, AuditFilter, AuditStore, StoredAuditEntry, StoredChainMove, StoredCosignature, StoredTreeHead } from '#api/store/audit.ts';
import type { AuditChainLine } from '#domain/contracts/audit.ts';
import type { Engine } from '../schema/engine.ts';
import type { AuditLogTable } from '../schema/schema.ts';
import type { Db } from './shared.ts';
import { markSummariesStale } from './package-summaries.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The audit part of the Kysely repository: the hash-chained log and its tree heads.
// PostgreSQL serializes appends with an advisory lock so the log stays one line across API
// instances.

const auditLockKey = 741_852_963;

export function toAuditEntry(r: AuditLogTable): StoredAuditEntry {
  return { seq: r.seq, at: r.at, actorId: r.actor_id, action: r.action, subject: r.subject, beforeJson: r.before, afterJson: r.after, prevHash: r.prev_hash, subjectPrev: r.subject_prev, entryHash: r.entry_hash };
}

/** One line of GET /api/audit/chain: the row as stored, in AuditChainLine's order, and a line break. */
function chainLineOf(row: StoredAuditEntry): string {
  const line: AuditChainLine = {
    seq: row.seq,
    at: row.at,
    actorId: row.actorId,
    action: row.action,
    subject: row.subject,
    beforeJson: row.beforeJson,
    afterJson: row.afterJson,
    prevHash: row.prevHash,
    // Present exactly when the row has a link: an older entry's hash does not cover the member.
    ...(row.subjectPrev === null ? {} : { subjectPrev: row.subjectPrev }),
    entryHash: row.entryHash,
  };
  return `${JSON.stringify(line)}\n`;
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


/** A chain move's `before`, as appendAudit wrote it (parsed by the audit event schema then). */
const chainMoveBefore = z.object({ key: z.string(), version: z.number().int(), decided: z.array(z.string()).optional() });

function chainMoveOf(seq: number, at: string, packageId: string, before: string): StoredChainMove {
  const { key, version, decided } = chainMoveBefore.parse(parseJson(before));
  return { packageId, seq, at, from: { key, version }, ...(decided ? { decided } : {}) };
}

/** The ids an entry may name a package by: its subject, and a `packageId` its before or after states. */
function packagesNamed(event: { subject: string; before: unknown; after: unknown }): string[] {
  const named = [event.before, event.after].flatMap((state) => (state && typeof state === 'object' && 'packageId' in state && typeof state.packageId === 'string' ? [state.packageId] : []));
  return [...new Set([event.subject, ...named])];
}

/** The largest PostgreSQL integer: every seq is below it. */
const maxSeqBound = 2_147_483_647;
export function auditQueries(db: Db, engine: Engine): AuditStore {
  return {
    async appendAudit(entry: AuditAppend) {
      const event = auditEventSchema.parse(entry.event);
      if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${auditLockKey})`.execute(db);
      const last = await db.selectFrom('audit_log').select(['seq', 'entry_hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      const seq = last ? last.seq + 1 : 1;
      const prevHash = last?.entry_hash ?? genesisHash;
      // The previous entry about the same subject, read under the same lock (and on SQLite in the
      // same serialised transaction), so concurrent appends about one subject chain one after
      // another (docs/decisions/0180). Older entries without a link are linked to all the same.
      const bySubject = await db.selectFrom('audit_log').select('entry_hash').where('subject', '=', event.subject).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      const subjectPrev = bySubject?.entry_hash ?? genesisHash;
      const entryHash = await hashAuditEntry(event, { seq, at: entry.at, actorId: entry.actorId, prevHash, subjectPrev });
      // before and after stored in RFC 8785 form (what the hash covers): the browser's full check
      // then hashes the stored text as it is, without parsing and rewriting it (docs/decisions/0160).
      await db
        .insertInto('audit_log')
        .values({ seq, at: entry.at, actor_id: entry.actorId, action: event.action, subject: event.subject, before: canonicalize(event.before), after: canonicalize(event.after), prev_hash: prevHash, subject_prev: subjectPrev, entry_hash: entryHash })
        .execute();
      // In the same transaction: the package's summary cannot be served as it was before this change (decision record 0129).
      await markSummariesStale(db, packagesNamed(event));
      return { seq, entryHash };
    },
    async listAuditEntries(filter, afterSeq, limit) {
      const rows = await auditWhere(db, filter).selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
      return rows.map(toAuditEntry);
    },
    async readAuditChainLines(afterSeq, limit) {
      if (engine === 'sqlite') {
        // Each line written by SQLite's json_object, in C, in the order of AuditChainLine:
        // a million lines cost half the CPU of a JavaScript object and JSON.stringify per row
        // (docs/decisions/0151). Text columns are cast, so a value tampered into a BLOB reads
        // as text (and fails its hash) instead of stopping the stream. The lines are joined in
        // the order the subquery gives them: a subquery with LIMIT is not flattened into the
        // aggregate but run as a coroutine, in its ORDER BY order (an ORDER BY inside
        // group_concat would sort every page again: 0.9 µs a row).
        // A row without a subject link (written before 0180) has no subjectPrev member at all.
        const result = await sql<{ text: string | null; count: number; lastSeq: number | null }>`select group_concat(line, '') as text, count(*) as count, max(seq) as lastSeq from (
          select seq, case when subject_prev is null
            then json_object('seq', seq, 'at', cast(at as text), 'actorId', cast(actor_id as text), 'action', cast(action as text), 'subject', cast(subject as text), 'beforeJson', cast(before as text), 'afterJson', cast(after as text), 'prevHash', cast(prev_hash as text), 'entryHash', cast(entry_hash as text))
            else json_object('seq', seq, 'at', cast(at as text), 'actorId', cast(actor_id as text), 'action', cast(action as text), 'subject', cast(subject as text), 'beforeJson', cast(before as text), 'afterJson', cast(after as text), 'prevHash', cast(prev_hash as text), 'subjectPrev', cast(subject_prev as text), 'entryHash', cast(entry_hash as text))
          end || char(10) as line
          from audit_log where seq > ${afterSeq} order by seq limit ${limit}
        )`.execute(db);
        const row = result.rows[0];
        return { text: row?.text ?? '', count: row?.count ?? 0, lastSeq: row?.lastSeq ?? afterSeq };
      }
      const rows = (await db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute()).map(toAuditEntry);
      return { text: rows.map(chainLineOf).join(''), count: rows.length, lastSeq: rows.at(-1)?.seq ?? afterSeq };
    },
    async listAuditEntriesNewestFirst(filter, beforeSeq, limit) {
      // seq is a 32-bit integer column on PostgreSQL: "below everything" (the first page's cursor) must be said in range.
      const below = Math.min(beforeSeq, maxSeqBound);
      const rows = await auditWhere(db, filter).selectAll().where('seq', '<', below).orderBy('seq', 'desc').limit(limit).execute();
      return rows.map(toAuditEntry);
    },
    async listAuditActorIds(filter) {
      if (Object.values(filter).every((value) => value === undefined)) {
        // The whole log: a skip scan of the actor index, one lookup per distinct actor,
        // where DISTINCT would read every entry (a million on a large log, at every view's first page).
        const result = await sql<{ actor_id: string | null }>`with recursive actors(actor_id) as (
          select min(actor_id) from audit_log where actor_id is not null
          union all
          select (select min(actor_id) from audit_log where actor_id > actors.actor_id) from actors where actors.actor_id is not null
        ) select actor_id from actors where actor_id is not null`.execute(db);
        return result.rows.flatMap((row) => (row.actor_id === null ? [] : [row.actor_id]));
      }
      const rows = await auditWhere(db, filter).select('actor_id').distinct().where('actor_id', 'is not', null).execute();
      return rows.flatMap((row) => (row.actor_id === null ? [] : [row.actor_id]));
    },
    async countAuditEntries(filter) {
      const row = await auditWhere(db, filter).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async listChainMoves(ids) {
      let q = db.selectFrom('audit_log').select(['seq', 'at', 'subject', 'before']).where('action', '=', 'package.chain_changed');
      if (ids !== 'all') {
        if (ids.length === 0) return [];
        q = q.where('subject', 'in', ids);
      }
      const rows = await q.orderBy('seq').execute();
      return rows.map((r) => chainMoveOf(r.seq, r.at, r.subject, r.before));
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
    async insertCosignature(c) {
      const result = await db
        .insertInto('checkpoint_cosignatures')
        .values({ witness: c.witness, tree_size: c.treeSize, root_hash: c.rootHash, line: c.line, cosigned_at: c.cosignedAt })
        .onConflict((oc) => oc.columns(['witness', 'tree_size']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async listCosignatures(filter) {
      const base = db.selectFrom('checkpoint_cosignatures').selectAll();
      const rows = 'treeSize' in filter ? await base.where('tree_size', '=', filter.treeSize).orderBy('witness').execute() : await base.where('witness', '=', filter.witness).orderBy('tree_size', 'desc').limit(1).execute();
      return rows.map((r): StoredCosignature => ({ witness: r.witness, treeSize: r.tree_size, rootHash: r.root_hash, line: r.line, cosignedAt: r.cosigned_at }));
    },
  };
}
