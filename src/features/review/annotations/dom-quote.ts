import { locateInText, normalizeForQuote } from '#domain/annotations/section-text.ts';
import type { TextQuoteSelector } from '#domain/contracts/threads.ts';

// Finding a text-quote selector in the rendered section, and making one from a selection.
// The rendered text is folded the way domain/annotations/section-text.ts folds the stored
// text (markup characters dropped, white space collapsed), keeping for every folded
// character where it came from, so a match maps back to a DOM Range for highlighting.

const context = 32;
const markup = /[*_`~#>|\\]/;
const blockTags = new Set(['P', 'LI', 'TD', 'TH', 'DT', 'DD', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TR', 'CAPTION', 'FIGCAPTION']);

interface Point {
  node: Text;
  offset: number;
}

interface Folded {
  text: string;
  points: Point[];
}

function blockOf(node: Node, root: Node): Node {
  let current = node.parentNode;
  while (current && current !== root && !(current instanceof Element && blockTags.has(current.tagName))) current = current.parentNode;
  return current ?? root;
}

/** The visible text under `root`, folded, with the origin of every character. */
function fold(root: Node): Folded {
  const walker = root.ownerDocument?.createTreeWalker(root, NodeFilter.SHOW_TEXT) ?? document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let text = '';
  const points: Point[] = [];
  let previousBlock: Node | null = null;
  const push = (char: string, point: Point) => {
    if (char === ' ' && (text === '' || text.endsWith(' '))) return;
    text += char;
    points.push(point);
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const textNode = node as Text;
    if (textNode.parentElement?.closest('[data-quote-ignore]')) continue;
    const block = blockOf(textNode, root);
    // Cells and paragraphs are separate passages: the stored text separates them too.
    if (previousBlock && block !== previousBlock) push(' ', { node: textNode, offset: 0 });
    previousBlock = block;
    const data = textNode.data;
    for (let i = 0; i < data.length; i++) {
      const char = data.charAt(i);
      if (markup.test(char)) continue;
      push(/\s/.test(char) ? ' ' : char, { node: textNode, offset: i });
    }
  }
  return { text, points };
}

/** The DOM range of a quoted passage under `root`, or null when it is not there. */
export function findQuoteRange(root: Node, selector: TextQuoteSelector): Range | null {
  const folded = fold(root);
  const at = locateInText(folded.text, selector);
  if (at === -1) return null;
  const length = normalizeForQuote(selector.exact).length;
  const start = folded.points[at];
  const last = folded.points[at + length - 1];
  if (!start || !last) return null;
  const range = (root.ownerDocument ?? document).createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(last.node, last.offset + 1);
  return range;
}

/** A selector for what the reader selected under `root`; null if the selection is elsewhere. */
export function selectorFromRange(root: Node, range: Range): TextQuoteSelector | null {
  if (range.collapsed || !root.contains(range.commonAncestorContainer)) return null;
  const exact = normalizeForQuote(range.toString());
  if (!exact) return null;
  const before = (root.ownerDocument ?? document).createRange();
  before.selectNodeContents(root);
  before.setEnd(range.startContainer, range.startOffset);
  const after = (root.ownerDocument ?? document).createRange();
  after.selectNodeContents(root);
  after.setStart(range.endContainer, range.endOffset);
  return {
    exact: exact.slice(0, 5_000),
    prefix: normalizeForQuote(before.toString()).slice(-context),
    suffix: normalizeForQuote(after.toString()).slice(0, context),
  };
}
