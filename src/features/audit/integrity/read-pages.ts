import { routes } from '#api/routes.ts';
import { auditPageSchema, type AuditEntryView, type AuditPage } from '#domain/contracts/audit.ts';
import type { FetchJson } from './fetch-json.ts';

/**
 * The log's entries after `afterSeq`, oldest first, a page at a time, up to `upTo` entries in
 * all when given. One page at a time, checked by the caller before the next is asked for.
 * Reading the next page while checking this one was tried: with the server on the same two
 * cores (the benchmark, a laptop demo) both slowed down, and the whole check took longer.
 */
export async function* auditPagesAfter(fetchJson: FetchJson, afterSeq: number, pageSize: number, upTo = Number.POSITIVE_INFINITY): AsyncGenerator<{ items: AuditEntryView[]; total: number }> {
  let read = 0;
  for (let cursor: number | null = afterSeq; cursor !== null && read < upTo; ) {
    const limit = Math.min(pageSize, upTo - read);
    const page: AuditPage = await fetchJson(`${routes.listAudit.path}?afterSeq=${cursor}&limit=${limit}`, auditPageSchema);
    read += page.items.length;
    yield { items: page.items, total: page.total };
    cursor = page.items.length === 0 ? null : page.nextAfterSeq;
  }
}
