import { diffSectionPairs } from '#domain/diff/package-diff.ts';
import { diffSection } from '#domain/diff/section-diff.ts';
import type { DiffProgress, DiffRequest, DiffShare, DiffShareReply } from './diff-protocol.ts';

/**
 * Diffs a package section by section, reporting each section as it is done. `pause` runs
 * between sections: nothing in a worker (it has its own thread), a yield to the event loop
 * where there is no worker, so the page stays responsive either way.
 */
export async function diffSections(request: DiffRequest, report: (progress: DiffProgress) => void, pause: () => Promise<void>, isCancelled: () => boolean): Promise<void> {
  const started = performance.now();
  const pairs = diffSectionPairs(request.before, request.after);
  report({ type: 'start', total: pairs.length });
  for (const [index, pair] of pairs.entries()) {
    if (isCancelled()) return;
    report({ type: 'section', index, diff: diffSection(pair.before, pair.after, request.bounds) });
    await pause();
  }
  report({ type: 'done', elapsedMs: performance.now() - started });
}

/** A worker's share compared, section by section, each posted as it is done (diff.worker.ts). */
export function compareShare({ pairs, bounds }: DiffShare, post: (reply: DiffShareReply) => void): void {
  try {
    for (const pair of pairs) post({ type: 'section', index: pair.index, diff: diffSection(pair.before, pair.after, bounds) });
    post({ type: 'finished' });
  } catch (error: unknown) {
    post({ type: 'error', message: error instanceof Error ? error.message : 'The comparison failed.' });
  }
}
