import { Link } from 'react-router';
import type { CarriedThread } from '#domain/annotations/carry-over.ts';
import { threadKindLabels } from '#domain/contracts/threads.ts';

const outdatedReason: Record<CarriedThread['reason'], string> = {
  quote_found: '',
  whole_section: '',
  quote_missing: 'the quoted passage is not in this version',
  section_removed: 'the section was removed',
};

/** Threads opened on earlier versions, as they stand on the newer one: carried over, or outdated with their quote. */
export function CarriedThreads({ packageId, to, threads }: { packageId: string; to: number; threads: readonly CarriedThread[] }) {
  return (
    <div className="rounded border border-slate-300 bg-slate-50 p-3">
      <p className="text-sm font-semibold">Threads from earlier versions</p>
      <ul className="mt-2 space-y-2">
        {threads.map(({ thread, state, reason }) => {
          const question = thread.messages[0];
          return (
            <li key={thread.id} className="text-sm">
              {state === 'carried_over' ? (
                <span className="mr-2 rounded border border-blue-800 bg-blue-50 px-1.5 py-0.5 text-xs font-semibold text-blue-950">Carried over from version {thread.versionNumber}</span>
              ) : (
                <span className="mr-2 rounded border border-amber-700 bg-amber-50 px-1.5 py-0.5 text-xs font-semibold text-amber-950">Outdated: {outdatedReason[reason]}</span>
              )}
              <span className="font-semibold">{threadKindLabels[thread.kind]}</span> by {thread.createdBy.displayName} ({thread.status}):{' '}
              <span className="text-slate-800">{question ? question.body.slice(0, 200) : ''}</span>{' '}
              <Link to={{ pathname: `/packages/${packageId}`, search: `?version=${state === 'carried_over' ? to : thread.versionNumber}`, hash: thread.id }}>Open the thread</Link>
              {thread.anchor && <blockquote className="mt-1 border-l-4 border-slate-400 pl-2 text-slate-700">{thread.anchor.exact}</blockquote>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
