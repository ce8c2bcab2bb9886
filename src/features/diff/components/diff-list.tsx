import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { isPageKey } from '#src/lib/page-key.ts';
import type { DiffBlock } from '../diff-blocks.ts';
import { DiffBlockView, type BlockContext } from './diff-block-view.tsx';
import { useScrollMargin } from '#src/lib/use-scroll-margin.ts';

/** Rough heights before a block is measured: close enough that jumps land near their target. */
function estimate(block: DiffBlock | undefined): number {
  if (!block) return 40;
  switch (block.kind) {
    case 'pending':
    case 'section':
      return 48;
    case 'fields':
      return 40 + 32 * block.fields.length;
    case 'text':
      return 40 + Math.ceil(block.spans.reduce((n, span) => n + span.text.length, 0) / 90) * 26;
    case 'rows':
      return 60 + 36 * block.rows.length;
    case 'plain':
      return 400;
    case 'threads':
      return 60 + 70 * block.threads.length;
  }
}

interface Props {
  blocks: readonly DiffBlock[];
  stops: readonly number[];
  context: BlockContext;
  /** A section to bring into view once it is in the list (a deep link or a concern's link), with a counter so the same key can be asked twice. */
  reveal: { key: string; seq: number } | null;
}

/**
 * The diff as a virtualized list over the page's own scroll: only the blocks near the
 * viewport are in the DOM, so a diff of two 2 MB versions opens and scrolls like a small one.
 * j/k and the buttons move from change to change; focus goes to the change, and the address
 * names its section, so a pasted link opens the same place.
 */
export function DiffList({ blocks, stops, context, reveal }: Props) {
  const navigate = useNavigate();
  const listRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const [position, setPosition] = useState<number | null>(null);

  // What is above changes height as data arrives.
  const scrollMargin = useScrollMargin(listRef, 'top');

  const virtualizer = useWindowVirtualizer({
    count: blocks.length,
    estimateSize: (index) => estimate(blocks[index]),
    getItemKey: (index) => blocks[index]?.key ?? index,
    overscan: 4,
    scrollMargin,
  });

  const goTo = (index: number, stopPosition: number | null) => {
    const block = blocks[index];
    if (!block) return;
    virtualizer.scrollToIndex(index, { align: 'start' });
    setFocusIndex(index);
    setPosition(stopPosition);
    const sectionKey = block.kind === 'pending' ? null : block.section.key;
    if (sectionKey) void navigate({ search: window.location.search, hash: sectionKey }, { replace: true, preventScrollReset: true });
  };

  /** The change after (or before) what is at the top of the viewport, so moves follow the reader's scrolling. */
  const neighbourStop = (direction: 1 | -1): number | null => {
    const top = window.scrollY - scrollMargin;
    const startOf = (index: number) => virtualizer.measurementsCache[index]?.start ?? Number.POSITIVE_INFINITY;
    const current = position !== null && stops[position] !== undefined && Math.abs(startOf(stops[position]) - top) < 8 ? position : null;
    if (current !== null) {
      const next = current + direction;
      return next >= 0 && next < stops.length ? next : null;
    }
    if (direction === 1) {
      const next = stops.findIndex((index) => startOf(index) > top + 8);
      return next === -1 ? null : next;
    }
    for (let i = stops.length - 1; i >= 0; i -= 1) if (startOf(stops[i] ?? 0) < top - 8) return i;
    return null;
  };

  const move = (direction: 1 | -1) => {
    const next = neighbourStop(direction);
    if (next !== null) goTo(stops[next] ?? 0, next);
  };

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (!isPageKey(event) || (event.key !== 'j' && event.key !== 'k')) return;
    event.preventDefault();
    move(event.key === 'j' ? 1 : -1);
  });
  useEffect(() => {
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const revealEvent = useEffectEvent((key: string) => {
    const index = blocks.findIndex((block) => block.kind === 'section' && block.section.key === key);
    if (index !== -1) goTo(index, null);
    return index !== -1;
  });
  const revealed = useRef<number | null>(null);
  useEffect(() => {
    if (!reveal || revealed.current === reveal.seq) return;
    if (revealEvent(reveal.key)) revealed.current = reveal.seq;
  }, [reveal, blocks]);

  const items = virtualizer.getVirtualItems();
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3" role="group" aria-label="Move between changes">
        <button type="button" className="rounded-md border border-slate-400 bg-white px-3 py-1 font-semibold hover:bg-slate-100" onClick={() => move(-1)}>
          Previous change <kbd className="ml-1 text-xs text-slate-600">k</kbd>
        </button>
        <button type="button" className="rounded-md border border-slate-400 bg-white px-3 py-1 font-semibold hover:bg-slate-100" onClick={() => move(1)}>
          Next change <kbd className="ml-1 text-xs text-slate-600">j</kbd>
        </button>
        <p className="text-sm text-slate-700" aria-live="polite">
          {stops.length === 0 ? 'No changes.' : position === null ? `${stops.length} places with changes.` : `Change ${position + 1} of ${stops.length}.`}
        </p>
      </div>
      <div ref={listRef} className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const block = blocks[item.index];
          if (!block) return null;
          return (
            <div
              key={item.key}
              data-index={item.index}
              data-block-kind={block.kind}
              {...(block.kind === 'section' ? { id: block.section.key, 'data-section-key': block.section.key } : {})}
              ref={(node) => {
                virtualizer.measureElement(node);
                if (node && item.index === focusIndex) {
                  node.focus({ preventScroll: true });
                  setFocusIndex(null);
                }
              }}
              tabIndex={-1}
              className="absolute left-0 top-0 w-full pb-3 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
              style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            >
              <DiffBlockView block={block} context={context} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
