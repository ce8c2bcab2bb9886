import { diffSections } from './diff-sections.ts';
import type { DiffProgress, DiffRequest } from './diff-protocol.ts';

// Runs the diff off the main thread: a large, heavily changed narrative can take jsdiff
// hundreds of milliseconds even within its bounds, and the page must keep scrolling.
// One request per worker; the page terminates it when the comparison is no longer wanted.

const post = (progress: DiffProgress) => self.postMessage(progress);

self.onmessage = (event: MessageEvent<DiffRequest>) => {
  diffSections(event.data, post, () => Promise.resolve(), () => false).catch((error: unknown) => {
    post({ type: 'error', message: error instanceof Error ? error.message : 'The comparison failed.' });
  });
};
