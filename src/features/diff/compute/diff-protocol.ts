import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { DiffBounds, SectionDiff } from '#domain/diff/types.ts';

// Messages between the page and the diff worker. The worker diffs one section at a time and
// posts each as it is done, so the page fills in progressively and never waits on the
// slowest section to show the first.

export interface DiffRequest {
  before: PackageContent;
  after: PackageContent;
  bounds: DiffBounds;
}

export type DiffProgress =
  | { type: 'start'; total: number }
  | { type: 'section'; index: number; diff: SectionDiff }
  | { type: 'done'; elapsedMs: number }
  | { type: 'error'; message: string };
