import type { ReactNode } from 'react';
import { fieldId, pointerJoin } from '../../field-errors.ts';
import { useFieldError } from './field-errors-context.ts';
import { GrowingList, linkButtonClasses, type ListProps } from './growing-list.tsx';

const headingClasses = 'px-2 py-2 text-left align-bottom text-sm font-semibold text-slate-700';
export const cellClasses = 'px-2 py-2 align-top';

export interface Row<T> {
  /** Pointer of the row: its cells' pointers go below it. */
  pointer: string;
  position: number;
  /** What the row's labels call it: its name, or "metric 2" while it has none. */
  name: string;
  update: (next: T) => void;
}

interface Props<T> extends ListProps<T> {
  caption: ReactNode;
  /** One heading a column, before the remove column every row ends with. */
  headings: readonly ReactNode[];
  /** The row's cells, as an element so that they may use hooks. */
  renderCells: (item: T, row: Row<T>) => ReactNode;
}

/** A list edited as a table, a row each, that can grow and shrink. */
export function RowTable<T>({ pointer, items, noun, nameOf, create, onChange, caption, headings, renderCells }: Props<T>) {
  return (
    <GrowingList pointer={pointer} items={items} noun={noun} create={create} onChange={onChange} className="space-y-3">
      {({ update, remove }) => (
        <div className="overflow-x-auto rounded-md border border-slate-200">
          <table className="w-full border-collapse">
            <caption className="sr-only">{caption}</caption>
            <thead className="border-b border-slate-200 bg-slate-100">
              <tr>
                {/* Columns are fixed by the section's kind and policy, never reordered: the index is a stable key. */}
                {headings.map((heading, index) => (
                  <th key={index} scope="col" className={headingClasses}>
                    {heading}
                  </th>
                ))}
                <th scope="col" className={headingClasses}>
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {items.map((item, index) => {
                const rowPointer = pointerJoin(pointer, index);
                const name = nameOf(item).trim() || `${noun} ${index + 1}`;
                return (
                  <tr key={index} id={fieldId(rowPointer)} tabIndex={-1}>
                    {renderCells(item, { pointer: rowPointer, position: index + 1, name, update: (next) => update(index, next) })}
                    <td className={`${cellClasses} pt-3`}>
                      <button type="button" className={linkButtonClasses} onClick={() => remove(index)}>
                        Remove <span className="sr-only">{name}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </GrowingList>
  );
}

/** A problem with a row as a whole, shown in its first cell under the control that names it. */
export function RowError({ pointer }: { pointer: string }) {
  const error = useFieldError(pointer);
  return error ? <p className="text-sm font-semibold text-red-800">{error}</p> : null;
}
