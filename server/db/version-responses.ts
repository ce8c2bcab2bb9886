import type { SQLOutputValue } from 'node:sqlite';
import type { VersionAnswer, VersionResponseFacts, VersionResponses } from '#api/store/packages.ts';
import type { KeptReads } from '#api/store/store.ts';
import type { ChangeClock, SqliteRead } from './node-sqlite-dialect.ts';
import { keptVersionBound } from '#api/packages/answer-bytes.ts';

// The version read route on SQLite (docs/decisions/0161, 0199): what the answer says beside the
// content (package, number, hash, submitter, answers, policy check) depends on rows that can
// change (a user's name, a policy re-check), and the content is a row an attacker could rewrite
// behind the server's back. So nothing here outlives the change clock: what is kept is kept only
// while the clock says the database has not changed, as coherent-cache.ts keeps rows; the first
// read after any write by this process or commit by another connection (a tampering UPDATE
// included) starts over and reads the row, so it sends what the database holds and what a
// verifier reading the database would see. Nothing is keyed by the content hash: a tampered
// content under its old hash would then be hidden (0149).
//
// Two tiers, both under the clock: whole answers as UTF-8 bytes, up to a bound in bytes (a hit
// reads nothing, decodes nothing and encodes nothing: the bytes go to the socket as they are),
// and past that bound the heads alone (every member but the content, ending in `"content":`),
// whose content is read from its row on every call.

/** Bound in bytes for the kept whole answers (contents of 4 to 80 KB in the benchmarks' inventories; 0210). */
export const maxAnswerBytes = keptVersionBound;
/**
 * Bound in characters for the kept heads (a few hundred to a few thousand each: the answers
 * dominate). Once a bound is reached nothing more is admitted until the clock moves, so a
 * round-robin over more versions than fit still hits for those kept, where evicting the oldest
 * would miss every time.
 */
export const maxHeadCharacters = 16 * 1024 * 1024;

const contentSql = 'select canonical_content from package_versions where package_id = ? and number = ?';
// The row but its section digests, which the answer does not carry (no JSON.parse of them per miss).
const versionSql = 'select package_id, number, canonical_content, content_hash, submitted_by, submitted_at from package_versions where package_id = ? and number = ?';

const utf8 = new TextEncoder();

export function sqliteVersionResponses(
  sqlite: { changes: ChangeClock; read: SqliteRead },
  serialized: <T>(work: () => Promise<T>) => Promise<T>,
  bounds: { answerBytes?: number; headCharacters?: number } = {},
): VersionResponses & { kept: KeptReads['answer'] } {
  const clock = sqlite.changes;
  const answerBound = bounds.answerBytes ?? maxAnswerBytes;
  const headBound = bounds.headCharacters ?? maxHeadCharacters;
  let answers = new Map<string, VersionAnswer>();
  let heads = new Map<string, string>();
  let bytes = 0;
  let characters = 0;
  let validAt = clock.stamp();
  const current = (): number => {
    const now = clock.stamp();
    if (now !== validAt) {
      answers = new Map();
      heads = new Map();
      bytes = 0;
      characters = 0;
      validAt = now;
    }
    return validAt;
  };
  const row = (sql: string, packageId: string, number: number) => serialized(() => Promise.resolve(sqlite.read(sql, [packageId, number])[0]));
  return {
    // A whole answer kept at the clock's stamp now, looked up without waiting (0202).
    kept: (packageId, number) => (current(), answers.get(`${packageId}\u0000${number}`)),
    async answer(packageId, number, head) {
      const before = current();
      const key = `${packageId}\u0000${number}`;
      const whole = answers.get(key);
      if (whole) return whole;
      const kept = heads.get(key);
      if (kept) {
        const content = (await row(contentSql, packageId, number))?.canonical_content;
        return typeof content === 'string' ? `${kept}${content}}` : null;
      }
      // Not kept: the row once, its content sent from the same read.
      const found = await row(versionSql, packageId, number);
      if (!found) return null;
      const version = versionFactsOf(found);
      const text = await head(version);
      const answer = `${text}${version.canonicalContent}}`;
      // Kept only when nothing was written while it was built: every read in `head` and the row
      // itself saw the database as of `before`, so the answer belongs to that stamp.
      if (current() !== before) return answer;
      // A character is at least one byte: past this the bytes cannot fit either.
      if (bytes + answer.length <= answerBound) {
        const encoded = answerBytes(text, version.canonicalContent);
        if (bytes + encoded.byteLength <= answerBound) {
          answers.set(key, encoded);
          bytes += encoded.byteLength;
          return encoded;
        }
      }
      if (characters + text.length <= headBound) {
        heads.set(key, text);
        characters += text.length;
      }
      return answer;
    },
  };
}

/**
 * `head + content + "}"` as UTF-8, each part encoded straight into the answer's bytes: the joined
 * text is never made flat first (a copy of the content's tens of kilobytes per answer kept: 0229).
 */
export function answerBytes(head: string, content: string): Uint8Array<ArrayBuffer> {
  const size = Buffer.byteLength(head) + Buffer.byteLength(content) + 1;
  const bytes = new Uint8Array(size);
  const headEnd = utf8.encodeInto(head, bytes).written;
  const contentEnd = headEnd + utf8.encodeInto(content, bytes.subarray(headEnd)).written;
  // Lone surrogates are where two encoders could count differently: then the plain encoding.
  if (contentEnd !== size - 1) return utf8.encode(`${head}${content}}`);
  bytes[contentEnd] = 0x7d; // }
  return bytes;
}

/** A package_versions row as the store maps it, but its section digests. */
export function versionFactsOf(row: Record<string, SQLOutputValue>): VersionResponseFacts {
  const text = (name: string): string => {
    const value = row[name];
    if (typeof value !== 'string') throw new Error(`package_versions.${name} is not text`);
    return value;
  };
  return { packageId: text('package_id'), number: Number(row.number), canonicalContent: text('canonical_content'), contentHash: text('content_hash'), submittedBy: text('submitted_by'), submittedAt: text('submitted_at') };
}
