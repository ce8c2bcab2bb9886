import { diffArrays, diffWordsWithSpace } from 'diff';
import { runSimilarity } from './block-similarity.ts';
import { countWords } from './text-diff.ts';
import type { DiffBounds, MarkdownBlock, MarkdownBlockDiff, MarkdownBlockKind, TextSpan } from './types.ts';

// Markdown compared as a reader sees it: block by block (headings, paragraphs, list items,
// table rows, code blocks), then word by word inside a block that changed a little. A block
// that changed mostly is shown as the old block and then the new one: a paragraph shredded
// into alternating struck and underlined words is harder to read than two paragraphs. The
// split is a line scanner, not a full CommonMark parser: it only has to find block edges so
// that each block, rendered on its own or next to its neighbours, renders as it did in place.

/** Above this share of changed words, a changed block is shown old then new instead of word by word. */
export const rewriteShare = 0.5;
/** Below this share of shared words, a removed and an added block are not taken for one block edited. */
const pairSimilarity = 0.25;

const fence = /^\s{0,3}(`{3,}|~{3,})/;
const heading = /^\s{0,3}#{1,6}(\s|$)/;
const listItem = /^(\s*(?:[-*+]|\d{1,9}[.)])(?:\s+\[[ xX]\])?)(\s+|$)/;
const tableDelimiter = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const rule = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const quote = /^\s{0,3}>/;

function startsBlock(line: string, next: string | undefined): boolean {
  return fence.test(line) || heading.test(line) || listItem.test(line) || quote.test(line) || rule.test(line) || isTableStart(line, next);
}

function isTableStart(line: string, next: string | undefined): boolean {
  return line.includes('|') && next !== undefined && next.includes('-') && tableDelimiter.test(next);
}

/** The blocks of a Markdown text, in order; blank lines only separate them. */
export function markdownBlocks(markdown: string): MarkdownBlock[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MarkdownBlock[] = [];
  const push = (kind: MarkdownBlockKind, text: string, prefix = '') => blocks.push({ kind, text, prefix });
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    const next = lines[index + 1];
    if (line.trim() === '') {
      index += 1;
      continue;
    }
    const opening = fence.exec(line);
    if (opening) {
      const marker = opening[1] ?? '```';
      let end = index + 1;
      while (end < lines.length && !(lines[end] ?? '').trimStart().startsWith(marker)) end += 1;
      push('code', lines.slice(index, end + 1).join('\n'));
      index = end + 1;
      continue;
    }
    if (heading.test(line)) {
      push('heading', line, /^\s*#+\s*/.exec(line)?.[0] ?? '');
      index += 1;
      continue;
    }
    if (rule.test(line)) {
      push('other', line);
      index += 1;
      continue;
    }
    if (isTableStart(line, next)) {
      push('table-head', `${line}\n${next ?? ''}`);
      index += 2;
      while (index < lines.length && (lines[index] ?? '').includes('|') && (lines[index] ?? '').trim() !== '') {
        push('table-row', lines[index] ?? '');
        index += 1;
      }
      continue;
    }
    const item = listItem.exec(line);
    let end = index + 1;
    // A list item runs on over its indented (or lazy) continuation lines; a paragraph or a
    // quote over lines that start no other block.
    while (end < lines.length && (lines[end] ?? '').trim() !== '' && !startsBlock(lines[end] ?? '', lines[end + 1])) end += 1;
    const text = lines.slice(index, end).join('\n');
    if (item) push('list-item', text, `${item[1] ?? ''}${item[2] ? ' ' : ''}`);
    else push(quote.test(line) ? 'other' : 'paragraph', text);
    index = end;
  }
  return blocks;
}

const body = (block: MarkdownBlock) => block.text.slice(block.prefix.length);

/** What a block comparison noticed beyond its result: a block whose word diff exceeded the bounds (shown old then new). */
export interface BlockComparisonNotes {
  coarse: boolean;
}

/**
 * One block edited: word by word when at most `rewriteShare` of its words changed and its
 * marker (heading level, list bullet) is the same; otherwise the old block, then the new.
 */
