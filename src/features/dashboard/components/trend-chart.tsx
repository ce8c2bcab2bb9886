import { useId } from 'react';
import type { GovernanceFigure } from '#domain/contracts/governance.ts';

type Point = NonNullable<GovernanceFigure['trend']>[number];

const monthName = (month: string) => new Date(`${month}-15T12:00:00Z`).toLocaleDateString('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * Twelve months as small bars, for the eye, and the same numbers as a table behind a
 * disclosure, for everyone else: the bars are hidden from assistive technology, the table is
 * the chart's text alternative.
 */
export function TrendChart({ points, measure }: { points: readonly Point[]; measure: string }) {
  const id = useId();
  // A snapshot trend (docs/decisions/0136) is a value per month, not a count of events.
  const column = points.some((p) => p.value === null) || measure.startsWith('At the close') ? 'Value' : 'Count';
  const max = Math.max(1, ...points.map((p) => p.value ?? 0));
  const width = 120;
  const height = 28;
  const bar = width / points.length;
  return (
    <div className="space-y-1">
      <svg aria-hidden="true" width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="block text-sky-800">
        <line x1={0} y1={height - 0.5} x2={width} y2={height - 0.5} className="stroke-slate-400" strokeWidth={1} />
        {points.map((p, i) => {
          const h = !p.value ? 0 : Math.max(2, (p.value / max) * (height - 2));
          return <rect key={p.month} x={i * bar + 1} y={height - 1 - h} width={bar - 2} height={h} fill="currentColor" />;
        })}
      </svg>
      <details className="text-sm">
        <summary className="cursor-pointer py-1 text-slate-700">
          Last 12 months <span className="sr-only">of {measure.toLowerCase()}</span>
        </summary>
        <table className="mt-1 w-full text-left" aria-describedby={`${id}-measure`}>
          <caption id={`${id}-measure`} className="text-left text-slate-700">
            {measure}, per month
          </caption>
          <thead>
            <tr>
              <th scope="col" className="pr-3 font-semibold">
                Month
              </th>
              <th scope="col" className="text-right font-semibold">
                {column}
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.month}>
                <th scope="row" className="pr-3 font-normal">
                  {monthName(p.month)}
                </th>
                <td className="text-right tabular-nums">{p.value ?? 'Not recorded'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
