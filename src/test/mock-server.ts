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
  // side on two cores beside the e2e lane: a first render can take longer than Testing
  // Library's default second (over 5 s at load 10, as a CI run showed).
  configure({ asyncUtilTimeout: 10_000 });
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    cleanup();
    for (const teardown of teardowns.splice(0)) teardown();
    server.resetHandlers();
  });
  afterAll(() => server.close());
}
