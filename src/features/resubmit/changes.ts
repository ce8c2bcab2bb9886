import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { Section } from '#domain/contracts/sections.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';

// Whether a section of the draft differs from the version it started from, compared in
// canonical form (as domain/package/changed-sections.ts does for submitted versions). Edits
// replace only the section they touch, so canonical forms are cached by object and one
// keystroke re-serializes one section, not the package.

const canonicalForms = new WeakMap<Section, string | null>();

function canonicalOf(section: Section): string | null {
  const cached = canonicalForms.get(section);
  if (cached !== undefined) return cached;
  let form: string | null;
  try {
    form = canonicalize(section);
  } catch {
    // A number still being typed (NaN) has no canonical form: it is a change either way.
    form = null;
  }
  canonicalForms.set(section, form);
  return form;
}

export function sectionChanged(section: Section, base: Section | undefined): boolean {
  if (!base) return true;
  const form = canonicalOf(section);
  return form === null || form !== canonicalOf(base);
}

/** Keys of the draft's sections that are new or differ from the base version's. */
export function changedInDraft(content: PackageContent, base: PackageContent): Set<string> {
  const before = new Map(base.sections.map((section) => [section.key, section]));
  return new Set(content.sections.filter((section) => sectionChanged(section, before.get(section.key))).map((section) => section.key));
}

/** Sections of the base version that the draft no longer has (an uploaded file can drop added ones). */
export function removedFromDraft(content: PackageContent, base: PackageContent): Section[] {
  const now = new Set(content.sections.map((section) => section.key));
  return base.sections.filter((section) => !now.has(section.key));
}
