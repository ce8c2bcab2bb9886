import type { FieldProblem } from '#domain/contracts/problem.ts';
import { metricCatalogue } from '#domain/contracts/metric-catalogue.ts';
import { thresholdOperatorSchema } from '#domain/contracts/sections.ts';
import { EditableRows } from '#src/components/ui/editable-rows.tsx';
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
  return (
    <EditableRows
      headingId={`${kind}-heading`}
      title={title}
      explanation={explanation}
      listError={rows.some((_, i) => at(`/${kind}/${i}`)) ? undefined : at(`/${kind}`)}
      rows={rows}
      onChange={onChange}
      gridClassName="sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)_auto]"
      // A metric's Remove sits at the end of its one line, level with the inputs (below a label's
      // line and the gap under it); a subgroup metric's comes after its subgroups, in reading order.
      removeClassName={kind === 'metrics' ? 'sm:mt-7' : undefined}
      itemName={(i) => `metric ${i + 1}`}
      addLabel={`Add a ${kind === 'metrics' ? 'metric' : 'subgroup metric'}`}
      newRow={emptyRequirement}
    >
      {(row, i, update) => (
        <>
          <Field label={`Metric ${i + 1}`} error={at(`/${kind}/${i}/metric`) ?? (at(`/${kind}/${i}`) && !at(`/${kind}/${i}/operator`) && !at(`/${kind}/${i}/value`) ? at(`/${kind}/${i}`) : undefined)}>
            {(props) => (
              <select {...props} className={inputClasses} value={row.metric} onChange={(e) => update({ metric: e.target.value })}>
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
              <select {...props} className={inputClasses} value={row.operator} onChange={(e) => update({ operator: thresholdOperatorSchema.parse(e.target.value) })}>
                {thresholdOperatorSchema.options.map((op) => (
                  <option key={op} value={op}>
                    {operatorWords[op]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Threshold" error={at(`/${kind}/${i}/value`)}>
            {(props) => <input {...props} inputMode="decimal" className={inputClasses} value={row.value} onChange={(e) => update({ value: e.target.value })} />}
          </Field>
          <EnforcementField label="Enforcement" value={row.enforcement} error={at(`/${kind}/${i}/enforcement`)} onChange={(enforcement) => update({ enforcement })} />
          {kind === 'subgroupMetrics' && (
            <div className="sm:col-span-5">
              <Field
                label={`Required subgroups for metric ${i + 1}`}
                hint="Row keys of the protected-class proxy groups the package must report, one per line or separated by commas (for example age-62-plus). A group the package leaves out counts as a missing metric."
                error={at(`/${kind}/${i}/subgroups`) ?? errors.find((e) => e.pointer.startsWith(`/${kind}/${i}/subgroups/`))?.message}
              >
                {(props) => <textarea {...props} rows={2} className={inputClasses} value={row.subgroups} onChange={(e) => update({ subgroups: e.target.value })} />}
              </Field>
            </div>
          )}
        </>
      )}
    </EditableRows>
  );
}
