import { startTransition, useEffect, useMemo, useState } from 'react';
import type { Section } from '#domain/contracts/sections.ts';

// A large package (60 sections, megabytes of Markdown) rendered in one go blocks the page
// for most of a second. Sections are rendered in order instead, a slice per task, so the
// first ones are readable at once and input is handled between slices. A package of
// ordinary size fits in the first slice and renders exactly as before.

/** About this much section JSON is rendered per task (Markdown parsing dominates). */
const charsPerSlice = 60_000;

function sliceEnds(sections: readonly Section[]): number[] {
  const ends: number[] = [];
  let size = 0;
  sections.forEach((section, index) => {
    size += JSON.stringify(section).length;
    if (size >= charsPerSlice) {
      ends.push(index + 1);
      size = 0;
    }
  });
  if (ends.at(-1) !== sections.length) ends.push(sections.length);
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
