import { Link } from 'react-router';
import type { AuditEntryView } from '#domain/contracts/audit.ts';
import { Definition, DefinitionList } from '#src/components/ui/definition-list.tsx';
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
      <DefinitionList layout="compact" className="text-sm">
        <Definition term="Time (UTC)" className="font-mono">{entry.at}</Definition>
        <Definition term="Actor">
          {entry.actorId === null ? (
            'The system'
          ) : (
            <>
              {entry.actorName ?? 'Unknown user'} <span className="font-mono">({entry.actorId})</span> ·{' '}
              <Link to={filterHref('actor', entry.actorId)}>Only entries by {entry.actorName ?? entry.actorId}</Link>
            </>
          )}
        </Definition>
        <Definition term="Action">
          {auditActionLabel(entry.action)} <span className="font-mono">({entry.action})</span>
          {isKnownAction(entry.action) && (
            <>
              {' '}
              · <Link to={filterHref('action', entry.action)}>Only entries of this action</Link>
            </>
          )}
        </Definition>
        <Definition term="Subject" className="break-all font-mono">{entry.subject}</Definition>
        <Definition term="Previous hash" className="break-all font-mono">{entry.prevHash}</Definition>
        <Definition term="Entry hash (stored)" className="break-all font-mono">{entry.entryHash}</Definition>
        <Definition term="Entry hash (recomputed)" className="break-all font-mono">
          {hash.recomputed ?? 'cannot be computed'}{' '}
          <span className={hash.matches ? 'font-sans text-green-800' : 'font-sans font-semibold text-red-800'}>{hash.matches ? '✓ matches' : '✕ does not match: this entry was changed after it was written'}</span>
        </Definition>
      </DefinitionList>
      <div className="flex flex-col gap-4 md:flex-row">
        <Json label="Before" value={entry.before} />
        <Json label="After" value={entry.after} />
      </div>
    </div>
  );
}
