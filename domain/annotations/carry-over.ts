import type { PackageContent } from '../contracts/package-content.ts';
import type { Thread } from '../contracts/threads.ts';
import { locateQuote } from './section-text.ts';

/**
 * A thread of an earlier version as it stands on a later one. Carried over when what it is
 * about is still there (its quote, found again in the same section, or its whole section);
 * outdated when the quoted passage or the section is gone, so the reader knows it may no
 * longer apply and reads it with its original quote.
 */
export interface CarriedThread {
  thread: Thread;
  state: 'carried_over' | 'outdated';
  reason: 'quote_found' | 'whole_section' | 'quote_missing' | 'section_removed';
}

export interface CarryOverOptions {
  /**
   * Resolved threads to carry all the same: a page keeps showing, as resolved, a thread the
   * reader resolved there, rather than pulling it from under them.
   */
  keepResolved?: ReadonlySet<string>;
}

/**
 * The unresolved threads of versions before `target.number`, placed on that version: in the
 * target's section order (threads on removed sections last, by their key), then by when they
 * were opened. Threads of the target version itself, or later, are its own and not carried.
 */
export function carryOverThreads(threads: readonly Thread[], target: { number: number; content: PackageContent }, options: CarryOverOptions = {}): CarriedThread[] {
  const sections = new Map(target.content.sections.map((section, index) => [section.key, { section, index }]));
  const carried = threads
    .filter((thread) => thread.versionNumber < target.number && (thread.status !== 'resolved' || options.keepResolved?.has(thread.id) === true))
    .map((thread): CarriedThread & { order: number } => {
      const found = sections.get(thread.sectionKey);
      if (!found) return { thread, state: 'outdated', reason: 'section_removed', order: sections.size };
      if (!thread.anchor) return { thread, state: 'carried_over', reason: 'whole_section', order: found.index };
      return locateQuote(found.section, thread.anchor) === -1
        ? { thread, state: 'outdated', reason: 'quote_missing', order: found.index }
        : { thread, state: 'carried_over', reason: 'quote_found', order: found.index };
    });
  carried.sort(
    (a, b) =>
      a.order - b.order || compare(a.thread.sectionKey, b.thread.sectionKey) || Date.parse(a.thread.createdAt) - Date.parse(b.thread.createdAt) || compare(a.thread.id, b.thread.id),
  );
  return carried.map(({ thread, state, reason }) => ({ thread, state, reason }));
}

// Code-unit order: the same in every browser and on the server, whatever the locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
