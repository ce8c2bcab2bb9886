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
 */
export const serverNodeFlags: readonly string[] = ['--max-semi-space-size=16'];

/** The most the young generation may hold with these flags, in MB (what the test checks). */
export const youngGenerationBoundMb = 32;
