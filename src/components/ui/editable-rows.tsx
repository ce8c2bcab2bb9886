import type { ReactNode } from 'react';
import { buttonClasses } from './button.ts';

interface Props<Row extends { uid: string }> {
  /** Names the section's heading, which labels the section. */
  headingId: string;
  title: string;
  explanation: ReactNode;
  /** A problem with the list as a whole (none of its rows named). */
  listError?: string | undefined;
  rows: readonly Row[];
  onChange: (rows: Row[]) => void;
  /** The row's grid from the sm breakpoint on: its columns, where its Remove button sits. */
  gridClassName: string;
  removeClassName?: string | undefined;
  /**
   * What a Remove button removes, read after "Remove" (shown only to a screen reader). Not an
   * aria-label: "Metric 1" would then also name the button, and a field found by its label
   * would find two.
   */
  itemName: (index: number) => string;
  addLabel: string;
  newRow: () => Row;
  /** A row's fields; `update` changes this row only. */
  children: (row: Row, index: number, update: (change: Partial<Row>) => void) => ReactNode;
}

/**
 * A list of editable rows under a heading, each with a Remove button, and an Add button under it:
 * the policy editor's requirement lists (metrics, subgroup metrics, evidence). The row's fields
 * start at its top (`items-start`), so an error under one field does not push the others' inputs
 * out of line with it.
 */
export function EditableRows<Row extends { uid: string }>({ headingId, title, explanation, listError, rows, onChange, gridClassName, removeClassName = '', itemName, addLabel, newRow, children }: Props<Row>) {
  const update = (uid: string) => (change: Partial<Row>) => onChange(rows.map((r) => (r.uid === uid ? { ...r, ...change } : r)));
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-xl font-semibold">
        {title}
      </h2>
      <p className="max-w-prose text-slate-700">{explanation}</p>
      {listError && <p className="text-red-800">{listError}</p>}
      <ol className="space-y-3">
        {rows.map((row, i) => (
          <li key={row.uid} className={`grid gap-3 rounded-md border border-slate-200 bg-white p-3 sm:items-start ${gridClassName}`}>
            {children(row, i, update(row.uid))}
            <button type="button" className={`${buttonClasses.secondary} justify-self-start ${removeClassName}`} onClick={() => onChange(rows.filter((r) => r.uid !== row.uid))}>
              Remove<span className="sr-only"> {itemName(i)}</span>
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className={buttonClasses.secondary} onClick={() => onChange([...rows, newRow()])}>
        {addLabel}
      </button>
    </section>
  );
}
