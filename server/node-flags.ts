import { fileURLToPath } from 'node:url';

/**
 * The V8 flags every start of the server passes to Node (`npm start`, `npm run
 * start:production`, the bench's and the integration tests' server processes): they can only be
 * given on the command line (or in NODE_OPTIONS), never from inside the running process
 * (decision records 0147, 0179, 0184).
 *
 * `--max-semi-space-size=16` holds V8's young generation to 32 MB (two 16 MB semi-spaces)
 * instead of the 128 MB V8 grows it to for throughput after the first burst of allocation and
 * then keeps: at 10,000 packages that was the largest part of the server's resident memory
 * that did not follow the inventory or the caches.
 *
 * `--heap-growing-percent=50` lets the old generation grow to 1.5 times what the last full
 * collection left live before the next one, where V8 picks a factor of 1.1 to 4 from its
 * allocation rate: under a load of inbox pages on PostgreSQL it let old garbage reach 410 MB
 * resident against 250 to 270 MB with this flag (decision record 0200). A growth factor, not a
 * limit: a larger live set still gets the heap it needs (no out-of-memory crash, 0184).
 */
const heapFlags = ['--max-semi-space-size=16', '--heap-growing-percent=50'];

/**
 * `--import` of `server/compile-cache.js` turns on Node's compile cache before the first module is
 * loaded, so a start with unchanged sources never loads the TypeScript stripper: about 17 MB
 * resident for the life of the process (decision record 0233). The start scripts name it from
 * the project's root; the bench's and the tests' server processes by its path in this checkout,
 * since they may start from another build's folder.
 */
export const startScriptFlags: readonly string[] = [...heapFlags, '--import=./server/compile-cache.js'];
export const serverNodeFlags: readonly string[] = [...heapFlags, `--import=${fileURLToPath(new URL('compile-cache.js', import.meta.url))}`];

/** The old generation's growth factor with these flags (what the test checks). */
export const oldGenerationGrowth = 1.5;

/** The most the young generation may hold with these flags, in MB (what the test checks). */
export const youngGenerationBoundMb = 32;
