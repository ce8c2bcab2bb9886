// The structured diff between two versions of a package (model: types.ts). There is no
// index file; import from the file that holds what you need:
//
//   package-diff.ts   diffPackages(before, after, bounds?): PackageDiff      every section, and the summary
//                     diffSectionPairs(before, after): SectionPair[]          sections matched by key, in display order
//   section-diff.ts   diffSection(before?, after?, bounds?): SectionDiff      one section (for a worker, one at a time)
//   summary.ts        summarizeDiff(sections): RevisionSummary               counts for the record export and the tools
//   text-diff.ts      diffText(before, after, bounds): TextDiff              word diff with bounded fallbacks
//
// Representation, in short: rows and list items are matched by key, in the newer order with
// removed ones where they were; a list of strings is one field whose `entries` mark each
// entry; a section's `changes` counts changed fields plus changed rows (a row once).

import type { PackageContent } from '../contracts/package-content.ts';
import type { Section } from '../contracts/sections.ts';
import { pairByKey } from './pair-by-key.ts';
import { diffSection } from './section-diff.ts';
import { summarizeDiff } from './summary.ts';
import { defaultDiffBounds, type DiffBounds, type PackageDiff } from './types.ts';

/** One section key with its section in each version; at least one side is present. */
export interface SectionPair {
  key: string;
  before?: Section;
  after?: Section;
}

/**
 * The sections of two versions matched by key, in display order: the newer version's order,
 * each removed section right after the section that preceded it. A Web Worker can diff them
 * one by one (diffSection) and post each result as it goes.
 */
export function diffSectionPairs(before: PackageContent, after: PackageContent): SectionPair[] {
  return pairByKey(before.sections, after.sections, (section) => section.key);
}

/** Every section of two versions compared, in display order, with the revision's summary. */
export function diffPackages(before: PackageContent, after: PackageContent, bounds: DiffBounds = defaultDiffBounds): PackageDiff {
  const sections = diffSectionPairs(before, after).map((pair) => diffSection(pair.before, pair.after, bounds));
  return { sections, summary: summarizeDiff(sections) };
}
