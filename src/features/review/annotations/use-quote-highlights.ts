import { useLayoutEffect, useState, type RefObject } from 'react';
import type { Thread } from '#domain/contracts/threads.ts';
import { findQuoteRange } from './dom-quote.ts';

const highlightName = 'thread-quote';
const currentName = 'thread-quote-current';

// The CSS Custom Highlight API paints ranges without changing the DOM React owns. Where
// it is missing (older browsers, jsdom) the quotes are still shown in their threads.
const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

// The styles for the highlights, added as a constructed style sheet: the CSS toolchain
// (lightningcss 1.32) does not know ::highlight() yet and warns on every build.
let stylesInstalled = false;
function installStyles() {
  if (stylesInstalled || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  stylesInstalled = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    `::highlight(${highlightName}) { background-color: #fde68a; color: #0f172a; text-decoration: underline #b45309; }` +
      `::highlight(${currentName}) { background-color: #fbbf24; color: #0f172a; text-decoration: underline #78350f; }`,
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

export interface QuoteHighlights {
  /** Per thread, whether its quote was found on the page. */
  found: ReadonlyMap<string, boolean>;
  /** The highlighted passage of every unresolved thread whose quote was found: the margin aligns threads to them, a click on one goes to its thread. */
  ranges: ReadonlyMap<string, Range>;
}

/**
 * Highlights the quoted passage of every unresolved thread in its section's body; the
 * thread named by `currentThreadId` stands out. `renderedCount` changes as more sections are
 * rendered.
 */
export function useQuoteHighlights(container: RefObject<HTMLElement | null>, threads: readonly Thread[], currentThreadId: string | null, renderedCount: number): QuoteHighlights {
  const [state, setState] = useState<QuoteHighlights>({ found: new Map(), ranges: new Map() });
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const next = new Map<string, boolean>();
    const byThread = new Map<string, Range>();
    const ranges: Range[] = [];
    const current: Range[] = [];
    for (const thread of threads) {
      if (!thread.anchor) continue;
      const body = root.querySelector(`[data-section-body="${CSS.escape(thread.sectionKey)}"]`);
      // A section still waiting to render has nothing to find yet.
      if (!body || body.hasAttribute('data-pending')) continue;
      const range = findQuoteRange(body, thread.anchor);
      next.set(thread.id, range !== null);
      if (!range || thread.status === 'resolved') continue;
      byThread.set(thread.id, range);
      (thread.id === currentThreadId ? current : ranges).push(range);
    }
    // What the page shows decides what was found, so it can only be read after the commit;
    // an unchanged result keeps the same Map and renders nothing again.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setState((previous) => (sameMap(previous.found, next) && sameRanges(previous.ranges, byThread) ? previous : { found: next, ranges: byThread }));
    if (!supported()) return;
    installStyles();
    CSS.highlights.set(highlightName, new Highlight(...ranges));
    CSS.highlights.set(currentName, new Highlight(...current));
    return () => {
      CSS.highlights.delete(highlightName);
      CSS.highlights.delete(currentName);
    };
    // renderedCount: sections rendering in later slices may hold quotes.
  }, [container, threads, currentThreadId, renderedCount]);
  return state;
}

function sameRanges(a: ReadonlyMap<string, Range>, b: ReadonlyMap<string, Range>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, range] of a) {
    const other = b.get(key);
    if (!other || other.startContainer !== range.startContainer || other.startOffset !== range.startOffset || other.endContainer !== range.endContainer || other.endOffset !== range.endOffset) return false;
  }
  return true;
}

function sameMap(a: ReadonlyMap<string, boolean>, b: ReadonlyMap<string, boolean>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}
