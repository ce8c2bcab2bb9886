import type { Kysely } from 'kysely';
import type { StoredVersion, StoredVersionFacts } from '#api/store/store.ts';
import type { VersionAnswer, VersionResponses } from '#api/store/packages.ts';
import { keptVersionBound } from '#api/packages/answer-bytes.ts';
import type { Database } from './schema/schema.ts';
import { rowVersionColumn, snapshotColumn, type SnapshotClock } from './pg-snapshot-clock.ts';
import { amongVersionKeys, batched } from './pg-batched-reads.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// Versions on PostgreSQL, read by row version (decision records 0149, 0214). A version's row is
// checked against the database whenever the snapshot text has moved since it was last seen: one
// statement for the row versions (`xmin`, the id of the transaction that wrote the row) of a
// turn's versions; only a version whose row version this instance has not kept is read whole (its
// content: tens of kilobytes PostgreSQL detoasts, sends and the API decodes). Every write of a
// row, an UPDATE behind the server's back included, makes a new row version with a new `xmin`, so
// the bytes served are always the bytes of the row the database holds at that read: content
// changed in the database shows at once and fails its hash in the browser. Nothing is keyed by
// the content hash: tampering that keeps the hash column would be hidden by such a key, never by
// this one. No invalidation is needed across instances: the database is asked whenever its
// snapshot text has moved, which every commit anywhere in the cluster does (0208).
//
// The content is held once per version, as UTF-8 bytes: those of the version route's whole
// answer (head, content, closing brace: the bytes sent) once an answer was made, the content's
// alone before. findVersion decodes its text from them for each caller (0214).

/** Kept bytes, answers' or contents': a bound on memory (0210, 0214). */
const maxKeptBytes = keptVersionBound;
/**
 * Kept no longer than this: `xmin` is a 32-bit transaction id that comes round again after
 * about four billion transactions, so an entry must not outlive any plausible wrap.
 */
const maxAgeMs = 10 * 60_000;

interface Kept {
  rowVersion: string;
  keptAt: number;
  /** A snapshot text at which the row was seen at `rowVersion`: a lookup with that text asks nothing. */
  seenAt: string;
  facts: StoredVersionFacts;
  /** The answer's bytes (`head` + content + `}`), or the content's alone while `head` is null. */
  bytes: Uint8Array<ArrayBuffer>;
  head: string | null;
  /** A snapshot text at which `head` was made from rows all read at that text: a read with it answers the bytes as they are. */
  headAt: string | null;
  contentStart: number;
  contentEnd: number;
}

type VersionKey = readonly [packageId: string, number: number];
const keyText = ([packageId, number]: VersionKey) => `${packageId}\u0000${number}`;

interface RowVersion {
  rowVersion: string;
  snapshot: string;
  facts: StoredVersionFacts;
}

const utf8 = new TextEncoder();
const utf8Text = new TextDecoder();
const closingBrace = utf8.encode('}');

const factsOf = (row: { package_id: string; number: number; content_hash: string; section_digests: string; submitted_by: string; submitted_at: string }): StoredVersionFacts => ({
  packageId: row.package_id,
  number: row.number,
  contentHash: row.content_hash,
  sectionDigests: parseJson(row.section_digests) as Record<string, string>,
  submittedBy: row.submitted_by,
  submittedAt: row.submitted_at,
});

/**
 * The version reads of the PostgreSQL store outside transactions: `findVersion`, and the version
 * route's answers (`responses`), both from one kept copy of each version's content.
 */
