import { diffArrays } from 'diff';
import type { DiffBounds, DiffStatus, FieldDiff, ListEntryDiff } from './types.ts';
import { blockWordCounts, diffMarkdownBlocks, type BlockComparisonNotes } from './markdown-blocks.ts';
import { diffText } from './text-diff.ts';

/**
 * How one property of a section or item is read and compared: `scalar` shows the value,
 * `text` adds a word diff (long prose), `list` marks each entry of a list of strings.
 * `read` returns undefined when the property is absent.
 */
export type FieldSpec<T> =
  | { key: string; label: string; type: 'scalar'; read: (value: T) => string | number | undefined }
  | { key: string; label: string; type: 'text' | 'markdown'; read: (value: T) => string | undefined }
  | { key: string; label: string; type: 'list'; read: (value: T) => readonly string[] | undefined };

/**
 * The fields of `before` and `after` (either may be absent: an added or removed section or
 * row), in the order of `specs`. A property absent on both sides has nothing to show and is
 * left out, so every field of an added thing is 'added' and of a removed one 'removed'.
 */
export function diffFields<T>(specs: readonly FieldSpec<T>[], before: T | undefined, after: T | undefined, bounds: DiffBounds): FieldDiff[] {
  const fields: FieldDiff[] = [];
  for (const spec of specs) {
    const field = diffField(spec, before, after, bounds);
    if (field) fields.push(field);
  }
  return fields;
}

function diffField<T>(spec: FieldSpec<T>, before: T | undefined, after: T | undefined, bounds: DiffBounds): FieldDiff | null {
  switch (spec.type) {
    case 'scalar':
      return scalarField(spec.key, spec.label, display(read(before, spec.read)), display(read(after, spec.read)));
    case 'text':
      return textField(spec.key, spec.label, read(before, spec.read), read(after, spec.read), bounds);
    case 'markdown':
      return markdownField(spec.key, spec.label, read(before, spec.read), read(after, spec.read), bounds);
    case 'list':
      return listField(spec.key, spec.label, read(before, spec.read), read(after, spec.read));
  }
}

/** The property of one side, or null when the side or the property is absent. */
function read<T, V>(side: T | undefined, property: (value: T) => V | undefined): V | null {
  return side === undefined ? null : (property(side) ?? null);
}

function display(value: string | number | null): string | null {
  return value === null ? null : String(value);
}

export function fieldStatus(before: string | null, after: string | null): DiffStatus {
  if (before === after) return 'unchanged';
  if (before === null) return 'added';
  if (after === null) return 'removed';
  return 'modified';
}

/** A value shown as it is; null when absent on both sides. */
export function scalarField(key: string, label: string, before: string | null, after: string | null): FieldDiff | null {
  if (before === null && after === null) return null;
  return { key, label, status: fieldStatus(before, after), before, after, text: null };
}

/**
 * A long text with its word diff (an absent side counts as empty). An unchanged text gets no
 * diff: its value is in before/after, and a second copy of (say) 1 MB of Markdown helps no one.
 */
export function textField(key: string, label: string, before: string | null, after: string | null, bounds: DiffBounds): FieldDiff | null {
  if (before === null && after === null) return null;
  const status = fieldStatus(before, after);
  return { key, label, status, before, after, text: status === 'unchanged' ? null : diffText(before ?? '', after ?? '', bounds) };
}

/** A Markdown text: its word diff, as any text, and its block diff for a rendered view (or only that: DiffBounds.markdownBlocks). */
function markdownField(key: string, label: string, before: string | null, after: string | null, bounds: DiffBounds): FieldDiff | null {
  if (bounds.markdownBlocks === 'only') return markdownBlocksField(key, label, before, after, bounds);
  const field = textField(key, label, before, after, bounds);
  if (!field?.text || !bounds.markdownBlocks) return field;
  return { ...field, blocks: diffMarkdownBlocks(before ?? '', after ?? '', bounds) };
}

/** A Markdown text compared block by block only; unchanged, as textField gives it. */
function markdownBlocksField(key: string, label: string, before: string | null, after: string | null, bounds: DiffBounds): FieldDiff | null {
  if (before === null && after === null) return null;
  const status = fieldStatus(before, after);
  if (status === 'unchanged') return { key, label, status, before, after, text: null };
  const notes: BlockComparisonNotes = { coarse: false };
  const blocks = diffMarkdownBlocks(before ?? '', after ?? '', bounds, notes);
  return { key, label, status, before: null, after: null, text: { spans: [], granularity: notes.coarse ? 'lines' : 'words', ...blockWordCounts(blocks) }, blocks };
}

/**
 * A list of strings: before/after are the entries joined by line breaks, and `entries` marks
 * each one. Entries are matched by their exact text, in order (a longest common subsequence,
 * so a moved entry shows as removed and added), which for lists of at most a few hundred
 * short entries is instant.
 */
export function listField(key: string, label: string, before: readonly string[] | null, after: readonly string[] | null): FieldDiff | null {
  if (before === null && after === null) return null;
  const joinedBefore = before === null ? null : before.join('\n');
  const joinedAfter = after === null ? null : after.join('\n');
  const entries: ListEntryDiff[] = [];
  for (const change of diffArrays([...(before ?? [])], [...(after ?? [])])) {
    const status = change.added ? 'added' : change.removed ? 'removed' : 'unchanged';
    for (const text of change.value) entries.push({ text, status });
  }
  return { key, label, status: listStatus(before, after), before: joinedBefore, after: joinedAfter, text: null, entries };
}

// Compared entry by entry, not by the joined text, which cannot tell ["a\nb"] from ["a", "b"].
function listStatus(before: readonly string[] | null, after: readonly string[] | null): DiffStatus {
  if (before === null) return 'added';
  if (after === null) return 'removed';
  return before.length === after.length && before.every((entry, index) => entry === after[index]) ? 'unchanged' : 'modified';
}
