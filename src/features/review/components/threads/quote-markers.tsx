import { useMemo, useRef } from 'react';
import type { Thread } from '#domain/contracts/threads.ts';
import { stackTops } from '../../annotations/margin-placement.ts';
import { useAnchorTops } from '../../annotations/use-anchor-tops.ts';
import { threadAnchor } from '../../thread-abilities.ts';

interface Props {
  /** The section's threads whose passage is highlighted, with its range. */
  threads: readonly { thread: Thread; range: Range }[];
  /** Moves focus to a thread (beside its passage in the margin, or below the section). */
  goToThread: (threadId: string) => void;
}

// Markers closer than this are stacked: each is a 24 px target (WCAG 2.5.8) and must not overlap the next.
const spacing = 28;

export const quoteMarkerId = (threadId: string) => `quote-${threadId}`;

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * A small mark on the section's edge level with each highlighted passage: a link to its thread,
 * so a keyboard reaches the thread of a highlight as a click on the highlight does, and the
 * thread's "Show in the text" has somewhere to bring focus back to.
 */
export function QuoteMarkers({ threads, goToThread }: Props) {
  const layer = useRef<HTMLDivElement>(null);
  const anchors = useMemo(() => new Map(threads.map(({ thread, range }) => [thread.id, range])), [threads]);
  const tops = useAnchorTops(layer, anchors);
  const found = threads.flatMap(({ thread }) => {
    const top = tops.get(thread.id);
    return top === undefined ? [] : [{ thread, top }];
  });
  found.sort((a, b) => a.top - b.top);
  const stacked = stackTops(
    found.map((entry) => entry.top),
    spacing,
  );
  const placed = found.map((entry, index) => ({ thread: entry.thread, top: stacked[index] ?? entry.top }));
  return (
    <div ref={layer} data-quote-ignore className="pointer-events-none absolute inset-0">
      {placed.map(({ thread, top }) => (
        <a
          key={thread.id}
          id={quoteMarkerId(thread.id)}
          href={`#${threadAnchor(thread.id)}`}
          onClick={(event) => {
            event.preventDefault();
            goToThread(thread.id);
          }}
          style={{ top }}
          className="pointer-events-auto absolute -right-3 flex size-6 items-center justify-center rounded-full border-2 border-amber-700 bg-amber-100 font-serif text-base font-bold text-amber-950 no-underline hover:bg-amber-200"
        >
          <span aria-hidden="true">“</span>
          <span className="sr-only">Go to the thread on “{shorten(thread.anchor?.exact ?? '')}”</span>
        </a>
      ))}
    </div>
  );
}
