// A large audit log for benchmarks, written straight into a data folder's SQLite file: one
// transaction of batched inserts, each entry hashed and chained exactly as the store does
// (hashAuditEntry's canonical bytes, digested by node:crypto). For a large count the log's
// secondary indexes are built once at the end instead of row by row. A million entries take
// seconds of CPU where a million appendAudit calls would take many minutes. The same count, seed and start give the
// same entries; they continue the chain of whatever the database already holds.
import { createHash } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { canonicalBytes, canonicalize } from '#domain/json/canonicalize.ts';
import { genesisHash } from '#domain/audit/hash-entry.ts';
import type { AuditEvent } from '#domain/contracts/audit-events.ts';

export interface GenerateAuditLogOptions {
  /** The SQLite file of a migrated database (server/db/open-store.ts sqliteFile). */
  file: string;
  count: number;
  seed?: number;
  /** The time of the first generated entry; by default a second after the last one stored. */
  start?: Date;
  /** Drop the secondary indexes and build them again after the inserts; by default from 50,000 entries on. */
  rebuildIndexes?: boolean;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

// The demo's people and packages (demo/seed-demo.ts), so names resolve in the view.
const reviewers = ['usr_data_governance', 'usr_model_risk', 'usr_fair_lending', 'usr_privacy', 'usr_security', 'usr_committee'] as const;
const emails: Record<string, string> = { usr_owner: 'owner@example.com', usr_committee: 'committee@example.com', usr_model_risk: 'model-risk@example.com' };
const packages = ['pkg_retail_credit_pd', 'pkg_clinical_deterioration_risk', 'pkg_card_fraud_detection', 'pkg_support_assistant'] as const;
const sections = ['intended_use', 'design_methodology', 'training_data', 'evaluation', 'subgroup_fairness', 'limitations_risks', 'human_oversight'] as const;
const words = 'model risk data drift threshold holdout calibration subgroup lineage control monitoring validation approval evidence'.split(' ');

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** A plausible event, weighted like a busy review period: mostly reading and annotating. */
function eventAt(random: () => number, index: number): { actorId: string | null; event: AuditEvent } {
  const roll = random();
  const reviewer = pick(random, reviewers);
  const pkg = pick(random, packages);
  const section = pick(random, sections);
  const version = 1 + Math.floor(random() * 3);
  if (roll < 0.3) return { actorId: reviewer, event: { action: 'section.reviewed', subject: pkg, before: null, after: { version, section } } };
  if (roll < 0.5) {
    const user = pick(random, ['usr_owner', 'usr_committee', 'usr_model_risk']);
    return { actorId: user, event: { action: 'session.login_succeeded', subject: user, before: null, after: { email: emails[user] ?? 'someone@example.com' } } };
  }
  if (roll < 0.65) {
    const body = Array.from({ length: 8 + Math.floor(random() * 24) }, () => pick(random, words)).join(' ');
    return { actorId: reviewer, event: { action: 'thread.message_added', subject: pkg, before: null, after: { thread: `thr_bench_${index % 997}`, message: `msg_bench_${index}`, body } } };
  }
  if (roll < 0.75) return { actorId: reviewer, event: { action: 'thread.opened', subject: pkg, before: null, after: { section, kind: 'clarification', version, thread: `thr_bench_${index}` } } };
  if (roll < 0.82) return { actorId: reviewer, event: { action: 'thread.resolved', subject: pkg, before: { thread: `thr_bench_${index % 997}`, status: 'answered' }, after: { thread: `thr_bench_${index % 997}`, status: 'resolved' } } };
  if (roll < 0.9) return { actorId: reviewer, event: { action: 'section.review_withdrawn', subject: pkg, before: { version, section }, after: null } };
  if (roll < 0.97) return { actorId: 'usr_owner', event: { action: 'access.denied', subject: pkg, before: null, after: { method: 'POST', path: `/api/packages/${pkg}/decisions`, reason: 'Your role does not act on this step.' } } };
  return { actorId: null, event: { action: 'session.login_failed', subject: `intruder${index % 50}@example.com`, before: null, after: { reason: 'unknown_email' } } };
}

/** Rows per INSERT statement: one call into SQLite per batch instead of per row. */
const batchRows = 200;
/** From this many entries on, the log's secondary indexes are dropped and built again after the inserts (one sort each, not one B-tree insertion per row). */
const rebuildIndexesFrom = 50_000;

/** Appends `count` entries to the log in `file`; returns the sequence numbers written. */
export function generateAuditLog({ file, count, seed = 1, start, rebuildIndexes = count >= rebuildIndexesFrom }: GenerateAuditLogOptions): { firstSeq: number; lastSeq: number } {
  const db = new DatabaseSync(file);
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    // The whole transaction's pages in memory (up to 1 GiB): with the default 2 MB cache, a
    // million rows and their indexes spill to the WAL while still being written.
    db.exec('PRAGMA cache_size = -1048576');
    const last = db.prepare('SELECT seq, at, entry_hash AS entryHash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; at: string; entryHash: string } | undefined;
    let seq = last?.seq ?? 0;
    let prevHash = last?.entryHash ?? genesisHash;
    const startMs = (start ?? (last ? new Date(Date.parse(last.at) + 1000) : new Date(Date.UTC(2025, 0, 1)))).getTime();
    const random = rng(seed);
    const columns = 'INSERT INTO audit_log (seq, at, actor_id, action, subject, before, after, prev_hash, entry_hash) VALUES ';
    const statement = (rows: number) => db.prepare(columns + Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', '));
    const full = statement(batchRows);
    const firstSeq = seq + 1;
    db.exec('BEGIN');
    try {
      const indexes = rebuildIndexes ? dropIndexes(db) : [];
      const values: (string | number | null)[] = [];
      for (let i = 0; i < count; i++) {
        seq += 1;
        const { actorId, event } = eventAt(random, i);
        // Irregular gaps of up to a minute: a log spread over weeks, for the date filters.
        const at = new Date(startMs + i * 30_000 + Math.floor(random() * 30_000)).toISOString();
        // hashAuditEntry's bytes (canonicalBytes), digested natively: the same hex as auditEntryHashSync, which the test holds it to.
        const entryHash = createHash('sha256')
          .update(canonicalBytes({ seq, at, actorId, prevHash, action: event.action, subject: event.subject, before: event.before, after: event.after }))
          .digest('hex');
        values.push(seq, at, actorId, event.action, event.subject, canonicalize(event.before), canonicalize(event.after), prevHash, entryHash);
        prevHash = entryHash;
        if (values.length === batchRows * 9) {
          full.run(...values);
          values.length = 0;
        }
      }
      if (values.length > 0) statement(values.length / 9).run(...values);
      for (const sql of indexes) db.exec(sql);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    return { firstSeq, lastSeq: seq };
  } finally {
    db.close();
  }
}

/** Drops the audit log's secondary indexes (inside the caller's transaction) and returns the statements that create them again, as the migrations wrote them. */
function dropIndexes(db: DatabaseSync): string[] {
  const rows = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  for (const row of rows) db.exec(`DROP INDEX "${row.name}"`);
  return rows.map((row) => row.sql);
}
