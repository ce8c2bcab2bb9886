import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { isPageKey } from '#src/lib/page-key.ts';
import type { DiffBlock } from '../diff-blocks.ts';
import { withSectionHead } from '../section-heads.ts';
import { DiffBlockView, type BlockContext } from './diff-block-view.tsx';
import { useScrollMargin } from '#src/lib/use-scroll-margin.ts';
import { useStickyHeight } from '#src/lib/use-sticky-height.ts';

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
    case 'markdown':
      return 40 + Math.ceil(block.blocks.reduce((n, part) => n + ((part.after ?? part.before)?.text.length ?? 0), 0) / 90) * 26;
    case 'rows':
      return 60 + 36 * block.rows.length;
    case 'plain':
      return 400;
    case 'threads':
      return 60 + 70 * block.threads.length;
    case 'findings':
      return 60 + 70 * block.findings.length;
  }
}

/**
 * A section to bring into view once it is in the list, with a counter so the same key can be
 * asked twice. A deep link or a concern's link moves focus there; a change of layout only
 * scrolls back to it (focus stays on the layout switch), to the change the reader was on
 * when it is in that section.
 */
export interface Reveal {
  key: string;
  seq: number;
  focus: boolean;
}

interface Props {
  blocks: readonly DiffBlock[];
  stops: readonly number[];
  context: BlockContext;
  reveal: Reveal | null;
}

/** Keys that scroll the page (a scrollbar drag starts with a pointerdown). */
const scrollKeys = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End', ' ']);

const sectionOf = (block: DiffBlock | undefined): string | null => (block && block.kind !== 'pending' ? block.section.key : null);

/**
 * The diff as a virtualized list over the page's own scroll: only the blocks near the
 * viewport are in the DOM, so a diff of two 2 MB versions opens and scrolls like a small one.
 * j/k and the buttons move from change to change; focus goes to the change, and the address
 * names its section, so a pasted link opens the same place. The buttons stay at the top of
 * the window while the reader scrolls (a sticky bar), and a change lands just below them.
 */
export function DiffList({ blocks, stops, context, reveal }: Props) {
  const navigate = useNavigate();
  const listRef = useRef<HTMLDivElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  // The block a move asked to focus, once it is rendered; an object per request, so the same block can be asked twice.
  const [focusRequest, setFocusRequest] = useState<{ index: number } | null>(null);
  const focused = useRef<{ index: number } | null>(null);
  const [position, setPosition] = useState<number | null>(null);
  // Whether the reader moved the page since the last move to a change (a jump may still be settling).
  const readerScrolled = useRef(false);

  // What is above changes height as data arrives.
  const scrollMargin = useScrollMargin(listRef, 'top');
  const barHeight = useStickyHeight(barRef);

  // A window that starts inside a section renders its head too, so the outline keeps its h3.
  const rangeExtractor = useMemo(() => withSectionHead(blocks), [blocks]);
  const virtualizer = useWindowVirtualizer({
    count: blocks.length,
    rangeExtractor,
    estimateSize: (index) => estimate(blocks[index]),
    getItemKey: (index) => blocks[index]?.key ?? index,
    overscan: 4,
    scrollMargin,
    scrollPaddingStart: barHeight,
  });

  const goTo = (index: number, stopPosition: number | null, focus = true) => {
    const block = blocks[index];
    if (!block) return;
    virtualizer.scrollToIndex(index, { align: 'start' });
    readerScrolled.current = false;
    if (focus) setFocusRequest({ index });
    setPosition(stopPosition);
    const sectionKey = sectionOf(block);
    if (sectionKey) void navigate({ search: window.location.search, hash: sectionKey }, { replace: true, preventScrollReset: true });
  };

  /**
   * The change after (or before) the reading line, just below the bar, so moves follow the
   * reader's scrolling. Item starts are page offsets (they include the scroll margin), as
   * window.scrollY is. The change moved to last stays current until the reader scrolls, while
   * it is at the reading line, or while the page, scrolled to its end, cannot bring it up there.
   */
  const neighbourStop = (direction: 1 | -1): number | null => {
    const top = window.scrollY + barHeight;
    const startOf = (index: number) => virtualizer.measurementsCache[index]?.start ?? Number.POSITIVE_INFINITY;
    const atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 8;
    const held = position !== null ? startOf(stops[position] ?? -1) : Number.NaN;
    const current = !readerScrolled.current || Math.abs(held - top) < 8 || (atEnd && held > top && held < window.scrollY + window.innerHeight) ? position : null;
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
  useEffect(() => {
    const scrolled = () => {
      readerScrolled.current = true;
    };
    const scrollKey = (event: KeyboardEvent) => {
      if (scrollKeys.has(event.key)) scrolled();
    };
    const options = { passive: true, capture: true };
    window.addEventListener('wheel', scrolled, options);
    window.addEventListener('touchmove', scrolled, options);
    window.addEventListener('pointerdown', scrolled, options);
    window.addEventListener('keydown', scrollKey, options);
    return () => {
      window.removeEventListener('wheel', scrolled, options);
      window.removeEventListener('touchmove', scrolled, options);
      window.removeEventListener('pointerdown', scrolled, options);
      window.removeEventListener('keydown', scrollKey, options);
    };
  }, []);

  const revealEvent = useEffectEvent(({ key, focus }: Reveal) => {
    const held = position !== null ? stops[position] : undefined;
    if (!focus && held !== undefined && sectionOf(blocks[held]) === key) {
      goTo(held, position, false);
      return true;
    }
    const index = blocks.findIndex((block) => block.kind === 'section' && block.section.key === key);
    // Sections are compared out of order (two workers): one still pending above the target
    // would grow once compared and push it off screen, so the move waits until none is.
    if (index === -1 || blocks.slice(0, index).some((block) => block.kind === 'pending')) return false;
    goTo(index, null, focus);
    return true;
  });
  const revealed = useRef<number | null>(null);
  useEffect(() => {
    if (!reveal || revealed.current === reveal.seq) return;
    if (revealEvent(reveal)) revealed.current = reveal.seq;
  }, [reveal, blocks]);

  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    if (!focusRequest || focused.current === focusRequest) return;
    const node = listRef.current?.querySelector<HTMLElement>(`:scope > [data-index="${focusRequest.index}"]`);
    if (!node) return;
    node.focus({ preventScroll: true });
    focused.current = focusRequest;
  }, [focusRequest, items]);
  return (
    <div className="space-y-3">
      <div ref={barRef} className="sticky top-0 z-10 flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white py-2" role="group" aria-label="Move between changes">
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
              // A stable ref: React attaches it when the block mounts, not on every render (a new
              // function each render made every visible block measure itself, a forced layout, in
              // each commit while the comparison was still arriving; docs/decisions/0196).
              ref={virtualizer.measureElement}
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
