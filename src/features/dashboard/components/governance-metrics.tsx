import { Link } from 'react-router';
import type { Governance, GovernanceFigure } from '#domain/contracts/governance.ts';
import { figureGroups, figureLabels, hrefOf, linkText } from '../governance-links.ts';
import { TrendChart } from './trend-chart.tsx';

const percent = (value: number, of: number) => (of === 0 ? '—' : `${Math.round((value / of) * 100)}%`);

function FigureCard({ figure }: { figure: GovernanceFigure }) {
  const label = figureLabels[figure.key];
  return (
    <li className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-3" data-figure={figure.key}>
      <span className="text-sm font-semibold text-slate-700">{label}</span>
      <span className="text-2xl font-bold tabular-nums" data-testid="figure-value">
        {figure.of === null ? (
          figure.value
        ) : (
          <>
            {percent(figure.value, figure.of)}
            <span className="block text-sm font-normal text-slate-700">
              {figure.value} of {figure.of} {figure.of === 1 ? 'model' : 'models'}
            </span>
          </>
        )}
      </span>
      <Link to={hrefOf(figure.link)} aria-label={`${label}: ${linkText(figure).toLowerCase()}`}>
        {linkText(figure)}
      </Link>
      {figure.trend && figure.trendMeasure ? (
        <TrendChart points={figure.trend} measure={figure.trendMeasure} />
      ) : (
        <span className="text-sm text-slate-600">No monthly history: counted as of now.</span>
      )}
    </li>
  );
}

/** The governance metrics (issue 23): each figure, the list behind it, and its last 12 months. */
export function GovernanceMetrics({ governance }: { governance: Governance }) {
  const byKey = new Map(governance.figures.map((f) => [f.key, f]));
  return (
    <div className="space-y-6">
      {figureGroups.map((group) => (
        <div key={group.title} className="space-y-2">
          <h3 className="text-lg font-semibold">{group.title}</h3>
          <p className="text-sm text-slate-700">{group.description}</p>
          <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label={group.title}>
            {group.keys.flatMap((key) => {
              const f = byKey.get(key);
              return f ? [<FigureCard key={key} figure={f} />] : [];
            })}
          </ul>
        </div>
      ))}
      <AuditChainTrend auditChain={governance.auditChain} />
    </div>
  );
}

/** Audit chain integrity over 12 months (decision record 0156): the log's size at each month's last signed tree head. */
function AuditChainTrend({ auditChain }: { auditChain: Governance['auditChain'] }) {
  const months = auditChain.trend.filter((p) => p.value !== null).length;
  return (
    <div className="space-y-2">
      <h3 className="text-lg font-semibold">Audit chain integrity</h3>
      <p className="text-sm text-slate-700">
        The server signs a tree head only over a log that verifies: a month with a head verified then, at that size. Today&apos;s check is at the top of the dashboard.
      </p>
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label="Audit chain integrity">
        <li className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-3" data-figure="audit_chain">
          <span className="text-sm font-semibold text-slate-700">Months with a verified tree head</span>
          <span className="text-2xl font-bold tabular-nums">
            {months}
            <span className="block text-sm font-normal text-slate-700">of the last 12</span>
          </span>
          <Link to="/audit" aria-label="Audit chain integrity: open the audit log">
            Open the audit log
          </Link>
          <TrendChart points={auditChain.trend} measure={auditChain.trendMeasure} />
        </li>
      </ul>
    </div>
  );
}
