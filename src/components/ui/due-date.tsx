import type { PackageSummary } from '#domain/contracts/packages.ts';
import { dueStatus, formatDate } from '../../lib/format.ts';
import { None } from './none.tsx';

/** A step's due date, with "Overdue by …" said in words and marked with an icon, not by colour alone. */
export function DueDate({ step, now, pausedForOwner = false }: { step: PackageSummary['currentStep']; now: Date; pausedForOwner?: boolean }) {
  // The server stops the clock while the owner must answer (whose-turn.ts): say so, not "none".
  if (pausedForOwner && !step?.dueAt) return <span className="block whitespace-nowrap text-sm text-slate-700">Paused: the owner’s turn</span>;
  if (!step?.dueAt) return <None />;
  const due = dueStatus(step.dueAt, step.overdue, now);
  return (
    <>
      <time dateTime={step.dueAt} className="block whitespace-nowrap">
        {formatDate(step.dueAt)}
      </time>
      {due.overdue ? (
        <span className="flex items-center gap-1 whitespace-nowrap font-semibold text-red-800">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0 fill-current">
            <path d="M10 1.5 19 18H1L10 1.5Zm-1 6v5h2v-5H9Zm0 6.5v2h2v-2H9Z" />
          </svg>
          {due.text}
        </span>
      ) : (
        <span className="block whitespace-nowrap text-sm text-slate-600">{due.text}</span>
      )}
    </>
  );
}
