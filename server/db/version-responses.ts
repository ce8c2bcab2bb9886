import type { VersionResponses } from '#api/store/packages.ts';
import type { StoredVersion } from '#api/store/store.ts';
import type { ChangeClock, SqliteRead } from './node-sqlite-dialect.ts';

// The version read route on SQLite (docs/decisions/0161): what the answer says beside the
// content (package, number, hash, submitter, answers, policy check) depends on rows that can
// change (a user's name, a policy re-check), so it is kept only while the change clock says
// the database has not changed, as coherent-cache.ts keeps rows; the first read after any write
// by this process or commit by another connection starts over. The content is never kept: it
// is read from its row on every call, as bytes (no string made of it, no encoding to send it),
// so a row changed behind the server's back is what the next read sends.

/**
 * Bound in bytes for the kept heads (a few hundred bytes to a few KB each: the answers
 * dominate). Once reached nothing more is admitted until the clock moves, so a round-robin over
 * more versions than fit still hits for those kept, where evicting the oldest would miss every time.
 */
export const maxHeadBytes = 16 * 1024 * 1024;

const contentSql = 'select canonical_content as content from package_versions where package_id = ? and number = ?';

export function sqliteVersionResponses(sqlite: { changes: ChangeClock; read: SqliteRead }, serialized: <T>(work: () => Promise<T>) => Promise<T>, findVersion: (packageId: string, number: number) => Promise<StoredVersion | null>, bound = maxHeadBytes): VersionResponses {
  const clock = sqlite.changes;
  let heads = new Map<string, string>();
  let bytes = 0;
  let validAt = clock.stamp();
  const current = (): number => {
    const now = clock.stamp();
    if (now !== validAt) {
      heads = new Map();
      bytes = 0;
      validAt = now;
    }
    return validAt;
  };
  const content = (packageId: string, number: number) =>
    serialized(() => {
      const value = sqlite.read(contentSql, [packageId, number])[0]?.content;
      return Promise.resolve(typeof value === 'string' ? value : null);
    });
  return {
    async answer(packageId, number, head) {
      const before = current();
      const key = `${packageId}\u0000${number}`;
      const kept = heads.get(key);
      if (kept) {
        const bytesNow = await content(packageId, number);
        return bytesNow === null ? null : `${kept}${bytesNow}}`;
      }
      // Not kept: the whole row once, its content sent from the same read.
      const version = await findVersion(packageId, number);
      if (!version) return null;
      const encoded = await head(version);
      // Kept only when nothing was written while it was built: every read in `head` saw the
      // database as of `before`, so the head belongs to that stamp.
      if (current() === before && bytes + encoded.length <= bound) {
        heads.set(key, encoded);
        bytes += encoded.length;
      }
      return `${encoded}${version.canonicalContent}}`;
    },
  };
}
