import { cleanup, configure } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

// One MSW server per test file; each test installs the handlers of its own fresh mock API
// (fresh in-memory database), so no test sees another's sign-ins or changes.
export const server = setupServer();

const teardowns: (() => void)[] = [];

/** Runs after the test's rendering is torn down, before the next test starts. */
export function onTeardown(teardown: () => void): void {
  teardowns.push(teardown);
}

export function setupMockServer(): void {
  // The app loads its routes and the package view on demand, and CI runs test files side by
  // side on two cores beside two other lanes: a first render took 7.7 s at load 15, and a
  // 10 s bound failed a CI run ("Review bar" not found, section-review.test.tsx). Like the
  // unit project's 30 s per test, this is a hang guard, not a speed check: the element awaited
  // is the event, and the bound sits just under the test's own so its message comes first.
  configure({ asyncUtilTimeout: 25_000 });
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    cleanup();
    for (const teardown of teardowns.splice(0)) teardown();
    server.resetHandlers();
  });
  afterAll(() => server.close());
}
