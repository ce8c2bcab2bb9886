import { queryOptions } from '@tanstack/react-query';
import { apiPath, routes } from '#api/routes.ts';
import { auditPageSchema, type AuditPage } from '#domain/contracts/audit.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { auditQueryParams, type AuditFilters } from '../audit-filters.ts';
import { auditKeys } from './audit-keys.ts';

/** GET /api/packages/{id}/audit: one page of the entries about a package (anyone who can see it). */
export function getPackageAuditPage(packageId: string, filters: AuditFilters, beforeSeq: number, limit: number, signal?: AbortSignal): Promise<AuditPage> {
  const query = auditQueryParams(filters);
  query.set('beforeSeq', String(beforeSeq));
  query.set('limit', String(limit));
  return apiFetch(`${apiPath(routes.listPackageAudit.path, { id: packageId })}?${query.toString()}`, { schema: auditPageSchema, ...(signal ? { signal } : {}) });
}

export function packageAuditPageQueryOptions(packageId: string, filters: AuditFilters, beforeSeq: number, limit: number) {
  return queryOptions({
    queryKey: auditKeys.page({ kind: 'package', packageId }, filters, beforeSeq, limit),
    queryFn: ({ signal }) => getPackageAuditPage(packageId, filters, beforeSeq, limit, signal),
    staleTime: 60_000,
    gcTime: 60_000,
  });
}
