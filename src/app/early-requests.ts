import type { QueryClient } from '@tanstack/react-query';
import { sessionQueryOptions } from '../features/auth/api/get-session.ts';
import { auditViewPageSize, newestCursor } from '../features/audit/api/audit-keys.ts';
import { auditPagePath } from '../features/audit/api/audit-page-path.ts';
import { mayOverseeAudit } from '../features/audit/audit-access.ts';
import { prefetchEarly } from '../lib/api-client.ts';
import { startEarlyPackageRequests } from './early-package-requests.ts';

/**
 * What the app asks for before its router exists, for the page it opens on. The router, once
 * made, asks at once for every chunk of the page's code (some twenty for /audit), and on
 * HTTP/1.1's six connections a request made after them waits for them: /audit's first page,
 * asked for by its route loader, went out ~300 ms after the main bundle had run though the
 * server answers it in tens of milliseconds (docs/decisions/0178). So the session is asked
 * for first and, for those who may read the whole log, the view's first page; the loader's
 * request then takes that answer (apiFetch, early-responses.ts). Only /audit without
 * filters: its first page is the slowest first request of any page (it counts the log), and
 * building its path needs no route table, so the main bundle does not grow. A package page
 * and the diff view ask for their versions here too (early-package-requests.ts).
 */
export async function startEarlyRequests(queryClient: QueryClient, url: URL, routed: AbortSignal = new AbortController().signal): Promise<void> {
  if (url.pathname !== '/audit') return startEarlyPackageRequests(url, routed);
  if (url.search !== '') return;
  // The frame's loader reads the same session from the cache: one request.
  const session = await queryClient.query({ ...sessionQueryOptions(), staleTime: 'static' });
  // Anyone else's request would be refused, and the refusal written to the log.
  if (session && mayOverseeAudit(session.user.roles)) prefetchEarly(auditPagePath(new URLSearchParams(), newestCursor, auditViewPageSize));
}
