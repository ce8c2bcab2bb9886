import type { QueryClient } from '@tanstack/react-query';
import { sessionQueryOptions } from '../features/auth/api/get-session.ts';
import { auditViewPageSize, newestCursor } from '../features/audit/api/audit-keys.ts';
import { auditPagePath } from '../features/audit/api/audit-page-path.ts';
import { mayOverseeAudit } from '../features/audit/audit-access.ts';
import { prefetchEarly } from '../lib/api-client.ts';
import { startEarlyPackageRequests } from './early-package-requests.ts';

/**
 * What the app asks for before its router exists, for the page it opens on; the router is
 * made once this resolves (or after a quarter of a second). /audit's first page is the
 * slowest first request of any page (it counts the log), and building its path needs no
 * route table, so the main bundle does not grow: for those who may read the whole log it is
 * asked for here, and the loader's request takes that answer (apiFetch, early-responses.ts;
 * docs/decisions/0178). A package page and the diff view ask for their versions here too
 * (early-package-requests.ts).
 *
 * /audit does not hold the router for the session's answer (docs/decisions/0224): its chunks
 * are named in the HTML (server/routes/route-preloads.ts), so the router asks for none that
 * would queue ahead of the first page, and its code is evaluated while the session is read.
 */
export function startEarlyRequests(queryClient: QueryClient, url: URL, routed: AbortSignal = new AbortController().signal): Promise<void> {
  if (url.pathname !== '/audit') return startEarlyPackageRequests(url, routed);
  if (url.search === '') void askForAuditFirstPage(queryClient);
  return Promise.resolve();
}

/**
 * The session, then /audit's first page if the reader may read the whole log. Asked before
 * the router's loaders ask for the session, so this goes on first when the answer comes, and
 * the loader's request of the page finds this one made.
 */
export async function askForAuditFirstPage(queryClient: QueryClient): Promise<void> {
  // The frame's loader reads the same session from the cache: one request.
  const session = await queryClient.query({ ...sessionQueryOptions(), staleTime: 'static' }).catch(() => null);
  // Anyone else's request would be refused, and the refusal written to the log.
  if (session && mayOverseeAudit(session.user.roles)) prefetchEarly(auditPagePath(new URLSearchParams(), newestCursor, auditViewPageSize));
}
