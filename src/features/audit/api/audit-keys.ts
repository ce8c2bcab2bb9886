import type { AuditFilters } from '../audit-filters.ts';

/** The cursor of a view's first page, newest first: below every seq there is. */
export const newestCursor = Number.MAX_SAFE_INTEGER;

/** Rows per request while a view scrolls: a screenful many times over, read in a few milliseconds. */
export const auditViewPageSize = 200;

/** Which log a view shows: the whole of it, or the entries about one package. */
export type AuditSource = { kind: 'global' } | { kind: 'package'; packageId: string };

/**
 * Query keys for the audit log. Pages are keyed by the request that reads them (filters,
 * cursor, size), so a view opened again, or reached with Back, reads them from the cache.
 */
export const auditKeys = {
  all: ['audit'] as const,
  pages: (source: AuditSource) => [...auditKeys.all, 'pages', source.kind === 'global' ? 'global' : source.packageId] as const,
  page: (source: AuditSource, filters: AuditFilters, beforeSeq: number, limit: number) => [...auditKeys.pages(source), filters, beforeSeq, limit] as const,
  /** The server's verdict on the whole log. */
  verdict: () => [...auditKeys.all, 'verdict'] as const,
};
