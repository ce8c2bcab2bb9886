import { useState, type SubmitEvent } from 'react';
import { catalogueVerb, useCatalogueProposes } from '#src/lib/catalogue-proposes.ts';
import { riskCategories, type PublishTieringMethodRequest, type RiskCategory, type TieringMethod } from '#domain/contracts/risk-assessment.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { ProposedNotice } from '#src/components/ui/proposed-notice.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { usePublishTieringMethod } from '../api/list-tiering-methods.ts';

// The next tiering method version (decision record 0137): the kind, the categories it scores,
// percent weights (weighted scorecard), a tier per likelihood x impact cell (risk matrix) or the
// minimum score of tiers 3, 2 and 1 (scorecards). The server checks every field and says which
// is wrong beside it; nothing is stored until all are right.

type Kind = TieringMethod['kind'];
const kinds: { value: Kind; label: string }[] = [
  { value: 'scorecard', label: 'Scorecard: the sum of the residual scores' },
  { value: 'weighted_scorecard', label: 'Weighted scorecard: a weighted mean of the residual scores' },
  { value: 'risk_matrix', label: 'Risk matrix: a tier for each likelihood × impact cell, the worst category decides' },
];
const categoryNames: Record<RiskCategory, string> = { model_quality: 'Model quality', data: 'Data', security: 'Security', privacy: 'Privacy', fairness: 'Fairness', regulatory: 'Regulatory' };
const thresholdTiers = ['3', '2', '1'] as const;
const steps = [1, 2, 3, 4, 5] as const;

/** A blank field is sent as null: the server refuses it at its field. */
const numberOf = (text: string) => (text.trim() === '' ? null : Number(text));
const asText = (n: number | undefined) => (n === undefined ? '' : String(n));

function initialGrid(current: TieringMethod): string[][] {
  if (current.grid) return current.grid.map((row) => row.map(String));
  // Read the current bands on each cell's inherent score, as a starting point.
  const bands = [...current.bands].sort((a, b) => b.minScore - a.minScore);
  return steps.map((l) => steps.map((i) => String(bands.find((b) => l * i >= b.minScore)?.tier ?? 4)));
}

