import type { MarkdownBlock, MarkdownBlockDiff, TextSpan } from '#domain/diff/types.ts';
import { deleted, inserted, withoutMarks } from './change-marks.ts';

/** Which text to build: both versions in one flow, or one side of a side-by-side view. */
export type MarkdownSide = 'unified' | 'before' | 'after';

type Mark = (text: string) => string;

const quoteOrIndent = /^(\s{0,3}>\s?)/;
const rule = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;

/** Marks the content of every cell of a table line, leaving the pipes where they are. */
function markCells(line: string, mark: Mark): string {
  return line
    .split(/(?<!\\)\|/)
    .map((cell) => {
      const content = cell.trim();
      if (content === '') return cell;
      const start = cell.indexOf(content);
      return cell.slice(0, start) + mark(content) + cell.slice(start + content.length);
    })
    .join('|');
}

/** A block whose text is all one change, marked inside its Markdown syntax so it still renders as that block. */
function markWhole(block: MarkdownBlock, mark: Mark): string {
  const text = withoutMarks(block.text);
  switch (block.kind) {
    case 'heading':
    case 'list-item':
      return block.prefix + mark(text.slice(block.prefix.length));
    case 'table-row':
      return markCells(text, mark);
    case 'table-head': {
      const [head = '', delimiter = ''] = text.split('\n');
      return `${markCells(head, mark)}\n${delimiter}`;
    }
    case 'code': {
      const lines = text.split('\n');
      const closed = lines.length > 1 && lines.at(-1)?.trim().match(/^(`{3,}|~{3,})$/);
      const inner = lines.slice(1, closed ? -1 : undefined).join('\n');
      return [lines[0], inner === '' ? '' : mark(inner), ...(closed ? [lines.at(-1)] : [])].filter((line) => line !== '').join('\n');
    }
    case 'other': {
      if (rule.test(text)) return text;
      const prefix = quoteOrIndent.exec(text)?.[1] ?? '';
      return prefix + mark(text.slice(prefix.length));
    }
    case 'paragraph':
      return mark(text);
  }
}

function markSpans(prefix: string, spans: readonly TextSpan[], side: MarkdownSide): string {
  let out = prefix;
  for (const span of spans) {
    const text = withoutMarks(span.text);
    if (span.op === 'equal') out += text;
    else if (span.op === 'insert' && side !== 'before') out += inserted(text);
    else if (span.op === 'delete' && side !== 'after') out += deleted(text);
  }
  return out;
}

const cells = (line: string) => line.split(/(?<!\\)\|/);

/**
 * A table line edited, cell by cell, when both versions have as many cells: unchanged cells
 * as they are, changed ones old then new (or one side of them). Null when the shape changed.
 */
function markTableLine(before: string, after: string, side: MarkdownSide): string | null {
  const left = cells(before);
  const right = cells(after);
  if (left.length !== right.length) return null;
  const base = side === 'before' ? left : right;
  return base
    .map((cell, index) => {
      const old = (left[index] ?? '').trim();
      const now = (right[index] ?? '').trim();
      if (old === now) return cell;
      const content = side === 'before' ? deleted(old) : side === 'after' ? inserted(now) : [deleted(old), inserted(now)].filter(Boolean).join(' ');
      return ` ${content} `;
    })
    .join('|');
}

function markRewrittenTable(diff: MarkdownBlockDiff, side: MarkdownSide): string | null {
  if (!diff.before || !diff.after) return null;
  const before = withoutMarks(diff.before.text).split('\n');
  const after = withoutMarks(diff.after.text).split('\n');
  const line = markTableLine(before[0] ?? '', after[0] ?? '', side);
  if (line === null) return null;
  if (diff.kind === 'table-row') return line;
  return `${line}\n${(side === 'before' ? before : after)[1] ?? ''}`;
}

/** One compared block as Markdown for `side`, or null when it has nothing on that side. */
function blockSource(diff: MarkdownBlockDiff, side: MarkdownSide): string | null {
  switch (diff.status) {
    case 'unchanged':
      return diff.after ? withoutMarks(diff.after.text) : null;
    case 'added':
      return side === 'before' || !diff.after ? null : markWhole(diff.after, inserted);
    case 'removed':
      return side === 'after' || !diff.before ? null : markWhole(diff.before, deleted);
    case 'modified':
      return markSpans(diff.after?.prefix ?? '', diff.spans ?? [], side);
    case 'rewritten': {
      if (diff.kind === 'table-row' || diff.kind === 'table-head') {
        const table = markRewrittenTable(diff, side);
        if (table !== null) return table;
      }
      const old = diff.before && side !== 'after' ? markWhole(diff.before, deleted) : null;
      const now = diff.after && side !== 'before' ? markWhole(diff.after, inserted) : null;
      if (old !== null && now !== null) return `${old}${joiner(diff.before?.kind, diff.after?.kind)}${now}`;
      return old ?? now;
    }
  }
}

/** List items and table rows stay one list or table; other blocks are separate paragraphs. */
function joiner(previous: string | undefined, next: string | undefined): string {
  if (previous === next && previous === 'list-item') return '\n';
  if (next === 'table-row' && (previous === 'table-row' || previous === 'table-head')) return '\n';
  return '\n\n';
}

/** The Markdown of compared blocks for one side (or both, in one flow), with change marks. */
export function markdownDiffSource(blocks: readonly MarkdownBlockDiff[], side: MarkdownSide): string {
  let out = '';
  let previous: string | undefined;
  for (const diff of blocks) {
    const source = blockSource(diff, side);
    if (source === null) continue;
    out += previous === undefined ? source : joiner(previous, diff.kind) + source;
    previous = diff.kind;
  }
  return out;
}
