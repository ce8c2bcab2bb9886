import { describe, expect, it } from 'vitest';
import { inboxTabIds, packageListSchema, type InboxTabId, type PackageList } from '#domain/contracts/packages.ts';
import { readCookie, sessionCookieName } from '#api/kernel/cookies.ts';
import { createMockApi, demoPassword } from '#mocks/handlers.ts';
import { handleApiRequest, type Store } from '#api/index.ts';

// The inbox list answered from the packages' facts in memory (when the summary table cannot be
// written back: another connection holds SQLite's write lock) selects, orders, pages and counts
// exactly as the SQL over the summary table does, for every tab and every kind of user.

const locked = new Error('database is locked');

/** The store, except that refreshing the summaries fails as a held write lock does while `failing.now`. */
function lockable(store: Store, failing: { now: boolean; refused: number }): Store {
  return new Proxy(store, {
    get(target, key) {
      if (key === 'listSummariesToRefresh' && failing.now)
        return () => {
          failing.refused += 1;
          return Promise.reject(locked);
        };
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('the inbox list answered from the facts in memory', () => {
  it('equals the SQL answer for every tab, page by page, with the same total', async () => {
    const api = createMockApi();
    await api.ready;
    const failing = { now: false, refused: 0 };
    const deps = { ...api.deps, store: lockable(api.deps.store, failing), isUnavailable: (error: unknown) => error === locked };
    const call = (path: string, init: RequestInit = {}) => handleApiRequest(new Request(`http://mock.local${path}`, init), deps);

    const everyPage = async (cookie: string, tab: InboxTabId): Promise<{ pages: PackageList[]; refusedBefore: number }> => {
      const refusedBefore = failing.refused;
      const pages: PackageList[] = [];
      let cursor: string | null = null;
      do {
        const query = new URLSearchParams({ tab, limit: '3', count: 'true', ...(cursor ? { cursor } : {}) });
        const reply = await call(`/api/packages?${query}`, { headers: { cookie: `${sessionCookieName}=${cookie}` } });
        expect(reply.status).toBe(200);
        const page = packageListSchema.parse(await reply.json());
        pages.push(page);
        cursor = page.nextCursor;
      } while (cursor);
      return { pages, refusedBefore };
    };

    // Dana acts for Tomás, who set the demo packages' tiers, in model risk: her awaiting tab leaves
    // out what she could sign only as his delegate (0186), in SQL and from the facts alike.
    const now = Date.now();
    await api.deps.store.insertDelegation({ id: 'dlg_fallback', role: 'model_risk', delegatorId: 'usr_risk_tiering', delegateId: 'usr_fair_lending', startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 86_400_000).toISOString(), reason: 'Leave', createdBy: 'usr_risk_tiering', createdAt: new Date(now - 60_000).toISOString() });
    const danas = new Map<InboxTabId, PackageList['items']>();

    const found = new Map<InboxTabId, number>();
    for (const email of ['owner@example.com', 'model-risk@example.com', 'privacy@example.com', 'committee@example.com', 'admin@example.com', 'fair-lending@example.com']) {
      const session = await call('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: demoPassword }) });
      expect(session.status).toBe(200);
      const cookie = readCookie(session.headers.get('set-cookie'), sessionCookieName) ?? '';
      for (const tab of inboxTabIds) {
        failing.now = false;
        const bySql = (await everyPage(cookie, tab)).pages;
        failing.now = true;
        const fromFacts = await everyPage(cookie, tab);
        // Every page of it was answered from the facts: the write-back was refused each time.
        expect(failing.refused - fromFacts.refusedBefore, `${email} ${tab}`).toBe(fromFacts.pages.length);
        expect(fromFacts.pages, `${email} ${tab}`).toEqual(bySql);
        found.set(tab, (found.get(tab) ?? 0) + (bySql[0]?.total ?? 0));
        if (email === 'fair-lending@example.com') danas.set(tab, bySql.flatMap((page) => page.items));
      }
    }
    const actsForTomas = (p: PackageList['items'][number]) => p.currentStep?.role === 'model_risk' && p.turn.party === 'reviewer' && (p.tierSetBy ?? []).includes('usr_risk_tiering');
    expect(danas.get('awaiting')?.filter(actsForTomas)).toEqual([]);
    expect(danas.get('waiting')?.filter(actsForTomas).length).toBeGreaterThan(0);
    // The demo has packages under every tab for one of these people, so no comparison is of two empty lists only.
    for (const tab of inboxTabIds) expect(found.get(tab), tab).toBeGreaterThan(0);
  });
});
