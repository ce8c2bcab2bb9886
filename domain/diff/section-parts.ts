import type { CellDiff, ColumnHead, DiffStatus, FieldDiff, RowDiff } from './types.ts';

/** What a kind-specific comparison produces; diffSection adds the status and the counts. */
export interface SectionParts {
  fields: FieldDiff[];
  columns: ColumnHead[];
  rows: RowDiff[];
}

/** A row present on one side only is added or removed; otherwise any changed cell or field modifies it. */
export function rowStatus(hasBefore: boolean, hasAfter: boolean, cells: readonly CellDiff[], fields: readonly FieldDiff[]): DiffStatus {
  if (!hasBefore) return 'added';
  if (!hasAfter) return 'removed';
  return cells.some((cell) => cell.changed) || fields.some((field) => field.status !== 'unchanged') ? 'modified' : 'unchanged';
}

/** The section title, compared like any other field (it is the reader's first clue). */
export const titleField = { key: 'title', label: 'Title', type: 'scalar', read: (section: { title: string }) => section.title } as const;
