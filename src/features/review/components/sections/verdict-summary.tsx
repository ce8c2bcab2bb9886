import type { ReactNode } from 'react';

interface Props {
  passes: boolean;
  children: ReactNode;
}

/** The sentence above a table that says, before any reading of rows, whether anything fails. */
export function VerdictSummary({ passes, children }: Props) {
  return (
    <div className={`flex gap-3 rounded-md border-l-4 p-4 ${passes ? 'border-emerald-700 bg-emerald-50' : 'border-red-700 bg-red-50'}`}>
      <span aria-hidden="true" className={`font-bold ${passes ? 'text-emerald-800' : 'text-red-800'}`}>
        {passes ? '✓' : '✕'}
      </span>
      <div className="min-w-0 space-y-2">{children}</div>
    </div>
  );
}
