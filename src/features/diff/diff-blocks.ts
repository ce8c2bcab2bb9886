import type { CarriedThread } from '#domain/annotations/carry-over.ts';
import type { FindingInDiff } from '#domain/findings/in-diff.ts';
import type { FieldDiff, MarkdownBlockDiff, RowDiff, SectionDiff, TextSpan } from '#domain/diff/types.ts';

// A diff is shown as a list of blocks of bounded size, so the list can be virtualized: a
// 2 MB package becomes a few hundred blocks of a few kilobytes, and only those near the
// viewport are in the DOM. Blocks never split a change from its context in a way that
// hides it: long texts are cut at paragraph breaks inside unchanged text.

export type DiffBlock =
  | { kind: 'pending'; key: string; index: number }
  | { kind: 'section'; key: string; section: SectionDiff; changed: boolean }
  | { kind: 'fields'; key: string; section: SectionDiff; fields: FieldDiff[]; changed: boolean }
  | { kind: 'text'; key: string; section: SectionDiff; field: FieldDiff; spans: TextSpan[]; part: number; parts: number; changed: boolean }
  | { kind: 'markdown'; key: string; section: SectionDiff; field: FieldDiff; blocks: MarkdownBlockDiff[]; part: number; parts: number; changed: boolean }
  | { kind: 'rows'; key: string; section: SectionDiff; rows: RowDiff[]; changed: boolean }
  | { kind: 'plain'; key: string; section: SectionDiff; changed: false }
  | { kind: 'threads'; key: string; section: SectionDiff; threads: CarriedThread[]; changed: false }
  | { kind: 'findings'; key: string; section: SectionDiff; findings: FindingInDiff[]; changed: false };

/** Characters of text per block: enough to read on, small enough to render in a frame. */
export const textBlockChars = 3_000;
export const rowsPerBlock = 25;

const spanChanged = (span: TextSpan) => span.op !== 'equal';

/** Cuts long unchanged spans at paragraph breaks (or at a length when there are none) into pieces. */
function pieces(spans: readonly TextSpan[]): TextSpan[] {
  const out: TextSpan[] = [];
  for (const span of spans) {
    if (span.text.length <= textBlockChars) {
      out.push(span);
      continue;
    }
    let rest = span.text;
    while (rest.length > textBlockChars) {
      const breakAt = rest.lastIndexOf('\n', textBlockChars);
      const cut = breakAt > textBlockChars / 4 ? breakAt + 1 : textBlockChars;
      out.push({ op: span.op, text: rest.slice(0, cut) });
      rest = rest.slice(cut);
    }
    if (rest) out.push({ op: span.op, text: rest });
  }
  return out;
}

const blockChars = (diff: MarkdownBlockDiff) => (diff.before?.text.length ?? 0) + (diff.status === 'unchanged' ? 0 : (diff.after?.text.length ?? 0));

/**
 * Groups compared Markdown blocks into runs of about `textBlockChars` characters. A table is
 * cut only when it is far longer than that, and the cut-off rows then get its head again, so
 * every part renders as a table.
 */
export function chunkMarkdownBlocks(blocks: readonly MarkdownBlockDiff[]): MarkdownBlockDiff[][] {
  const chunks: MarkdownBlockDiff[][] = [];
  let current: MarkdownBlockDiff[] = [];
  let size = 0;
  let tableHead: MarkdownBlockDiff | null = null;
  for (const block of blocks) {
    if (block.kind === 'table-head') tableHead = block;
    const inTable = block.kind === 'table-row';
    if (size > 0 && size + blockChars(block) > (inTable ? 4 * textBlockChars : textBlockChars)) {
      chunks.push(current);
      current = inTable && tableHead ? [{ ...tableHead, status: 'unchanged', before: tableHead.after ?? tableHead.before, after: tableHead.after ?? tableHead.before, spans: null }] : [];
      size = 0;
    }
    current.push(block);
    size += blockChars(block);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Groups spans into runs of about `textBlockChars` characters, cutting only between pieces. */
export function chunkSpans(spans: readonly TextSpan[]): TextSpan[][] {
  const chunks: TextSpan[][] = [];
  let current: TextSpan[] = [];
  let size = 0;
  for (const piece of pieces(spans)) {
    if (size > 0 && size + piece.text.length > textBlockChars) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(piece);
    size += piece.text.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function sectionBlocks(section: SectionDiff, threads: readonly CarriedThread[], findings: readonly FindingInDiff[], expanded: boolean): DiffBlock[] {
  const changed = section.status !== 'unchanged';
  const blocks: DiffBlock[] = [{ kind: 'section', key: `${section.key}:head`, section, changed }];
  if (!changed && expanded) blocks.push({ kind: 'plain', key: `${section.key}:plain`, section, changed: false });
  if (changed) {
    const scalar = section.fields.filter((field) => !field.text);
    if (scalar.length > 0) blocks.push({ kind: 'fields', key: `${section.key}:fields`, section, fields: scalar, changed: scalar.some((f) => f.status !== 'unchanged') });
    for (const field of section.fields) {
      if (!field.text) continue;
      if (field.blocks) {
        const chunks = chunkMarkdownBlocks(field.blocks);
        chunks.forEach((group, part) => {
          blocks.push({ kind: 'markdown', key: `${section.key}:${field.key}:${part}`, section, field, blocks: group, part, parts: chunks.length, changed: group.some((b) => b.status !== 'unchanged') });
        });
        continue;
      }
      const chunks = chunkSpans(field.text.spans);
      chunks.forEach((spans, part) => {
        blocks.push({ kind: 'text', key: `${section.key}:${field.key}:${part}`, section, field, spans, part, parts: chunks.length, changed: spans.some(spanChanged) });
      });
    }
    for (let start = 0; start < section.rows.length; start += rowsPerBlock) {
      const rows = section.rows.slice(start, start + rowsPerBlock);
      blocks.push({ kind: 'rows', key: `${section.key}:rows:${start}`, section, rows, changed: rows.some((row) => row.status !== 'unchanged') });
    }
  }
  if (findings.length > 0) blocks.push({ kind: 'findings', key: `${section.key}:findings`, section, findings: [...findings], changed: false });
  if (threads.length > 0) blocks.push({ kind: 'threads', key: `${section.key}:threads`, section, threads: [...threads], changed: false });
  return blocks;
}

/**
 * The blocks of a diff, in display order. Sections not compared yet are placeholders;
 * unchanged sections are one collapsed line unless the reader expanded them.
 */
export function diffBlocks(
  sections: readonly (SectionDiff | undefined)[],
  threadsBySection: ReadonlyMap<string, readonly CarriedThread[]>,
  expanded: ReadonlySet<string>,
  findingsBySection: ReadonlyMap<string, readonly FindingInDiff[]> = new Map(),
): DiffBlock[] {
  const blocks: DiffBlock[] = [];
  sections.forEach((section, index) => {
    if (!section) blocks.push({ kind: 'pending', key: `pending:${index}`, index });
    else blocks.push(...sectionBlocks(section, threadsBySection.get(section.key) ?? [], findingsBySection.get(section.key) ?? [], expanded.has(section.key)));
  });
  return blocks;
}

/**
 * Where "next change" goes: the first block of each changed section, then every later block
 * of it that holds a change of its own (a changed text part, a changed group of rows).
 */
export function changeStops(blocks: readonly DiffBlock[]): number[] {
  const stops: number[] = [];
  blocks.forEach((block, index) => {
    if (block.kind === 'pending' || block.kind === 'fields') return;
    if (block.changed) stops.push(index);
  });
  return stops;
}
