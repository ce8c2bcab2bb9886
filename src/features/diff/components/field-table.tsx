import type { FieldDiff } from '#domain/diff/types.ts';
import type { DiffMode } from '../diff-choice.ts';
import { DiffStatusBadge } from './diff-status-badge.tsx';

const none = <span className="text-slate-500">none</span>;

function Change({ field }: { field: FieldDiff }) {
  if (field.status === 'unchanged') return <>{field.after ?? none}</>;
  return (
    <>
      {field.before !== null && <del className="bg-red-100 text-red-950 decoration-red-700">{field.before}</del>}
      {field.before !== null && field.after !== null && <span aria-hidden="true"> → </span>}
      {field.before !== null && field.after !== null && <span className="sr-only"> changed to </span>}
      {field.after !== null && <ins className="bg-green-100 text-green-950 underline decoration-green-700">{field.after}</ins>}
    </>
  );
}

/** Scalar fields of a section or an item: each with its value before and after. */
export function FieldTable({ fields, mode, labels, caption }: { fields: readonly FieldDiff[]; mode: DiffMode; labels: { before: string; after: string }; caption: string }) {
  return (
    <table className="w-full border-collapse text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300 text-left">
          <th scope="col" className="w-1/5 py-1 pr-2 font-semibold">
            Field
          </th>
          {mode === 'unified' ? (
            <th scope="col" className="py-1 pr-2 font-semibold">
              Change
            </th>
          ) : (
            <>
              <th scope="col" className="py-1 pr-2 font-semibold">
                {labels.before}
              </th>
              <th scope="col" className="py-1 pr-2 font-semibold">
                {labels.after}
              </th>
            </>
          )}
          <th scope="col" className="w-28 py-1 font-semibold">
            Status
          </th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <tr key={field.key} className="border-b border-slate-200 align-top">
            <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-700">
              {field.label}
            </th>
            {mode === 'unified' ? (
              <td className="py-1 pr-2 break-words">
                <Change field={field} />
              </td>
            ) : (
              <>
                <td className="py-1 pr-2 break-words">{field.before ?? none}</td>
                <td className="py-1 pr-2 break-words">{field.after ?? none}</td>
              </>
            )}
            <td className="py-1">
              <DiffStatusBadge status={field.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
