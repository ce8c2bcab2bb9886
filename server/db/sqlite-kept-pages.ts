import type { PackageSummariesStore, SummaryText } from '#api/store/package-summaries.ts';
import type { ChangeClock } from './node-sqlite-dialect.ts';

// Inbox pages on SQLite kept under the change clock (decision record 0209). A page is what
// `pageSummariesIfFresh` answers: the summaries' stored text when no row is stale and none is
// past its `valid_until`. Both depend only on the database and the instant asked: at one stamp of
// the clock (nothing written by this process, nothing committed by another connection) no row
// can become stale, and the first row to fall due is the smallest `valid_until`, read once per
// stamp. So a page kept at a stamp, asked again at that stamp before that instant, is the page
// the two statements would read, and it is answered without them. At or past that instant, or
// once the clock moved, the page is read again, and a refresh follows as before (0129, 0189).
// Like everything SQLite keeps under the clock (coherent-cache.ts), it serves nothing a
// tampering commit changed: that commit moves the clock before the next request is answered.

type PageIfFresh = PackageSummariesStore['pageSummariesIfFresh'];

/**
 * Bound on the kept pages' JSON text, in characters: a page of 50 summaries is about 35,000, so
 * a few hundred distinct pages (filters, cursors, owners) per stamp. Once reached nothing more is
 * kept until the clock moves.
 */
export const maxPageCharacters = 8 * 1024 * 1024;

/**
 * `read` (the store's direct page read) and `firstDue` (the smallest `valid_until`, null when no
 * row has one), both run inside `serialized`, so that no transaction of this connection is open
 * while they read and nothing is written between them.
 */
export function sqliteKeptPages(clock: ChangeClock, serialized: <T>(work: () => Promise<T>) => Promise<T>, read: PageIfFresh, firstDue: () => Promise<string | null>, bound = maxPageCharacters): PageIfFresh {
  let validAt = clock.stamp();
  let pages = new Map<string, readonly SummaryText[]>();
  let characters = 0;
  /** The first instant a row falls due at `validAt`: undefined until read, null when none ever does. */
  let dueAt: string | null | undefined;
  return (query, now) =>
    serialized(async () => {
      const stamp = clock.stamp();
      if (stamp !== validAt) {
        validAt = stamp;
        pages = new Map();
        characters = 0;
        dueAt = undefined;
      }
      // The query as the handler built it: the same filters in the same order give the same key.
      const key = JSON.stringify(query);
      const kept = pages.get(key);
      if (kept && dueAt !== undefined && (dueAt === null || now < dueAt)) return kept as SummaryText[];
      const page = await read(query, now);
      if (page === null) return null;
      dueAt ??= await firstDue();
      // Nothing is written inside this section, but another connection's commit may have been
      // seen by a statement above: then the page belongs to the new stamp, not to `validAt`.
      if (clock.stamp() !== validAt) return page;
      const size = page.reduce((sum, row) => sum + row.json.length, 0);
      if (characters + size <= bound) {
        // Shared by every later caller: frozen, so no handler changes what another reads.
        pages.set(key, Object.freeze(page.map((row) => Object.freeze(row))));
        characters += size;
      }
      return page;
    });
}