export function postgresVersionRows(db: Kysely<Database>, clock: SnapshotClock, now: () => number = Date.now): { findVersion: (packageId: string, number: number) => Promise<StoredVersion | null>; responses: VersionResponses } {
  const kept = new Map<string, Kept>();
  let keptBytes = 0;
  const drop = (key: string, entry: Kept) => {
    if (kept.get(key) !== entry) return;
    kept.delete(key);
    keptBytes -= entry.bytes.byteLength;
  };
  /** Puts `entry` in place of what `key` holds, when the bound allows; nothing else is evicted for it (0149's round-robin reasoning). */
  const keep = (key: string, entry: Kept): void => {
    const freed = kept.get(key)?.bytes.byteLength ?? 0;
    if (keptBytes - freed + entry.bytes.byteLength > maxKeptBytes) return;
    kept.set(key, entry);
    keptBytes += entry.bytes.byteLength - freed;
  };
  const inKeys = (keys: readonly VersionKey[]) => db.selectFrom('package_versions').where(amongVersionKeys('package_id', 'number', keys));
  const rowVersions = batched(
    keyText,
    async (keys: VersionKey[]) => {
      const rows = await inKeys(keys).select(['package_id', 'number', 'content_hash', 'section_digests', 'submitted_by', 'submitted_at', rowVersionColumn, snapshotColumn]).execute();
      return new Map(rows.map((row) => [keyText([row.package_id, row.number]), { rowVersion: row.row_version, snapshot: row.snapshot, facts: factsOf(row) }]));
    },
    null as RowVersion | null,
    (found) => found,
  );
  // Read whole, with the row version read again: a row written since the row versions were read
  // is served (and kept) as this statement read it, the later of the two.
  const wholeRows = batched(
    keyText,
    async (keys: VersionKey[]) => {
      const rows = await inKeys(keys).selectAll().select([rowVersionColumn, snapshotColumn]).execute();
      return new Map(rows.map((row) => [keyText([row.package_id, row.number]), { rowVersion: row.row_version, snapshot: row.snapshot, facts: factsOf(row), content: row.canonical_content }]));
    },
    null as (RowVersion & { content: string }) | null,
    (found) => found,
  );

  /** The version as the database holds it at `stamp` or later, from what is kept when its row has not changed. */
  const current = async (key: VersionKey, stamp: string): Promise<Kept | null> => {
    const text = keyText(key);
    const entry = kept.get(text);
    const at = now();
    const young = entry !== undefined && at - entry.keptAt <= maxAgeMs;
    if (entry && young && entry.seenAt === stamp) return entry;
    const row = await rowVersions(key);
    if (!row) {
      if (entry) drop(text, entry);
      return null;
    }
    if (entry && young && entry.rowVersion === row.rowVersion) {
      entry.seenAt = row.snapshot;
      return entry;
    }
    // Changed or aged: never answered again, nor left holding memory while its successor is read.
    if (entry) drop(text, entry);
    const whole = await wholeRows(key);
    if (!whole) return null;
    const bytes = utf8.encode(whole.content);
    const fresh: Kept = { rowVersion: whole.rowVersion, keptAt: at, seenAt: whole.snapshot, facts: whole.facts, bytes, head: null, headAt: null, contentStart: 0, contentEnd: bytes.byteLength };
    keep(text, fresh);
    return fresh;
  };

  return {
    async findVersion(packageId, number) {
      const entry = await current([packageId, number], await clock.now());
      // Each read its own object: no handler can change what another one reads.
      return entry ? { ...entry.facts, sectionDigests: { ...entry.facts.sectionDigests }, canonicalContent: utf8Text.decode(entry.bytes.subarray(entry.contentStart, entry.contentEnd)) } : null;
    },
    responses: {
      async answer(packageId, number, head): Promise<VersionAnswer | null> {
        const key: VersionKey = [packageId, number];
        const stamp = await clock.now();
        const entry = await current(key, stamp);
        if (!entry) return null;
        // Row and head both as the database holds them at this read's text: the whole answer
        // stands, as SQLite's does under its change clock (0199), with no head made again.
        if (entry.seenAt === stamp && entry.headAt === stamp) return entry.bytes;
        const headText = await head(entry.facts);
        // Still the same text once the head is made: the rows it names are those at `stamp`
        // (kept ones at that text, or read while the database had not changed since).
        const madeAt = entry.seenAt === stamp && clock.current() === stamp ? stamp : null;
        // Otherwise the head is made afresh for every answer from reads under the clock, so the
        // bytes sent are never older than those reads; only their encoding is saved.
        if (entry.head === headText) {
          if (madeAt !== null) entry.headAt = madeAt;
          return entry.bytes;
        }
        const headBytes = utf8.encode(headText);
        const content = entry.bytes.subarray(entry.contentStart, entry.contentEnd);
        const bytes = new Uint8Array(headBytes.byteLength + content.byteLength + closingBrace.byteLength);
        bytes.set(headBytes, 0);
        bytes.set(content, headBytes.byteLength);
        bytes.set(closingBrace, headBytes.byteLength + content.byteLength);
        // In place of the entry it was made from (which then holds no copy of its own), when that is still kept.
        const answer: Kept = { ...entry, bytes, head: headText, headAt: madeAt, contentStart: headBytes.byteLength, contentEnd: headBytes.byteLength + content.byteLength };
        const id = keyText(key);
        if (kept.get(id) === entry) keep(id, answer);
        return bytes;
      },
    },
  };
}
