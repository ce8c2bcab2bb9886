import { http } from 'msw';
import { handleApiRequest, type ApiDeps, type Store } from '#api/index.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import { readCookie, sessionCookieName, sessionCookieNameFor } from '#api/kernel/cookies.ts';
import { openMemoryStore } from '#server/db/open-store.ts';
import { cheapPasswords } from './cheap-passwords.ts';

// MSW handlers that run the API's own request pipeline over the server's own store, on a
// SQLite database in memory: the mocks answer exactly as the server does, because it is the
// same code down to the SQL (the contract suite in tests/contract runs the same scenarios
// against the mocks, SQLite on disk and PostgreSQL).

export const demoPassword = 'demo-password';

export interface MockApiOptions {
  /** Seed the demo accounts and packages (default true). */
  seed?: boolean;
  /** Sign this email in before the first request (component tests). */
  signedInAs?: string;
  /** Keep the session cookie like a browser would; jsdom's fetch does not (default true). */
  cookieJar?: boolean;
  now?: () => Date;
  /** The monitoring alert intake's secret, as MONITORING_WEBHOOK_SECRET gives it to the server. */
  monitoring?: ApiDeps['monitoring'];
  /** Mail as SMTP_HOST turns it on (contract scenarios of set-password links): messages are queued in the outbox, nobody sends them. */
  mail?: ApiDeps['mail'];
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export interface MockApi {
  handlers: ReturnType<typeof http.all>[];
  deps: ApiDeps;
  ready: Promise<void>;
}

/** Stands in until the database in memory is open: `await api.ready` before using deps.store. */
const storeNotReady = new Proxy({} as Store, {
  get() {
    throw new Error('The mock API is not ready: await api.ready first.');
  },
});

export function createMockApi(options: MockApiOptions = {}): MockApi {
  const deps: ApiDeps = {
    store: storeNotReady,
    passwords: cheapPasswords,
    now: options.now ?? (() => new Date()),
    randomToken,
    sessionTtlMs: 12 * 3_600_000,
    ...(options.monitoring === undefined ? {} : { monitoring: options.monitoring }),
    ...(options.mail === undefined ? {} : { mail: options.mail }),
    logError: (error) => {
      console.error('[mock api] unexpected error', error);
    },
  };
  let jar: string | null = null;
  const ready = (async () => {
    deps.store = await openMemoryStore();
    const store = deps.store;
    if (options.seed !== false) await seedDemo(store, { password: demoPassword, passwords: cheapPasswords, now: deps.now(), randomToken });
    if (options.signedInAs) {
      const response = await handleApiRequest(
        new Request('http://mock.local/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: options.signedInAs, password: demoPassword }) }),
        deps,
      );
      if (response.status !== 200) throw new Error(`Mock sign-in as ${options.signedInAs} failed with ${response.status}`);
      jar = readCookie(response.headers.get('set-cookie'), sessionCookieName);
    }
  })();

  const useJar = options.cookieJar !== false;
  const handler = http.all('*/api/*', async ({ request }) => {
    await ready;
    let outgoing = request;
    // The kernel names the cookie by the origin's scheme (__Host- over https, as on a hosted demo).
    const cookieName = sessionCookieNameFor(new URL(request.url).protocol === 'https:');
    if (useJar && jar && !readCookie(request.headers.get('cookie'), cookieName)) {
      const headers = new Headers(request.headers);
      headers.set('cookie', `${cookieName}=${jar}`);
      outgoing = new Request(request, { headers });
    }
    const response = await handleApiRequest(outgoing, deps);
    if (useJar) {
      const set = response.headers.get('set-cookie');
      if (set) {
        const value = readCookie(set, cookieName);
        jar = value && !/Max-Age=0/i.test(set) ? value : null;
      }
    }
    return response;
  });
  return { handlers: [handler], deps, ready };
}
