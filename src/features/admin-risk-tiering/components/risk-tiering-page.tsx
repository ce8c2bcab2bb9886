import type { RevalidationSchedule, TieringMethodList } from '#domain/contracts/revalidation.ts';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { formatDate, formatRiskTier } from '#src/lib/format.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useTieringMethods } from '../api/list-tiering-methods.ts';
import { useRevalidationSchedules } from '../api/revalidation-schedules.ts';
import { ScheduleForm } from './schedule-form.tsx';
import { MethodForm } from './method-form.tsx';

// Risk tiering administration (decision records 0106, 0114, 0137): the tiering method versions
// and the revalidation schedule versions, of each of which an administrator publishes the next.

type MethodRow = TieringMethodList['items'][number];

const kindNames: Record<MethodRow['method']['kind'], string> = { scorecard: 'Scorecard (sum of residual scores)', weighted_scorecard: 'Weighted scorecard (weighted mean)', risk_matrix: 'Risk matrix (worst category decides)' };
const percent = (n: number) => `${Math.round(n * 100)} %`;

const methodColumns: readonly Column<MethodRow>[] = [
  {
    header: 'Method',
    cell: ({ method, current }) => (
      <>
        <span className="block font-semibold">{method.name}</span>
        <span className="block text-sm text-slate-700">
          {method.key} version {method.version}
          {current && ' (scores new assessments)'}
        </span>
      </>
    ),
  },
  { header: 'Kind', cell: ({ method }) => kindNames[method.kind] },
  {
    header: 'Tier bands',
    cell: ({ method }) => (
      <ul className="space-y-0.5">
        {method.grid && <li>By a likelihood × impact grid</li>}
        {method.weights && <li>Weights: {Object.entries(method.weights).map(([c, w]) => `${c.replace('_', ' ')} ${w} %`).join(', ')}</li>}
        {method.categories && method.categories.length < 6 && <li>Scores: {method.categories.map((c) => c.replace('_', ' ')).join(', ')}</li>}
        {[...method.bands]
          .sort((a, b) => b.minScore - a.minScore)
          .map((band) => (
            <li key={band.tier} className="whitespace-nowrap">
              {formatRiskTier(band.tier)}: score {band.minScore} or more
            </li>
          ))}
      </ul>
    ),
  },
  { header: 'Controls take off', cell: ({ method }) => `partly effective ${percent(method.controlReduction.partial)}, effective ${percent(method.controlReduction.effective)}` },
  { header: 'Published', className: 'whitespace-nowrap', cell: ({ publishedAt }) => formatDate(publishedAt) },
];

const monthsText = (months: number) => (months % 12 === 0 ? (months === 12 ? 'every year' : `every ${months / 12} years`) : `every ${months} months`);

const scheduleColumns = (currentVersion: number): readonly Column<RevalidationSchedule>[] => [
  { header: 'Version', className: 'whitespace-nowrap', cell: (s) => `Version ${s.version}${s.version === currentVersion ? ' (current)' : ''}` },
  ...(['1', '2', '3', '4'] as const).map((tier) => ({ header: formatRiskTier(Number(tier)), className: 'whitespace-nowrap', cell: (s: RevalidationSchedule) => monthsText(s.months[tier]) })),
  { header: 'Published', cell: (s) => `${formatDate(s.publishedAt)}${s.publishedBy ? ` by ${s.publishedBy.displayName}` : ' (built in)'}` },
];

export function RiskTieringPage() {
  usePageTitle('Risk tiering');
  const methods = useTieringMethods();
  const schedules = useRevalidationSchedules();
  const current = schedules.data?.at(-1);
  const currentMethod = methods.data?.items.find((m) => m.current)?.method;
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <PageHeading>Risk tiering</PageHeading>
        <p className="max-w-prose text-slate-700">
          A package’s risk tier comes from its risk assessment, scored by a tiering method version; the tier selects the approval chain and how often an approved model is revalidated. Versions are never edited: an assessment keeps the method version it was scored by, a scheduled revalidation the schedule version it was computed under.
        </p>
      </div>
      <section aria-labelledby="methods-heading" aria-busy={methods.isFetching} className="space-y-3">
        <h2 id="methods-heading" className="text-xl font-bold">
          Tiering methods
        </h2>
        {methods.isPending && <LoadingNotice>Loading the tiering methods…</LoadingNotice>}
        {methods.isError && <ErrorNotice title="The tiering methods could not be loaded." error={methods.error} onRetry={() => void methods.refetch()} retrying={methods.isFetching} />}
        {methods.data && <DataTable look="ruled" caption="Tiering method versions" columns={methodColumns} rows={methods.data.items} rowKey={({ method }) => `${method.key}@${method.version}`} />}
        {currentMethod && <MethodForm current={currentMethod} />}
      </section>
      <section aria-labelledby="schedules-heading" aria-busy={schedules.isFetching} className="space-y-3">
        <h2 id="schedules-heading" className="text-xl font-bold">
          Revalidation schedule
        </h2>
        <p className="max-w-prose text-slate-700">
          When a package is approved, its revalidation falls due after the months its tier is given here, with the package’s owner answering for it. On the due date the approval goes under re-review.
        </p>
        {schedules.isPending && <LoadingNotice>Loading the revalidation schedule…</LoadingNotice>}
        {schedules.isError && <ErrorNotice title="The revalidation schedule could not be loaded." error={schedules.error} onRetry={() => void schedules.refetch()} retrying={schedules.isFetching} />}
        {schedules.data && current && (
          <>
            <DataTable look="ruled" caption="Revalidation schedule versions, months per risk tier" columns={scheduleColumns(current.version)} rows={[...schedules.data].reverse()} rowKey={(s) => String(s.version)} />
            <ScheduleForm current={current} />
          </>
        )}
      </section>
    </div>
  );
}
