import { compareShare } from './diff-sections.ts';
import type { DiffShare, DiffShareReply } from './diff-protocol.ts';

// Runs the diff off the main thread: a large, heavily changed narrative can take jsdiff
// hundreds of milliseconds even within its bounds, and the page must keep scrolling.
// One share per worker (diff-pool.ts); the page terminates it when the comparison is no
// longer wanted.

self.onmessage = (event: MessageEvent<DiffShare>) => compareShare(event.data, (reply: DiffShareReply) => self.postMessage(reply));
