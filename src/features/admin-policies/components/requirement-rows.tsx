import type { FieldProblem } from '#domain/contracts/problem.ts';
import { metricCatalogue } from '#domain/contracts/metric-catalogue.ts';
import { thresholdOperatorSchema } from '#domain/contracts/sections.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { errorAt } from '#src/lib/field-error.ts';
import { EnforcementField } from './enforcement-field.tsx';
import { emptyRequirement, type RequirementDraft, type RequirementKind } from '../policy-draft.ts';

const operatorWords = { '>=': 'at least', '>': 'above', '<=': 'at most', '<': 'below' } as const;

interface Props {
  kind: RequirementKind;
  title: string;
  explanation: string;
  rows: RequirementDraft[];
  errors: readonly FieldProblem[];
  onChange: (rows: RequirementDraft[]) => void;
}

/** One requirement per row: which metric, the bar, and whether failing it blocks or advises. */
export function RequirementRows({ kind, title, explanation, rows, errors, onChange }: Props) {
  const at = (pointer: string) => errorAt(errors, pointer);
  const update = (uid: string, change: Partial<RequirementDraft>) => onChange(rows.map((r) => (r.uid === uid ? { ...r, ...change } : r)));
  const headingId = `${kind}-heading`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-xl font-semibold">
        {title}
      </h2>
      <p className="max-w-prose text-slate-700">{explanation}</p>
      {at(`/${kind}`) && !rows.some((_, i) => at(`/${kind}/${i}`)) && <p className="text-red-800">{at(`/${kind}`)}</p>}
      <ol className="space-y-3">
        {rows.map((row, i) => (
          <li key={row.uid} className="grid gap-3 rounded-md border border-slate-200 bg-white p-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-end">
            <Field label={`Metric ${i + 1}`} error={at(`/${kind}/${i}/metric`) ?? (at(`/${kind}/${i}`) && !at(`/${kind}/${i}/operator`) && !at(`/${kind}/${i}/value`) ? at(`/${kind}/${i}`) : undefined)}>
              {(props) => (
                <select {...props} className={inputClasses} value={row.metric} onChange={(e) => update(row.uid, { metric: e.target.value })}>
                  <option value="">Choose a metric</option>
                  {Object.entries(metricCatalogue).map(([key, label]) => (
                    <option key={key} value={key}>
                      {label} ({key})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Must be" error={at(`/${kind}/${i}/operator`)}>
              {(props) => (
                <select {...props} className={inputClasses} value={row.operator} onChange={(e) => update(row.uid, { operator: thresholdOperatorSchema.parse(e.target.value) })}>
                  {thresholdOperatorSchema.options.map((op) => (
                    <option key={op} value={op}>
                      {operatorWords[op]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Threshold" error={at(`/${kind}/${i}/value`)}>
              {(props) => <input {...props} inputMode="decimal" className={inputClasses} value={row.value} onChange={(e) => update(row.uid, { value: e.target.value })} />}
            </Field>
            <EnforcementField label="Enforcement" value={row.enforcement} error={at(`/${kind}/${i}/enforcement`)} onChange={(enforcement) => update(row.uid, { enforcement })} />
            <button type="button" className={buttonClasses.secondary} onClick={() => onChange(rows.filter((r) => r.uid !== row.uid))}>
              Remove<span className="sr-only"> metric {i + 1}</span>
            </button>
            {kind === 'subgroupMetrics' && (
              <div className="sm:col-span-5">
                <Field
                  label={`Required subgroups for metric ${i + 1}`}
                  hint="Row keys of the protected-class proxy groups the package must report, one per line or separated by commas (for example age-62-plus). A group the package leaves out counts as a missing metric."
                  error={at(`/${kind}/${i}/subgroups`) ?? errors.find((e) => e.pointer.startsWith(`/${kind}/${i}/subgroups/`))?.message}
                >
                  {(props) => <textarea {...props} rows={2} className={inputClasses} value={row.subgroups} onChange={(e) => update(row.uid, { subgroups: e.target.value })} />}
                </Field>
              </div>
            )}
          </li>
        ))}
      </ol>
      <button type="button" className={buttonClasses.secondary} onClick={() => onChange([...rows, emptyRequirement()])}>
        Add a {kind === 'metrics' ? 'metric' : 'subgroup metric'}
      </button>
    </section>
  );
}
