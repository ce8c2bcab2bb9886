import { startTransition, useEffect, useMemo, useState } from 'react';
import type { Section } from '#domain/contracts/sections.ts';

// A large package (60 sections, megabytes of Markdown) rendered in one go blocks the page
// for most of a second. Sections are rendered in order instead, a slice per task, so the
// first ones are readable at once and input is handled between slices. A package of
// ordinary size (up to `wholeAtMost`) renders in one go, exactly as before.
//
// A slice stops before the section that would take it past its size, not after: the first
// slice is rendered in the same task as the version's arrival (a query result is a
// synchronous render), so a slice that ran on over one more long narrative made that task the
// page's longest (docs/decisions/0205). A section larger than a slice is a slice of its own.

/** A package with at most this much section JSON is rendered in one go. */
export const wholeAtMost = 60_000;
/** Past that, at most about this much is rendered per task (Markdown parsing dominates). */
export const charsPerSlice = 30_000;

/** Where each slice ends (exclusive indexes into `sections`); the last is `sections.length`. */
export function sliceEnds(sections: readonly Section[]): number[] {
  const sizes = sections.map((section) => JSON.stringify(section).length);
  if (sizes.reduce((total, size) => total + size, 0) <= wholeAtMost) return sections.length > 0 ? [sections.length] : [];
  const ends: number[] = [];
  let size = 0;
  sizes.forEach((own, index) => {
    if (size > 0 && size + own > charsPerSlice) {
      ends.push(index);
      size = 0;
    }
    size += own;
  });
  ends.push(sections.length);
  return ends;
}

/**
 * How many of the sections, in order, to render now; grows slice by slice until all are.
 * Whichever section a link points at is rendered at once by the caller regardless.
 */
export function useProgressiveSections(sections: readonly Section[] | undefined): number {
  const ends = useMemo(() => (sections ? sliceEnds(sections) : []), [sections]);
  const [slice, setSlice] = useState(0);
  const [forSections, setForSections] = useState(sections);
  if (forSections !== sections) {
    setForSections(sections);
    setSlice(0);
  }
  useEffect(() => {
    if (slice >= ends.length - 1) return;
    // A macrotask per slice: the browser handles input and paints in between; a transition
    // lets a click or key press interrupt a slice in progress.
    const timer = setTimeout(() => startTransition(() => setSlice((current) => current + 1)), 0);
    return () => clearTimeout(timer);
  }, [slice, ends]);
  return ends[Math.min(slice, ends.length - 1)] ?? 0;
}
