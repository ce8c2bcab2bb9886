// Moving through the page by section and by thread. "Where I am" is the element that has
// focus; with nothing focused yet, it is the first element still visible at the top.

function currentIndex(items: readonly HTMLElement[]): number {
  const active = document.activeElement;
  const holding = items.findIndex((item) => item === active || item.contains(active));
  if (holding !== -1) return holding;
  return -1;
}

/** The item after (or before) where the reader is, in document order; null at either end. */
export function neighbour(items: readonly HTMLElement[], direction: 1 | -1): HTMLElement | null {
  const at = currentIndex(items);
  if (at !== -1) return items[at + direction] ?? null;
  const active = document.activeElement;
  if (active && active !== document.body) {
    // Focus is somewhere else on the page: go to the nearest item after or before it.
    const follows = (item: HTMLElement) => Boolean(active.compareDocumentPosition(item) & Node.DOCUMENT_POSITION_FOLLOWING);
    return direction === 1 ? (items.find(follows) ?? null) : ([...items].reverse().find((item) => !follows(item)) ?? null);
  }
  const firstVisible = items.findIndex((item) => item.getBoundingClientRect().bottom >= 0);
  if (firstVisible === -1) return direction === 1 ? null : (items.at(-1) ?? null);
  return direction === 1 ? (items[firstVisible] ?? null) : (items[firstVisible - 1] ?? null);
}

/** The section holding focus, or the first visible one. */
export function currentSection(sections: readonly HTMLElement[]): HTMLElement | null {
  const at = currentIndex(sections);
  if (at !== -1) return sections[at] ?? null;
  return sections.find((section) => section.getBoundingClientRect().bottom >= 0) ?? null;
}
