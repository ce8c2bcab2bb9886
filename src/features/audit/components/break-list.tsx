import { Link } from 'react-router';
import type { AuditBreak } from '#domain/contracts/audit.ts';

const shown = 50;

/** Every break, each entry linked to its row in the whole log; problems of the log as a whole unlinked. */
export function BreakList({ breaks, total }: { breaks: readonly AuditBreak[]; total: number }) {
  return (
    <ul className="list-disc space-y-1 pl-5">
      {breaks.slice(0, shown).map((item, index) => (
        <li key={`${item.seq ?? 'log'}-${index}`}>
          {item.reason}
          {item.seq !== null && (
            <>
              {' '}
              <Link to={`/audit?entry=${item.seq}`}>Show entry #{item.seq}</Link>
            </>
          )}
        </li>
      ))}
      {total > Math.min(shown, breaks.length) && <li>and {total - Math.min(shown, breaks.length)} more</li>}
    </ul>
  );
}
