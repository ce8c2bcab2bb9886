// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '#domain/contracts/roles.ts';
import { auditViewPageSize, newestCursor } from '../features/audit/api/audit-keys.ts';
import { getAuditPage } from '../features/audit/api/list-audit.ts';
import { startEarlyRequests } from './early-requests.ts';

const session = (roles: Role[]) => ({ user: { id: 'usr_x', email: 'x@example.com', displayName: 'X', title: '', roles }, expiresAt: '2030-01-01T00:00:00.000Z', actingRoles: roles });
const auditPage = { items: [], actors: [], total: 0, nextAfterSeq: null, logSize: 0 };

/** A fetch answering the session as `roles` (null: nobody signed in) and the audit page; records what was asked. */
function stubApi(roles: Role[] | null) {
  const asked: string[] = [];
  const fetch = vi.fn((input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    asked.push(url.pathname + url.search);
    const body = url.pathname === '/api/session' ? (roles === null ? { user: null } : session(roles)) : auditPage;
    return Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
  });
  vi.stubGlobal('fetch', fetch);
  return asked;
}

const firstPage = `/api/audit?beforeSeq=${newestCursor}&limit=${auditViewPageSize}`;

afterEach(() => vi.unstubAllGlobals());

describe('the requests made before the router exists', () => {
  it("ask for /audit's first page once the session says the reader may read the whole log, and the page's own request takes that answer", async () => {
    const asked = stubApi(['committee']);
    await startEarlyRequests(new QueryClient(), new URL('http://localhost:3000/audit'));
    expect(asked).toEqual(['/api/session', firstPage]);
    // The pager's (and the route loader's) request: no second request to the server.
    await expect(getAuditPage({}, newestCursor, auditViewPageSize)).resolves.toMatchObject({ total: 0 });
    expect(asked).toEqual(['/api/session', firstPage]);
  });

  it('ask for no audit page for someone who may not read the whole log, or nobody signed in (a refusal would be written to the log)', async () => {
    for (const roles of [['model_risk'] satisfies Role[], null]) {
      const asked = stubApi(roles);
      await startEarlyRequests(new QueryClient(), new URL('http://localhost:3000/audit'));
      expect(asked).toEqual(['/api/session']);
    }
  });

  it('ask for nothing on other pages, or on /audit with filters (the route loader asks for those)', async () => {
    const asked = stubApi(['committee']);
    await startEarlyRequests(new QueryClient(), new URL('http://localhost:3000/'));
    await startEarlyRequests(new QueryClient(), new URL('http://localhost:3000/audit?action=session.login_succeeded'));
    await startEarlyRequests(new QueryClient(), new URL('http://localhost:3000/packages/pkg_1/record'));
    expect(asked).toEqual([]);
  });
});
