import type { SQLOutputValue } from 'node:sqlite';
import type { VersionResponseFacts, VersionResponses } from '#api/store/packages.ts';
import type { ChangeClock, SqliteRead } from './node-sqlite-dialect.ts';

// The version read route on SQLite (docs/decisions/0161): what the answer says beside the
// content (package, number, hash, submitter, answers, policy check) depends on rows that can
// change (a user's name, a policy re-check), so its JSON text is kept only while the change
// clock says the database has not changed, as coherent-cache.ts keeps rows; the first read after
// any write by this process or commit by another connection starts over. The content is never
// kept: it is read from its row on every call, so a row changed behind the server's back is what
// the next read sends (and, beside a kept hash, fails its check in the browser).

/**
 * Bound in characters for the kept heads (a few hundred to a few thousand each: the answers
 * dominate). Once reached nothing more is admitted until the clock moves, so a round-robin over
 * more versions than fit still hits for those kept, where evicting the oldest would miss every time.
 */
export const maxHeadCharacters = 16 * 1024 * 1024;

const contentSql = 'select canonical_content from package_versions where package_id = ? and number = ?';
// The row but its section digests, which the answer does not carry (no JSON.parse of them per miss).
const versionSql = 'select package_id, number, canonical_content, content_hash, submitted_by, submitted_at from package_versions where package_id = ? and number = ?';

export function sqliteVersionResponses(sqlite: { changes: ChangeClock; read: SqliteRead }, serialized: <T>(work: () => Promise<T>) => Promise<T>, bound = maxHeadCharacters): VersionResponses {
  const clock = sqlite.changes;
  let heads = new Map<string, string>();
  let characters = 0;
  let validAt = clock.stamp();
  const current = (): number => {
    const now = clock.stamp();
    if (now !== validAt) {
      heads = new Map();
      characters = 0;
      validAt = now;
    }
    return validAt;
  };
  const row = (sql: string, packageId: string, number: number) => serialized(() => Promise.resolve(sqlite.read(sql, [packageId, number])[0]));
  return {
    async answer(packageId, number, head) {
      const before = current();
      const key = `${packageId}\u0000${number}`;
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
      // Kept only when nothing was written while it was built: every read in `head` saw the
      // database as of `before`, so the head belongs to that stamp.
      if (current() === before && characters + text.length <= bound) {
        heads.set(key, text);
        characters += text.length;
      }
      return `${text}${version.canonicalContent}}`;
    },
  };
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
