import type { StoreTx } from '../store/store.ts';
import { auditPageSize } from './entry-views.ts';

// GET /api/audit/chain: the log as the integrity check needs it, one NDJSON line per entry,
// streamed. Each line is the row as stored (what its hash covers), with no names to look up,
// no count and no JSON to parse on the server; a page of rows is read when the reader has
// taken the one before (a pull stream: a slow reader holds the server to its pace, with one
// page read ahead), so a million entries never sit in the server's memory at once. The store
// writes each page's lines itself (on SQLite, in SQL: docs/decisions/0151).

const encoder = new TextEncoder();

/** The entries after `afterSeq`, oldest first, `limit` at most (all when undefined), as NDJSON bytes. */
export function auditChainStream(store: Pick<StoreTx, 'readAuditChainLines'>, afterSeq: number, limit: number | undefined): ReadableStream<Uint8Array<ArrayBuffer>> {
  let after = afterSeq;
  let left = limit ?? Number.POSITIVE_INFINITY;
  return new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      async pull(controller) {
        const wanted = Math.min(auditPageSize, left);
        const page = await store.readAuditChainLines(after, wanted);
        if (page.count > 0) {
          controller.enqueue(encoder.encode(page.text));
          after = page.lastSeq;
          left -= page.count;
        }
        if (page.count < wanted || left <= 0) controller.close();
      },
    },
    { highWaterMark: 1 },
  );
}
