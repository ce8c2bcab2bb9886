import { ScrollFrame } from './scroll-frame.tsx';
import type { Key, ReactNode } from 'react';

export interface Column<Row> {
  header: ReactNode;
  /** Added to the column's heading: a width, an alignment. */
  headerClassName?: string;
  /** Added to each of the column's cells; a function when it depends on the row. */
  className?: string | ((row: Row) => string);
  cell: (row: Row) => ReactNode;
}

interface Look {
  frame?: string;
  table: string;
  head?: string;
  headRow?: string;
  th: string;
  body?: string;
  row?: string;
  cell: string;
  caption: string;
}

const looks = {
  /** A card of its own: framed, a tinted head, rows divided by rules. */
  card: {
    frame: 'relative rounded-md border border-slate-200 bg-white shadow-sm',
    table: 'w-full border-collapse',
    head: 'border-slate-200 bg-slate-100',
    th: 'px-4 py-3 text-left text-sm font-semibold text-slate-700',
    body: 'divide-y divide-slate-200',
    cell: 'px-4 py-3 align-top',
    caption: 'px-4 py-3 text-left text-sm text-slate-600',
  },
  /** In a document's sections: framed lightly and tighter, headings on the cells' baseline. */
  section: {
    frame: 'rounded-md border border-slate-200',
    table: 'w-full border-collapse text-left',
    head: 'border-slate-200 bg-slate-100',
    th: 'px-3 py-2 align-bottom text-sm font-semibold text-slate-700',
    body: 'divide-y divide-slate-200',
    cell: 'px-3 py-2 align-top',
    caption: 'px-3 py-2 text-left text-sm text-slate-600',
  },
  /** Inside a panel that frames it already: plain, each row ruled. */
  ruled: {
    table: 'w-full border-collapse text-left',
    headRow: 'border-b border-slate-300',
    th: 'p-2',
    row: 'border-b border-slate-200 align-top',
    cell: 'p-2',
    caption: 'p-2 text-left text-sm text-slate-600',
  },
} as const satisfies Record<string, Look>;

interface Props<Row> {
  look: keyof typeof looks;
  /** Names the table; a screen reader reads it, and the eye too with showCaption. */
  caption: ReactNode;
  showCaption?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  /** Whether the first column names its row (a row header); it does unless said otherwise. */
  rowHeaders?: boolean;
  rowClassName?: (row: Row) => string | undefined;
  /** Added to the table's classes, for a smaller text. */
  className?: string;
}

const join = (...classes: (string | undefined)[]) => classes.filter(Boolean).join(' ') || undefined;

/** Records as a table: a heading a column, a row a record; the first column names the row. */
export function DataTable<Row>({ look: lookName, caption, showCaption = false, columns, rows, rowKey, rowHeaders = true, rowClassName, className }: Props<Row>) {
  const look: Look = looks[lookName];
  // A shown caption sits above the head: a rule then sets the head apart from it.
  const head = look.head && join(showCaption ? 'border-y' : 'border-b', look.head);
  const table = (
    <table className={join(look.table, className)}>
      <caption className={showCaption ? look.caption : 'sr-only'}>{caption}</caption>
      <thead className={head}>
        <tr className={look.headRow}>
          {/* Columns are fixed by the caller, never reordered: the index is a stable key. */}
          {columns.map((column, index) => (
            <th key={index} scope="col" className={join(look.th, column.headerClassName)}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={look.body}>
        {rows.map((row) => (
          <tr key={rowKey(row)} className={join(look.row, rowClassName?.(row))}>
            {columns.map((column, index) => {
              const extra = typeof column.className === 'function' ? column.className(row) : column.className;
              return index === 0 && rowHeaders ? (
                <th key={index} scope="row" className={join(look.cell, 'text-left', extra)}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={index} className={join(look.cell, extra)}>
                  {column.cell(row)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  // Every table scrolls sideways in a frame of its own when it is wider than the screen, never the page.
  return (
    <ScrollFrame className={look.frame} label={typeof caption === 'string' ? caption : 'Table'}>
      {table}
    </ScrollFrame>
  );
}

/**
 * A column a phone does without (decision 0170): give it as a column's headerClassName and
 * className, and say its value with `OnAPhone` in a cell that stays.
 */
export const wideOnly = 'max-sm:hidden';

/** A left-out column's value, in brackets after a cell's own, below the sm breakpoint only. */
export function OnAPhone({ children }: { children: ReactNode }) {
  return <span className="sm:hidden"> ({children})</span>;
}