export function MethodForm({ current }: { current: TieringMethod }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>(current.kind);
  const [categories, setCategories] = useState<RiskCategory[]>(() => current.categories ?? [...riskCategories]);
  const [weights, setWeights] = useState<Record<string, string>>(() => Object.fromEntries(riskCategories.map((c) => [c, asText(current.weights?.[c])])));
  const bandOf = (tier: number) => current.bands.find((b) => b.tier === tier)?.minScore;
  const [thresholds, setThresholds] = useState<Record<(typeof thresholdTiers)[number], string>>(() => ({ '3': asText(bandOf(3)), '2': asText(bandOf(2)), '1': asText(bandOf(1)) }));
  const [reduction, setReduction] = useState({ partial: String(current.controlReduction.partial * 100), effective: String(current.controlReduction.effective * 100) });
  const [grid, setGrid] = useState<string[][]>(() => initialGrid(current));
  const publishing = usePublishTieringMethod();
  const proposes = useCatalogueProposes();
  const verb = catalogueVerb(proposes);
  const problem = isApiProblem(publishing.error) ? publishing.error : null;
  const errorAt = (pointer: string) => problem?.fieldError(pointer);
  /** The problems under a pointer (a category's index, a grid row), for the group that holds them. */
  const errorsUnder = (prefix: string) => (problem?.fieldErrors ?? []).filter((e) => e.pointer === prefix || e.pointer.startsWith(`${prefix}/`));
  const placed = ['/name', '/kind', '/categories', '/weights', '/thresholds', '/grid', '/controlReduction'];
  const unplaced = publishing.error && !(problem?.fieldErrors ?? []).some((e) => placed.some((p) => e.pointer === p || e.pointer.startsWith(`${p}/`)));
  const next = current.version + 1;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = {
      name,
      kind,
      categories,
      controlReduction: { partial: (numberOf(reduction.partial) ?? NaN) / 100, effective: (numberOf(reduction.effective) ?? NaN) / 100 },
      ...(kind === 'weighted_scorecard' ? { weights: Object.fromEntries(categories.map((c) => [c, numberOf(weights[c] ?? '')])) } : {}),
      ...(kind === 'risk_matrix' ? { grid: grid.map((row) => row.map(Number)) } : { thresholds: Object.fromEntries(thresholdTiers.map((t) => [t, numberOf(thresholds[t])])) }),
      replacesVersion: current.version,
    } as unknown as PublishTieringMethodRequest;
    publishing.mutate(request);
  };
  const toggle = (c: RiskCategory, on: boolean) => setCategories((cs) => (on ? riskCategories.filter((x) => x === c || cs.includes(x)) : cs.filter((x) => x !== c)));
  const groupError = (prefix: string) => {
    const errors = errorsUnder(prefix);
    return errors.length > 0 ? errors.map((e) => e.message).join('. ') : undefined;
  };
  const categoriesError = groupError('/categories');
  const weightsTotalError = errorAt('/weights');
  const gridError = errorAt('/grid');

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-labelledby="publish-method-heading">
      <h3 id="publish-method-heading" className="text-lg font-semibold">
        {verb} method version {next}
      </h3>
      <p className="max-w-prose text-slate-700">New assessments are scored by it; assessments already recorded keep the version they were scored by. A published version cannot be changed.</p>
      <div className="max-w-xl">
        <Field label="Name" error={errorAt('/name')}>
          {(props) => <input {...props} type="text" className={inputClasses} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
      </div>
      <fieldset className="space-y-2" aria-describedby={errorAt('/kind') ? 'method-kind-error' : undefined}>
        <legend className="font-semibold">Kind</legend>
        {kinds.map((k) => (
          <label key={k.value} className="flex items-start gap-2">
            <input type="radio" name="method-kind" className="mt-1.5" value={k.value} checked={kind === k.value} onChange={() => setKind(k.value)} />
            <span>{k.label}</span>
          </label>
        ))}
        {errorAt('/kind') && (
          <p id="method-kind-error" className="text-red-800">
            {errorAt('/kind')}
          </p>
        )}
      </fieldset>
      <fieldset className="space-y-2" aria-describedby={categoriesError ? 'method-categories-error' : undefined}>
        <legend className="font-semibold">Categories scored</legend>
        <p className="text-sm text-slate-600">Every assessment still answers all six; the method scores the ones ticked.</p>
        <div className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
          {riskCategories.map((c) => (
            <label key={c} className="flex items-center gap-2">
              <input type="checkbox" checked={categories.includes(c)} onChange={(e) => toggle(c, e.target.checked)} />
              {categoryNames[c]}
            </label>
          ))}
        </div>
        {categoriesError && (
          <p id="method-categories-error" className="text-red-800">
            {categoriesError}
          </p>
        )}
      </fieldset>
      {kind === 'weighted_scorecard' && (
        <fieldset className="space-y-2" aria-describedby={weightsTotalError ? 'method-weights-error' : undefined}>
          <legend className="font-semibold">Weights, in percent (adding up to 100)</legend>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {categories.map((c) => (
              <Field key={c} label={`${categoryNames[c]} (%)`} error={errorAt(`/weights/${c}`)}>
                {(props) => <input {...props} type="number" inputMode="decimal" min={0} max={100} className={inputClasses} value={weights[c] ?? ''} onChange={(e) => setWeights((w) => ({ ...w, [c]: e.target.value }))} />}
              </Field>
            ))}
          </div>
          {weightsTotalError && (
            <p id="method-weights-error" className="text-red-800">
              {weightsTotalError}
            </p>
          )}
        </fieldset>
      )}
      {kind === 'risk_matrix' ? (
        <fieldset className="min-w-0 space-y-2" aria-describedby={gridError ? 'method-grid-error' : undefined}>
          <legend className="font-semibold">Tier of each cell</legend>
          <p className="text-sm text-slate-600">Each cell is a tier, 1 the highest risk. Controls lower the likelihood by their share below before the cell is read.</p>
          <div className="relative overflow-x-auto">
            <table className="border-collapse text-sm">
              <caption className="sr-only">Tier by likelihood (rows) and impact (columns)</caption>
              <thead>
                <tr>
                  <th scope="col" className="p-1 text-left">
                    Likelihood ↓ impact →
                  </th>
                  {steps.map((i) => (
                    <th key={i} scope="col" className="p-1">
                      <span className="sr-only">Impact </span>
                      {i}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {steps.map((l) => (
                  <tr key={l}>
                    <th scope="row" className="p-1 text-center">
                      <span className="sr-only">Likelihood </span>
                      {l}
                    </th>
                    {steps.map((i) => (
                      <td key={i} className="p-1 align-top">
                        <Field label={`Likelihood ${l}, impact ${i}: tier`} hideLabel error={errorAt(`/grid/${l - 1}/${i - 1}`) ?? errorAt(`/grid/${l - 1}`)} errorClassName="text-xs text-red-800">
                          {(props) => (
                            <select {...props} className="rounded-md border border-slate-400 p-1" value={grid[l - 1]?.[i - 1] ?? ''} onChange={(e) => setGrid((g) => g.map((row, r) => (r === l - 1 ? row.map((v, c) => (c === i - 1 ? e.target.value : v)) : row)))}>
                              {[1, 2, 3, 4].map((t) => (
                                <option key={t} value={t}>
                                  {t}
                                </option>
                              ))}
                            </select>
                          )}
                        </Field>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {gridError && (
            <p id="method-grid-error" className="text-red-800">
              {gridError}
            </p>
          )}
        </fieldset>
      ) : (
        <fieldset className="space-y-2">
          <legend className="font-semibold">Minimum score of each tier</legend>
          <p className="text-sm text-slate-600">Each higher than the one before; tier 4 is any score below tier 3’s.</p>
          <div className="grid gap-4 sm:grid-cols-3">
            {thresholdTiers.map((t) => (
              <Field key={t} label={`Tier ${t} from`} error={errorAt(`/thresholds/${t}`) ?? (t === '3' ? errorAt('/thresholds') : undefined)}>
                {(props) => <input {...props} type="number" inputMode="decimal" min={0} className={inputClasses} value={thresholds[t]} onChange={(e) => setThresholds((th) => ({ ...th, [t]: e.target.value }))} />}
              </Field>
            ))}
          </div>
        </fieldset>
      )}
      <fieldset className="space-y-2">
        <legend className="font-semibold">What controls take off, in percent</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Partly effective controls (%)" error={errorAt('/controlReduction/partial')}>
            {(props) => <input {...props} type="number" inputMode="decimal" min={0} max={100} className={inputClasses} value={reduction.partial} onChange={(e) => setReduction((r) => ({ ...r, partial: e.target.value }))} />}
          </Field>
          <Field label="Effective controls (%)" error={errorAt('/controlReduction/effective')}>
            {(props) => <input {...props} type="number" inputMode="decimal" min={0} max={100} className={inputClasses} value={reduction.effective} onChange={(e) => setReduction((r) => ({ ...r, effective: e.target.value }))} />}
          </Field>
        </div>
      </fieldset>
      {unplaced && (
        <p role="alert" className="text-red-800">
          {describeError(publishing.error)}
        </p>
      )}
      {publishing.data && (publishing.data.proposed ? <ProposedNotice /> : <p role="status">Method version {publishing.data.result.method.version} is published and scores new assessments.</p>)}
      <button type="submit" className={buttonClasses.primary} disabled={publishing.isPending}>
        {publishing.isPending ? (proposes ? 'Proposing…' : 'Publishing…') : `${verb} method version ${next}`}
      </button>
    </form>
  );
}
