import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { answerRowLog, answerRowLogTable, answerRowTriggers } from './migrations/067-answer-row-changes.ts';

// What changed, among the rows the version answers are made of, since the last look
// (docs/decisions/0221). The answers SQLite keeps (version-responses.ts) are dropped one by one
// after this process's own writes, from the log that migration 067's triggers append to in the
// same statement as the change; everything is dropped when the log cannot be trusted:
// - another connection committed (another process, the sqlite3 shell): it may have written with
//   its triggers switched off (`.dbconfig enable_trigger off`) or rewritten the log itself;
// - the schema is not the one checked: the log or one of its triggers dropped or changed, or
//   another trigger that names the log or its sequence (it would run on this process's writes);
// - entries were dropped before they were read (the log keeps at least the last 3,072).
// Inside a transaction nothing is known: its rows may still roll back, and a sequence number
// rolled back is given again.

/** Version keys (`package\u0000number`) whose rows changed, everything, or not known yet (a transaction is open). */
export type AnswerRowChanges = { readonly versions: ReadonlySet<string> } | 'everything' | 'inside a transaction';

export interface AnswerRowLog {
  /** What changed since the previous call (the first call: everything). */
  changes(): AnswerRowChanges;
}

/** `outsideCommits`: how many other connections' commits the change clock has seen (node-sqlite-dialect.ts). */
export function answerRowLogOf(raw: DatabaseSync, outsideCommits: () => number): AnswerRowLog {
  const schema = { version: raw.prepare('PRAGMA schema_version'), objects: raw.prepare("select type, name, sql from sqlite_master where type in ('trigger', 'table')") };
  let log: { entries: StatementSync; newest: StatementSync } | undefined;
  let trustedSchema: number | undefined;
  let commitsSeen = -1;
  let last = 0;
  /**
   * Whether the log is every change of this connection: its table and triggers as migration 067
   * wrote them, and no other trigger naming it or its sequence. 'checked now' when the schema
   * moved since the last check: what was written before it was not necessarily logged.
   */
  const trust = (): 'as before' | 'checked now' | 'no' => {
    const version = Number(schema.version.get()?.schema_version);
    if (version === trustedSchema) return 'as before';
    trustedSchema = undefined;
    const rows = schema.objects.all();
    const triggers = new Map(rows.filter((row) => row.type === 'trigger').map((row) => [String(row.name), String(row.sql)]));
    if (!rows.some((row) => row.type === 'table' && row.name === answerRowLog && row.sql === answerRowLogTable)) return 'no';
    for (const [name, text] of answerRowTriggers) if (triggers.get(name) !== text) return 'no';
    for (const [name, text] of triggers) if (!answerRowTriggers.has(name) && /answer_row_changes|sqlite_sequence/i.test(text)) return 'no';
    trustedSchema = version;
    return 'checked now';
  };
  /** Everything; the log read from the next entry on. */
  const startOver = (from: typeof log): AnswerRowChanges => {
    last = from ? Number(from.newest.get()?.seq ?? 0) : 0;
    commitsSeen = outsideCommits();
    return 'everything';
  };
  return {
    changes() {
      if (raw.isTransaction) return 'inside a transaction';
      const trusted = trust();
      if (trusted === 'no') return startOver(undefined);
      log ??= {
        entries: raw.prepare(`select seq, package_id, version, user_id from ${answerRowLog} where seq > ? order by seq`),
        // The greatest number given so far (AUTOINCREMENT gives the next one after it).
        newest: raw.prepare(`select coalesce(max(seq), 0) as seq from sqlite_sequence where name = '${answerRowLog}'`),
      };
      if (trusted === 'checked now' || outsideCommits() !== commitsSeen) return startOver(log);
      const rows = log.entries.all(last);
      // Numbers are given one after the other (a rolled-back insert gives its number back): a
      // gap after the last one read is entries dropped unread (more than 3,072 behind).
      if (rows.length > 0 && Number(rows[0]?.seq) !== last + 1) return startOver(log);
      const versions = new Set<string>();
      for (const row of rows) {
        // A submitter's name or title: any answer may show it (rare: a profile edited).
        if (row.user_id !== null) return startOver(log);
        versions.add(`${String(row.package_id)}\u0000${Number(row.version)}`);
      }
      last = Number(rows.at(-1)?.seq ?? last);
      return { versions };
    },
  };
}
