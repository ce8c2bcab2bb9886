import { Link } from 'react-router';
import type { AuditEntryView } from '#domain/contracts/audit.ts';
import { auditActionLabel, isKnownAction } from '../action-labels.ts';
import type { EntryHashCheck } from './entry-hash.ts';

interface Props {
  entry: AuditEntryView;
  hash: EntryHashCheck;
  /** The address of this view filtered to one actor, or to one action. */
  filterHref: (name: 'actor' | 'action', value: string) => string;
}

function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <div className="min-w-0 flex-1">
      <h3 className="text-sm font-semibold text-slate-700">{label}</h3>
      <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-slate-100 p-2 font-mono text-sm">{value === undefined ? 'undefined' : JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

/** Everything an entry says, and the hashes that chain it, for a reader checking it by hand. */
export function EntryDetails({ entry, hash, filterHref }: Props) {
  return (
    <div className="space-y-4 p-4">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-semibold">Time (UTC)</dt>
        <dd className="font-mono">{entry.at}</dd>
        <dt className="font-semibold">Actor</dt>
        <dd>
          {entry.actorId === null ? (
            'The system'
          ) : (
            <>
              {entry.actorName ?? 'Unknown user'} <span className="font-mono">({entry.actorId})</span> ·{' '}
              <Link to={filterHref('actor', entry.actorId)}>Only entries by {entry.actorName ?? entry.actorId}</Link>
            </>
          )}
        </dd>
        <dt className="font-semibold">Action</dt>
        <dd>
          {auditActionLabel(entry.action)} <span className="font-mono">({entry.action})</span>
          {isKnownAction(entry.action) && (
            <>
              {' '}
              · <Link to={filterHref('action', entry.action)}>Only entries of this action</Link>
            </>
          )}
        </dd>
        <dt className="font-semibold">Subject</dt>
        <dd className="break-all font-mono">{entry.subject}</dd>
        <dt className="font-semibold">Previous hash</dt>
        <dd className="break-all font-mono">{entry.prevHash}</dd>
        <dt className="font-semibold">Entry hash (stored)</dt>
        <dd className="break-all font-mono">{entry.entryHash}</dd>
        <dt className="font-semibold">Entry hash (recomputed)</dt>
        <dd className="break-all font-mono">
          {hash.recomputed ?? 'cannot be computed'}{' '}
          <span className={hash.matches ? 'font-sans text-green-800' : 'font-sans font-semibold text-red-800'}>{hash.matches ? '✓ matches' : '✕ does not match: this entry was changed after it was written'}</span>
        </dd>
      </dl>
      <div className="flex flex-col gap-4 md:flex-row">
        <Json label="Before" value={entry.before} />
        <Json label="After" value={entry.after} />
      </div>
    </div>
  );
}
