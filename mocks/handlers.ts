import { http } from 'msw';
import { handleApiRequest } from '#api/kernel/handle-request.ts';
import type { ApiDeps } from '#api/kernel/context.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import { readCookie, sessionCookieName } from '#api/kernel/cookies.ts';
import { createMemoryStore } from './memory-store.ts';
import { cheapPasswords } from './cheap-passwords.ts';

// MSW handlers that run the domain's own request pipeline over an in-memory store: the
// mocks answer exactly as the server does, because it is the same code (see the contract
// suite in tests/contract, which runs the same scenarios against both).

export const demoPassword = 'demo-password';

export interface MockApiOptions {
  /** Seed the demo accounts and packages (default true). */
  seed?: boolean;
  /** Sign this email in before the first request (component tests). */
  signedInAs?: string;
  /** Keep the session cookie like a browser would; jsdom's fetch does not (default true). */
  cookieJar?: boolean;
  now?: () => Date;
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

export function createMockApi(options: MockApiOptions = {}): MockApi {
  const store = createMemoryStore();
  const deps: ApiDeps = {
    store,
    passwords: cheapPasswords,
    now: options.now ?? (() => new Date()),
    randomToken,
    sessionTtlMs: 12 * 3_600_000,
    logError: (error) => {
      console.error('[mock api] unexpected error', error);
    },
  };
  let jar: string | null = null;
  const ready = (async () => {
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
    if (useJar && jar && !readCookie(request.headers.get('cookie'), sessionCookieName)) {
      const headers = new Headers(request.headers);
      headers.set('cookie', `${sessionCookieName}=${jar}`);
      outgoing = new Request(request, { headers });
    }
    const response = await handleApiRequest(outgoing, deps);
    if (useJar) {
      const set = response.headers.get('set-cookie');
      if (set) {
        const value = readCookie(set, sessionCookieName);
        jar = value && !/Max-Age=0/i.test(set) ? value : null;
      }
    }
    return response;
  });
  return { handlers: [handler], deps, ready };
}