export function compareBlocks(before: MarkdownBlock, after: MarkdownBlock, bounds: DiffBounds, notes: BlockComparisonNotes = { coarse: false }): MarkdownBlockDiff {
  const rewritten: MarkdownBlockDiff = { status: 'rewritten', kind: after.kind, before, after, spans: null };
  if (before.prefix !== after.prefix || before.kind !== after.kind || before.kind === 'table-head' || before.kind === 'table-row') return rewritten;
  const changes = diffWordsWithSpace(body(before), body(after), { maxEditLength: bounds.maxEditLength, timeout: bounds.timeoutMs });
  if (!changes) {
    notes.coarse = true;
    return rewritten;
  }
  const spans: TextSpan[] = changes.filter((change) => change.value !== '').map((change) => ({ op: change.added ? 'insert' : change.removed ? 'delete' : 'equal', text: change.value }));
  let changed = 0;
  for (const span of spans) if (span.op !== 'equal') changed += countWords(span.text);
  const total = countWords(body(before)) + countWords(body(after));
  if (total > 0 && changed / total > rewriteShare) return rewritten;
  return { status: 'modified', kind: after.kind, before, after, spans };
}

/**
 * A run of removed blocks replaced by a run of added ones: each removed block is paired, in
 * order, with the most similar added block of the same kind still ahead (an edit); the
 * others are removed or added. A paragraph inserted before an edited one is then an
 * addition and an edit, not a rewrite of the first into the second.
 */
function pairRun(removed: readonly MarkdownBlock[], added: readonly MarkdownBlock[], bounds: DiffBounds, notes: BlockComparisonNotes): MarkdownBlockDiff[] {
  const out: MarkdownBlockDiff[] = [];
  const similarity = runSimilarity(
    removed.map((block) => block.text),
    added.map((block) => block.text),
  );
  let next = 0;
  for (const [index, old] of removed.entries()) {
    let best = -1;
    let bestScore = pairSimilarity;
    for (let candidate = next; candidate < added.length; candidate += 1) {
      const block = added[candidate];
      // A candidate that cannot reach the best score so far is not compared word by word.
      if (!block || block.kind !== old.kind || similarity.bound(index, candidate) < bestScore) continue;
      const score = similarity.score(index, candidate);
      if (score >= bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best === -1) {
      out.push({ status: 'removed', kind: old.kind, before: old, after: null, spans: null });
      continue;
    }
    for (; next < best; next += 1) {
      const block = added[next];
      if (block) out.push({ status: 'added', kind: block.kind, before: null, after: block, spans: null });
    }
    const match = added[best];
    if (match) out.push(compareBlocks(old, match, bounds, notes));
    next = best + 1;
  }
  for (; next < added.length; next += 1) {
    const block = added[next];
    if (block) out.push({ status: 'added', kind: block.kind, before: null, after: block, spans: null });
  }
  return out;
}

/**
 * Two Markdown texts compared block by block, in reading order (removed blocks where they
 * were). Unchanged blocks are kept, so the view can render the whole text with its changes.
 */
export function diffMarkdownBlocks(before: string, after: string, bounds: DiffBounds, notes: BlockComparisonNotes = { coarse: false }): MarkdownBlockDiff[] {
  const left = markdownBlocks(before);
  const right = markdownBlocks(after);
  const changes = diffArrays(left, right, { comparator: (a, b) => a.text === b.text && a.kind === b.kind });
  const out: MarkdownBlockDiff[] = [];
  for (let index = 0; index < changes.length; index += 1) {
    const change = changes[index];
    if (!change) continue;
    const following = changes[index + 1];
    if (change.removed && following?.added) {
      out.push(...pairRun(change.value, following.value, bounds, notes));
      index += 1;
    } else if (change.removed) for (const block of change.value) out.push({ status: 'removed', kind: block.kind, before: block, after: null, spans: null });
    else if (change.added) for (const block of change.value) out.push({ status: 'added', kind: block.kind, before: null, after: block, spans: null });
    else for (const block of change.value) out.push({ status: 'unchanged', kind: block.kind, before: block, after: block, spans: null });
  }
  return out;
}

/** Words inserted and deleted over a block diff: whole blocks added, removed or rewritten, and the changed words of edited ones. */
export function blockWordCounts(blocks: readonly MarkdownBlockDiff[]): { insertedWords: number; deletedWords: number } {
  let insertedWords = 0;
  let deletedWords = 0;
  for (const block of blocks) {
    if (block.status === 'unchanged') continue;
    if (block.status === 'modified' && block.spans) {
      for (const span of block.spans) {
        if (span.op === 'insert') insertedWords += countWords(span.text);
        else if (span.op === 'delete') deletedWords += countWords(span.text);
      }
      continue;
    }
    if (block.after) insertedWords += countWords(block.after.text);
    if (block.before) deletedWords += countWords(block.before.text);
  }
  return { insertedWords, deletedWords };
}
