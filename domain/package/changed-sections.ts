import { canonicalize } from '../json/canonicalize.ts';
import type { PackageContent } from '../contracts/package-content.ts';

/**
 * Keys of the sections of `current` that are new or differ from `previous` (compared in
 * canonical form, so key order and number spelling do not count as changes). Synchronous:
 * the table of contents marks them while the page renders.
 */
export function changedSectionKeys(current: PackageContent, previous: PackageContent): Set<string> {
  const before = new Map(previous.sections.map((section) => [section.key, canonicalize(section)]));
  const changed = new Set<string>();
  for (const section of current.sections) if (before.get(section.key) !== canonicalize(section)) changed.add(section.key);
  return changed;
}
