// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '#domain/contracts/roles.ts';
import { sessionKeys } from '../features/auth/api/get-session.ts';
import { auditKeys, auditViewPageSize, newestCursor } from '../features/audit/api/audit-keys.ts';
import { auditPageQueryOptions } from '../features/audit/api/list-audit.ts';
import { prefetchAuditView } from './audit-loader.ts';

const signedIn = (roles: Role[]) => {
  const queryClient = new QueryClient();
  queryClient.setQueryData(sessionKeys.current(), { user: { id: 'usr_x', email: 'x@example.com', displayName: 'X', title: '', roles }, expiresAt: '2030-01-01T00:00:00.000Z', actingRoles: roles });
  return queryClient;
};
const enter = (queryClient: QueryClient, url: string) => prefetchAuditView(queryClient)({ request: new Request(url), params: {}, context: undefined } as unknown as LoaderFunctionArgs);
// Never answers: the loader must return without waiting for the page.
const requests = () => vi.fn((_input: RequestInfo | URL, _init?: RequestInit) => new Promise<Response>(() => undefined));

afterEach(() => vi.unstubAllGlobals());

describe('the /audit route loader', () => {
  it("asks for the view's first page at once, under the key the pager and the actor filter read, without waiting for it", async () => {
    const fetch = requests();
    vi.stubGlobal('fetch', fetch);
    const queryClient = signedIn(['committee']);
    await expect(enter(queryClient, 'http://localhost:3000/audit?action=session.login_succeeded')).resolves.toBeNull();
    expect(queryClient.getQueryCache().findAll({ queryKey: auditKeys.all })).toHaveLength(1);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const url = fetch.mock.calls[0]?.[0];
    expect(url instanceof URL ? url.href : '').toContain(`/api/audit?action=session.login_succeeded&beforeSeq=${newestCursor}&limit=${auditViewPageSize}`);
    expect(queryClient.getQueryState(auditPageQueryOptions({ action: 'session.login_succeeded' }, newestCursor, auditViewPageSize).queryKey)?.fetchStatus).toBe('fetching');
  });

  it('asks for nothing for someone who may not read the whole log (a refusal would be written to the log)', async () => {
    const fetch = requests();
    vi.stubGlobal('fetch', fetch);
    const queryClient = signedIn(['model_risk']);
    await expect(enter(queryClient, 'http://localhost:3000/audit')).resolves.toBeNull();
    expect(queryClient.getQueryCache().findAll({ queryKey: auditKeys.all })).toHaveLength(0);
    expect(fetch).not.toHaveBeenCalled();
  });
});
