import type { BrowserContext } from '@playwright/test';

// Every wait of the browser benches on the page has a bound (decision record 0235). Playwright
// bounds its own waits (goto, locators, waitForFunction) by the context's default timeout, but
// page.evaluate, a handle's jsonValue and a response's body wait as long as the page takes: a
// page that stops answering (a frame never painted under heavy load) held the browser group for
// fifteen minutes twice. A bound that runs out fails the run, naming the wait; it never passes.

/** Playwright's own waits in a bench context: goto, locators, waitForFunction without a timeout of their own. */
export const pageWaitMs = 60_000;

/** A script in the page that only reads (a probe, the clock): it answers at once unless the page is stuck. */
export const readWaitMs = 30_000;

export class BenchWaitTimeout extends Error {
  constructor(what: string, ms: number) {
    super(`Bench: ${what} did not finish within ${ms / 1000} s; the page stopped answering (the run fails rather than hang).`);
    this.name = 'BenchWaitTimeout';
  }
}

/** `work`, or a BenchWaitTimeout naming `what` once `ms` have passed first. */
export async function within<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BenchWaitTimeout(what, ms)), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Sets the bound of Playwright's own waits in `context`, so none rests on a library default. */
export function boundPageWaits<C extends BrowserContext>(context: C): C {
  context.setDefaultTimeout(pageWaitMs);
  context.setDefaultNavigationTimeout(pageWaitMs);
  return context;
}
