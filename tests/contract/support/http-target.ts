import type { Target } from './client.ts';

/**
 * The contract suite's Target over real HTTP: each request goes to a server listening at
 * `base` (http://localhost:<port>), such as a server process the test starts and kills.
 */
export function httpTarget(base: string): Target {
  return {
    fetch: (request) => {
      const url = new URL(request.url);
      return fetch(new Request(base + url.pathname + url.search, request));
    },
    close: () => Promise.resolve(),
    store: undefined as never, // not used: this target only speaks HTTP
    advanceClock: () => undefined,
  };
}
