import type { AuditChainLine } from '#domain/contracts/audit.ts';
import type { StoredAuditEntry, StoreTx } from '../store/store.ts';
import { auditPageSize } from './entry-views.ts';

// GET /api/audit/chain: the log as the integrity check needs it, one NDJSON line per entry,
// streamed. Each line is the row as stored (what its hash covers), with no names to look up,
// no count and no JSON to parse on the server; a page of rows is read when the reader has
// taken the one before (a pull stream: a slow reader holds the server to its pace, with one
// page read ahead), so a million entries never sit in the server's memory at once.

const encoder = new TextEncoder();

function lineOf(row: StoredAuditEntry): string {
  const line: AuditChainLine = { seq: row.seq, at: row.at, actorId: row.actorId, action: row.action, subject: row.subject, beforeJson: row.beforeJson, afterJson: row.afterJson, prevHash: row.prevHash, entryHash: row.entryHash };
  return `${JSON.stringify(line)}\n`;
}

/** The entries after `afterSeq`, oldest first, `limit` at most (all when undefined), as NDJSON bytes. */
export function auditChainStream(store: Pick<StoreTx, 'listAuditEntries'>, afterSeq: number, limit: number | undefined): ReadableStream<Uint8Array<ArrayBuffer>> {
  let after = afterSeq;
  let left = limit ?? Number.POSITIVE_INFINITY;
  return new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      async pull(controller) {
        const wanted = Math.min(auditPageSize, left);
        const rows = await store.listAuditEntries({}, after, wanted);
        if (rows.length > 0) {
          controller.enqueue(encoder.encode(rows.map(lineOf).join('')));
          after = rows[rows.length - 1]?.seq ?? after;
          left -= rows.length;
        }
        if (rows.length < wanted || left <= 0) controller.close();
      },
    },
    { highWaterMark: 1 },
  );
}
