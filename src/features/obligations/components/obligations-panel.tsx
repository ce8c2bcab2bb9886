import type { Obligation } from '#domain/contracts/obligations.ts';
import { obligationStatusLabels } from '#domain/contracts/obligations.ts';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { formatDate } from '#src/lib/format.ts';
import { useActingRoles, useViewer } from '#src/lib/use-viewer.ts';
import { useObligations } from '../api/list-obligations.ts';
import { ObligationActions } from './obligation-actions.tsx';

// The conditions of the package's approvals as obligations (docs/decisions/0111), on the
// package page: who owes what by when, the scope integrations check, where each stands.

const statusClasses: Record<Obligation['status'], string> = {
  open: 'border-slate-500 bg-slate-50 text-slate-900',
  fulfilment_recorded: 'border-blue-800 bg-blue-50 text-blue-900',
  confirmed: 'border-green-800 bg-green-50 text-green-900',
  lapsed: 'border-red-800 bg-red-50 text-red-900',
};

const day = (date: string) => formatDate(`${date}T12:00:00Z`);

export function ObligationsPanel({ pkg }: { pkg: PackageDetail }) {
  const obligations = useObligations(pkg.id);
  const viewer = useViewer();
  const actingRoles = useActingRoles() ?? viewer?.roles ?? [];
  const team = new Set(pkg.versions.map((v) => v.submittedBy.id));
  const inOwnerTeam = viewer !== null && team.has(viewer.id);
  if (obligations.isError) return <ErrorNotice title="The obligations could not be loaded." error={obligations.error} onRetry={() => void obligations.refetch()} retrying={obligations.isFetching} />;
  const items = obligations.data ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="obligations-heading" className="space-y-3">
      <h2 id="obligations-heading" className="text-lg font-bold">
        Conditions and obligations
      </h2>
      {pkg.conditionsLapsed && (
        <p role="status" className="rounded-md border-l-4 border-red-800 bg-red-50 p-3 font-semibold text-red-900">
          Conditions lapsed: a condition of the approval passed its due date without a confirmed fulfilment.
        </p>
      )}
      <ol className="space-y-3">
        {items.map((o) => (
          <li key={o.id} id={`obligation-${o.id}`} className="space-y-2 rounded-md border border-slate-300 bg-white p-3">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <p className="font-semibold">{o.text}</p>
              <span className={`whitespace-nowrap rounded border px-1.5 text-sm font-semibold ${statusClasses[o.status]}`}>{obligationStatusLabels[o.status]}</span>
            </div>
            <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="font-semibold text-slate-600">Owner</dt>
              <dd>{o.owner.displayName}</dd>
              <dt className="font-semibold text-slate-600">Due</dt>
              <dd>
                <time dateTime={o.dueOn}>{day(o.dueOn)}</time>
                {o.lapsedAt && <span className="text-red-800"> (lapsed {formatDate(o.lapsedAt)})</span>}
              </dd>
              <dt className="font-semibold text-slate-600">Scope</dt>
              <dd>{o.scope ? <code className="break-all font-mono">{JSON.stringify(o.scope)}</code> : 'None stated'}</dd>
              {o.evidence && (
                <>
                  <dt className="font-semibold text-slate-600">Evidence</dt>
                  <dd>
                    {o.evidence.text}
                    {o.evidence.link && (
                      <>
                        {' '}
                        <a href={o.evidence.link} rel="noreferrer noopener" target="_blank" className="break-all">
                          {o.evidence.link}
                        </a>
                      </>
                    )}
                    <span className="block text-slate-600">
                      Recorded by {o.evidence.by.displayName}, {formatDate(o.evidence.at)}
                    </span>
                  </dd>
                </>
              )}
              {o.review && (
                <>
                  <dt className="font-semibold text-slate-600">{o.review.outcome === 'confirmed' ? 'Confirmed' : 'Sent back'}</dt>
                  <dd>
                    {o.review.note && `${o.review.note} `}
                    <span className="text-slate-600">
                      by {o.review.by.displayName}, {formatDate(o.review.at)}
                    </span>
                  </dd>
                </>
              )}
            </dl>
            <ObligationActions obligation={o} inOwnerTeam={inOwnerTeam} holdsApprovingRole={actingRoles.includes(o.role)} />
          </li>
        ))}
      </ol>
    </section>
  );
}
