import { startTransition, useEffect, useRef, useState } from 'react';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { defaultDiffBounds, type SectionDiff } from '#domain/diff/types.ts';
import { openDiffPool, type DiffPool } from './diff-pool.ts';

export interface DiffRun {
  /** Sections in display order; a hole until that section is compared. */
  sections: readonly (SectionDiff | undefined)[];
  total: number | null;
  compared: number;
  done: boolean;
  elapsedMs: number | null;
  error: string | null;
}

const initial: DiffRun = { sections: [], total: null, compared: 0, done: false, elapsedMs: null, error: null };

/**
 * How soon results reach React after the first section of a batch arrives: sections can arrive
 * hundreds of times a second. The first render comes soon, so the first sections show; each
 * later one waits twice as long, up to a ceiling, because every render re-lays the whole list
 * on the page's thread, which on two cores is the diff workers' thread too (decision 0212).
 */
export function flushDelayMs(flushesSoFar: number): number {
  return Math.min(50 * 2 ** flushesSoFar, 400);
}

/**
 * Compares two versions section by section off the main thread. The caller keys the
 * component by the pair compared, so a new pair starts from a clean state. The workers are
 * started on mount, before the versions are in, so that loading them is not on the way to
 * the first result.
 */
export function usePackageDiff(before: PackageContent | undefined, after: PackageContent | undefined): DiffRun {
  const [run, setRun] = useState<DiffRun>(initial);
  // Workers started ahead of the versions, not yet given a comparison.
  const ready = useRef<DiffPool | null>(null);
  useEffect(() => {
    ready.current ??= openDiffPool();
    return () => {
      ready.current?.close();
      ready.current = null;
    };
  }, []);
  useEffect(() => {
    if (!before || !after) return;
    // A pool runs one comparison: the one started on mount, or a new one for versions that changed since.
    const workers = ready.current ?? openDiffPool();
    ready.current = null;
    let pending: DiffRun = initial;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    // Renders of sections arrived, which space out (flushDelayMs); the start and the end render at once.
    let batches = 0;
    const flush = () => {
      timer = null;
      const next = pending;
      // A transition: React renders the arriving blocks in slices of a few milliseconds and
      // yields between them. Rendered at once, a batch whose blocks' Markdown is parsed as they
      // render held the page's thread for 36–52 ms (decisions 0215, 0220).
      startTransition(() => setRun(next));
    };
    const flushBatch = () => {
      batches += 1;
      flush();
    };
    const schedule = (now: boolean) => {
      if (stopped) return;
      if (now) {
        if (timer) clearTimeout(timer);
        flush();
      } else timer ??= setTimeout(flushBatch, flushDelayMs(batches));
    };
    workers.run({ before, after, bounds: { ...defaultDiffBounds, markdownBlocks: 'only' } }, (progress) => {
      switch (progress.type) {
        case 'start':
          pending = { ...pending, total: progress.total, sections: Array.from({ length: progress.total }, () => undefined) };
          return schedule(true);
        case 'section': {
          const sections = pending.sections.slice();
          sections[progress.index] = progress.diff;
          pending = { ...pending, sections, compared: pending.compared + 1 };
          return schedule(false);
        }
        case 'done':
          // A mark the benchmark (and the browser's performance panel) can read.
          performance.mark('package-diff-done', { detail: { sections: pending.compared, workerMs: progress.elapsedMs } });
          pending = { ...pending, done: true, elapsedMs: progress.elapsedMs };
          return schedule(true);
        case 'error':
          pending = { ...pending, error: progress.message };
          return schedule(true);
      }
    });
    return () => {
      stopped = true;
      // The comparison is no longer wanted: its workers stop.
      workers.close();
      if (timer) clearTimeout(timer);
    };
  }, [before, after]);
  return run;
}
