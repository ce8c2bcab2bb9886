import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { SectionPair } from '#domain/diff/package-diff.ts';
import type { DiffBounds, SectionDiff } from '#domain/diff/types.ts';

// Messages between the page and the diff workers. The page shares the sections out between
// its workers (share-pairs.ts); each worker diffs its share one section at a time and posts
// each as it is done, so the page fills in progressively and never waits on the slowest
// section to show the first.

export interface DiffRequest {
  before: PackageContent;
  after: PackageContent;
  bounds: DiffBounds;
}

/** What one worker compares: some of the sections, each with its place in display order. */
export interface DiffShare {
  pairs: (SectionPair & { index: number })[];
  bounds: DiffBounds;
}

/** What a worker answers: each section of its share, then that it is through. */
export type DiffShareReply = { type: 'section'; index: number; diff: SectionDiff } | { type: 'finished' } | { type: 'error'; message: string };

export type DiffProgress =
  | { type: 'start'; total: number }
  | { type: 'section'; index: number; diff: SectionDiff }
  | { type: 'done'; elapsedMs: number }
  | { type: 'error'; message: string };
