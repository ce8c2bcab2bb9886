import { queryOptions } from '@tanstack/react-query';
import { auditPageSchema, type AuditPage } from '#domain/contracts/audit.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { auditQueryParams, type AuditFilters } from '../audit-filters.ts';
import { auditKeys } from './audit-keys.ts';
import { auditPagePath } from './audit-page-path.ts';

/** GET /api/audit: one page of the whole log (committee and administrators), newest first. */
export function getAuditPage(filters: AuditFilters, beforeSeq: number, limit: number, signal?: AbortSignal): Promise<AuditPage> {
  return apiFetch(auditPagePath(auditQueryParams(filters), beforeSeq, limit), { schema: auditPageSchema, ...(signal ? { signal } : {}) });
}

export function auditPageQueryOptions(filters: AuditFilters, beforeSeq: number, limit: number) {
  return queryOptions({
    queryKey: auditKeys.page({ kind: 'global' }, filters, beforeSeq, limit),
    queryFn: ({ signal }) => getAuditPage(filters, beforeSeq, limit, signal),
    // Entries never change once written; a page is only missing what came after it.
    staleTime: 60_000,
    // Pages scrolled past are dropped soon: a 100,000-entry log is tens of megabytes.
    gcTime: 60_000,
  });
}
