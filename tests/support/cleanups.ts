import { afterEach } from 'vitest';

export type Defer = (cleanup: () => Promise<void> | void) => void;

/**
 * Undoes, after each test, what it set up (last first), so no test starts on another's
 * servers, connections or files. Returns the function a test hands its clean-ups to.
 */
export function cleanUpAfterEach(): Defer {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return (cleanup) => {
    cleanups.push(cleanup);
  };
}
