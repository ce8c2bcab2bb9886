import type { PackageSummariesStore, SummaryText } from '#api/store/package-summaries.ts';

// Inbox pages on PostgreSQL, one statement per distinct page asked during one turn of the event
// loop (decision record 0203). Under load many requests ask for the same page (the same filters,
// cursor and limit); each one was a statement, a pool checkout, a backend woken and the same rows
// decoded again. As pg-batched-reads.ts does for sessions, a caller is queued before the
// statement is sent (setImmediate), never joined to one already sent: under READ COMMITTED the
// statement then starts after every one of its callers asked, so none is answered from before
// it asked. The freshness check runs at the latest `now` of its callers: a row due at that
// instant but not at a caller's earlier one sends that caller to the refresh as well, which is
// what its next request would do; a page served is fresh at every caller's instant.
// Outside transactions only (a transaction reads its own writes): the store's direct reads.

type PageIfFresh = PackageSummariesStore['pageSummariesIfFresh'];
type PageQuery = Parameters<PageIfFresh>[0];

interface Waiting {
  query: PageQuery;
  now: string;
  waiters: { resolve: (page: SummaryText[] | null) => void; reject: (error: unknown) => void }[];
}

/** `read`, with the callers of one turn that ask for the same page answered by one call. */
export function coalescedPages(read: PageIfFresh): PageIfFresh {
  let pending: Map<string, Waiting> | null = null;
  const flush = (batch: Map<string, Waiting>) => {
    for (const { query, now, waiters } of batch.values()) {
      read(query, now).then(
        (page) => {
          // Shared by every caller of the batch: frozen, so no handler changes what another reads.
          const shared = page === null || waiters.length === 1 ? page : Object.freeze(page.map((row) => Object.freeze(row))) as SummaryText[];
          for (const waiter of waiters) waiter.resolve(shared);
        },
        (error: unknown) => {
          for (const waiter of waiters) waiter.reject(error);
        },
      );
    }
  };
  return (query, now) =>
    new Promise((resolve, reject) => {
      let batch = pending;
      if (batch === null) {
        const started = new Map<string, Waiting>();
        batch = pending = started;
        setImmediate(() => {
          pending = null;
          flush(started);
        });
      }
      // The query as the handler built it: the same filters in the same order give the same key
      // (another order only misses a share, never answers a different page).
      const key = JSON.stringify(query);
      const found = batch.get(key);
      if (!found) batch.set(key, { query, now, waiters: [{ resolve, reject }] });
      else {
        found.waiters.push({ resolve, reject });
        if (now > found.now) found.now = now;
      }
    });
}
