interface YieldingScheduler {
  yield: () => Promise<void>;
}

/**
 * Resolves in a later task of the page's thread, so that the browser can paint and handle input
 * between two pieces of work that would otherwise make one long task. `scheduler.yield()` where
 * the browser has it (its continuation runs before other queued work); a zero timeout elsewhere.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
