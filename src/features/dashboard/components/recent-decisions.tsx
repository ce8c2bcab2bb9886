import { Link } from 'react-router';
import type { Dashboard } from '#domain/contracts/dashboard.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import { formatDateTime, formatRelative } from '#src/lib/format.ts';

/** The latest decisions across every package, newest first. */
export function RecentDecisions({ items, now }: { items: Dashboard['recentDecisions']; now: Date }) {
  return (
    <ol aria-label="Recent decisions, newest first" className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white shadow-sm">
      {items.map((item) => (
        <li key={item.decisionId} className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1 px-4 py-3">
          <p>
            <span className="font-semibold">{item.meaning}</span> by {item.actor.displayName} ({roleLabels[item.role]}) ·{' '}
            <Link to={`/packages/${encodeURIComponent(item.packageId)}`}>
              {item.modelName} {item.versionLabel}
            </Link>
          </p>
          <p className="whitespace-nowrap text-sm text-slate-600">
            <time dateTime={item.decidedAt} title={formatDateTime(item.decidedAt)}>
              {formatRelative(item.decidedAt, now)}
            </time>
          </p>
        </li>
      ))}
    </ol>
  );
}
