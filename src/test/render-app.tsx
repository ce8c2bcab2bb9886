import { render } from '@testing-library/react';
import type { RequestHandler } from 'msw';
import { userEvent } from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { createMockApi, type MockApi } from '#mocks/handlers.ts';
import { App } from '../app/app.tsx';
import { createClientApp } from '../app/create-client-app.ts';
import { onTeardown, server } from './mock-server.ts';

interface Options {
  /** Start signed in as this demo account. */
  signedInAs?: string;
  /** Handlers tried before the mock API's, to stage failures. */
  overrides?: RequestHandler[];
  /** Seed the demo accounts and packages (default true); false is a production start's empty database. */
  seed?: boolean;
  /**
   * Runs against the ready mock API before the app renders: state that a test needs in the
   * store. A path it returns is opened instead of `path` (for ids the store chose).
   */
  prepare?: ((api: MockApi) => Promise<void>) | ((api: MockApi) => Promise<string>);
}

/**
 * The whole app (routes, loaders, cache) at `path`, against a freshly seeded mock API, as
 * the browser would run it but with a memory router.
 */
export async function renderApp(path: string, { signedInAs, overrides = [], seed = true, prepare }: Options = {}) {
  const api = createMockApi({ seed, ...(signedInAs ? { signedInAs } : {}) });
  server.resetHandlers(...overrides, ...api.handlers);
  await api.ready;
  const preparedPath = await prepare?.(api);
  // index.html sets it; axe checks it.
  document.documentElement.lang = 'en';
  const app = createClientApp((routes) => createMemoryRouter(routes, { initialEntries: [typeof preparedPath === 'string' ? preparedPath : path] }), { retries: 0 });
  onTeardown(() => app.queryClient.clear());
  const user = userEvent.setup();
  const view = render(<App {...app} />);
  return { ...view, ...app, user, api };
}
