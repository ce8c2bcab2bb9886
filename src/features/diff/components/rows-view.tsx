import { ScrollFrame } from '#src/components/ui/scroll-frame.tsx';
import type { ColumnHead, RowDiff, SectionDiff } from '#domain/diff/types.ts';
import { describeThreshold } from '#domain/package/thresholds.ts';
import type { DiffMode } from '../diff-choice.ts';
import { DiffStatusBadge } from './diff-status-badge.tsx';
import { FieldTable } from './field-table.tsx';
import { TextSpans } from './text-spans.tsx';
import { SideValue, UnifiedValue } from './value-cell.tsx';

interface Props {
  section: SectionDiff;
  rows: readonly RowDiff[];
  mode: DiffMode;
  labels: { before: string; after: string };
}

const th = 'border-b border-slate-300 px-2 py-1 text-left align-bottom font-semibold';
const td = 'border-b border-slate-200 px-2 py-1 align-top';

function columnHeading(column: ColumnHead) {
  return column.threshold ? `${column.label} (needs ${describeThreshold(column.threshold)})` : column.label;
}

/** What changed in a row besides its numbers: "Sample size: 41,820 → 42,100". */
function OtherChanges({ row }: { row: RowDiff }) {
  const changed = row.fields.filter((field) => field.status !== 'unchanged');
  if (changed.length === 0 || row.status !== 'modified') return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
      {changed.map((field) => (
        <li key={field.key}>
          {field.label}: <del className="bg-red-100 decoration-red-700">{field.before ?? 'none'}</del>
          <span aria-hidden="true"> → </span>
          <span className="sr-only"> changed to </span>
          <ins className="bg-green-100 underline decoration-green-700">{field.after ?? 'none'}</ins>
        </li>
      ))}
    </ul>
  );
}

/** Metric and subgroup tables: rows matched by key, each numeric cell with its threshold result. */
function TableRows({ section, rows, mode, labels }: Props) {
  const cellOf = (row: RowDiff, column: string) => row.cells.find((cell) => cell.column === column);
  return (
    <ScrollFrame label={`Changes to the rows of ${section.title}`}>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Changes to the rows of {section.title}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={mode === 'unified' ? 1 : 2} className={th}>
              Row
            </th>
            {section.columns.map((column) => (
              <th key={column.key} scope="colgroup" colSpan={mode === 'unified' ? 1 : 2} className={th}>
                {columnHeading(column)}
              </th>
            ))}
            <th scope="col" rowSpan={mode === 'unified' ? 1 : 2} className={th}>
              Status
            </th>
          </tr>
          {mode === 'side-by-side' && (
            <tr>
              {section.columns.map((column) => [
                <th key={`${column.key}:before`} scope="col" className={`${th} font-normal`}>
                  {labels.before}
                </th>,
                <th key={`${column.key}:after`} scope="col" className={`${th} font-normal`}>
                  {labels.after}
                </th>,
              ])}
            </tr>
          )}
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row-key={row.key} className={row.status === 'unchanged' ? '' : 'bg-amber-50/40'}>
              <th scope="row" className={`${td} text-left font-normal`}>
                {row.label}
                <OtherChanges row={row} />
              </th>
              {section.columns.map((column) =>
                mode === 'unified' ? (
                  <td key={column.key} className={`${td} whitespace-nowrap font-mono`}>
                    <UnifiedValue cell={cellOf(row, column.key)} />
                  </td>
                ) : (
                  [
                    <td key={`${column.key}:before`} className={`${td} whitespace-nowrap font-mono`}>
                      <SideValue cell={cellOf(row, column.key)} side="before" />
                    </td>,
                    <td key={`${column.key}:after`} className={`${td} whitespace-nowrap font-mono`}>
                      <SideValue cell={cellOf(row, column.key)} side="after" />
                    </td>,
                  ]
                ),
              )}
              <td className={td}>
                <DiffStatusBadge status={row.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollFrame>
  );
}

/** Datasets, risks, references: items matched by key; a modified item shows only what changed. */
function ListItems({ rows, mode, labels }: Props) {
  return (
    <ul className="space-y-3">
      {rows.map((row) => {
        const shown = row.status === 'modified' ? row.fields.filter((field) => field.status !== 'unchanged') : row.fields;
        const scalar = shown.filter((field) => !field.text);
        const texts = shown.filter((field) => field.text);
        return (
          <li key={row.key} data-row-key={row.key} className="rounded border border-slate-300 p-3">
            <p className="flex flex-wrap items-center gap-2 font-semibold">
              {row.label} <DiffStatusBadge status={row.status} />
            </p>
            {row.status !== 'unchanged' && scalar.length > 0 && (
              <div className="mt-2">
                <FieldTable fields={scalar} mode={mode} labels={labels} caption={`Fields of ${row.label}`} />
              </div>
            )}
            {row.status !== 'unchanged' &&
              texts.map((field) =>
                field.text ? (
                  <div key={field.key} className="mt-2">
                    <p className="text-sm font-semibold text-slate-700">{field.label}</p>
                    <TextSpans spans={field.text.spans} mode={mode} labels={labels} />
                  </div>
                ) : null,
              )}
          </li>
        );
      })}
    </ul>
  );
}

export function RowsView(props: Props) {
  return props.section.columns.length > 0 ? <TableRows {...props} /> : <ListItems {...props} />;
}
