import { useState, type SubmitEvent } from 'react';
import { catalogueVerb, useCatalogueProposes } from '#src/lib/catalogue-proposes.ts';
import type { RevalidationMonths, RevalidationSchedule } from '#domain/contracts/revalidation.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { ProposedNotice } from '#src/components/ui/proposed-notice.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { formatRiskTier } from '#src/lib/format.ts';
import { usePublishRevalidationSchedule } from '../api/revalidation-schedules.ts';

const tiers = ['1', '2', '3', '4'] as const;

/** The next schedule version, from the current one's months; the server checks each and says which is wrong beside it. */
export function ScheduleForm({ current }: { current: RevalidationSchedule }) {
  const [months, setMonths] = useState<Record<keyof RevalidationMonths, string>>(() => ({ '1': String(current.months['1']), '2': String(current.months['2']), '3': String(current.months['3']), '4': String(current.months['4']) }));
  const publishing = usePublishRevalidationSchedule();
  const proposes = useCatalogueProposes();
  const verb = catalogueVerb(proposes);
  const problem = isApiProblem(publishing.error) ? publishing.error : null;
  const errorAt = (tier: string) => problem?.fieldError(`/months/${tier}`);
  const unplaced = publishing.error && !tiers.some((tier) => errorAt(tier));

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Sent as typed (blank as NaN becomes null in JSON): the server refuses it at its field.
    const asNumbers = Object.fromEntries(tiers.map((tier) => [tier, months[tier].trim() === '' ? null : Number(months[tier])])) as unknown as RevalidationMonths;
    publishing.mutate({ months: asNumbers, replacesVersion: current.version });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-labelledby="publish-schedule-heading">
      <h3 id="publish-schedule-heading" className="text-lg font-semibold">
        {verb} version {current.version + 1}
      </h3>
      <p className="max-w-prose text-slate-700">Approvals from then on are scheduled by it; revalidations already scheduled keep their due dates.</p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {tiers.map((tier) => (
          <Field key={tier} label={`${formatRiskTier(Number(tier))}: months`} error={errorAt(tier)}>
            {(props) => <input {...props} type="number" inputMode="numeric" min={1} max={120} className={inputClasses} value={months[tier]} onChange={(e) => setMonths((m) => ({ ...m, [tier]: e.target.value }))} />}
          </Field>
        ))}
      </div>
      {unplaced && (
        <p role="alert" className="text-red-800">
          {describeError(publishing.error)}
        </p>
      )}
      {publishing.data && (publishing.data.proposed ? <ProposedNotice /> : <p role="status">Version {publishing.data.result.version} is published.</p>)}
      <button type="submit" className={buttonClasses.primary} disabled={publishing.isPending}>
        {publishing.isPending ? (proposes ? 'Proposing…' : 'Publishing…') : `${verb} version ${current.version + 1}`}
      </button>
    </form>
  );
}
