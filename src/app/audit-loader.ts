import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { sessionQueryOptions } from '../features/auth/api/get-session.ts';
import { auditViewPageSize, newestCursor } from '../features/audit/api/audit-keys.ts';
import { auditPageQueryOptions } from '../features/audit/api/list-audit.ts';
import { mayOverseeAudit } from '../features/audit/audit-access.ts';
import { parseAuditFilters } from '../features/audit/audit-filters.ts';

/**
 * Asks for /audit's first page the moment the route is entered, beside the page's code,
 * instead of after that code has loaded and rendered (on a million-entry log the first page
 * is the view's slowest request: it counts the log). The same request, through the same
 * cache, as the pager's first read and the actor filter's choices (useAuditActors). Only for
 * those who may read the whole log: anyone else's request would be refused, and the refusal
 * written to the log. Never blocks the navigation: the page shows its own loading and errors.
 */
export function prefetchAuditView(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    // The signed-in frame's loader asks for the session too: one request, from the cache.
    const session = await queryClient.query({ ...sessionQueryOptions(), staleTime: 'static' }).catch(() => null);
    if (!session || !mayOverseeAudit(session.user.roles)) return null;
    const filters = parseAuditFilters(new URL(request.url).searchParams);
    const { actor, ...others } = filters;
    void queryClient.query(auditPageQueryOptions(filters, newestCursor, auditViewPageSize)).catch(() => undefined);
    // With an actor filter, the choices come from the first page without it, at its smallest.
    if (actor !== undefined) void queryClient.query(auditPageQueryOptions(others, newestCursor, 1)).catch(() => undefined);
    return null;
  };
}
