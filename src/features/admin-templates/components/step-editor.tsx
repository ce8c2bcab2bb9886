import type { FieldProblem } from '#domain/contracts/problem.ts';
import { requiredSections } from '#domain/contracts/package-content.ts';
import { roleLabels, roleSchema, type Role } from '#domain/contracts/roles.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import type { StepDraft } from '../template-draft.ts';
import { errorAt } from '#src/lib/field-error.ts';
import { CheckboxGroup } from '#src/components/ui/checkbox-group.tsx';

interface Props {
  step: StepDraft;
  index: number;
  errors: readonly FieldProblem[];
  onChange: (step: StepDraft) => void;
  onRemove: () => void;
}

const sectionOptions = requiredSections.map((s) => ({ value: s.key, label: s.title }));

/** One step of the chain: who decides, how many approvals, when it is due, what it answers for. */
export function StepEditor({ step, index, errors, onChange, onRemove }: Props) {
  const at = (field: string) => errorAt(errors, `/steps/${index}/${field}`);
  const title = `Step ${index + 1}${step.name ? `: ${step.name}` : ''}`;
  return (
    <fieldset className="space-y-4 rounded-md border border-slate-300 bg-white p-4">
      <legend className="px-1 text-lg font-semibold">{title}</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Step name" error={at('name')}>
          {(props) => <input {...props} className={inputClasses} value={step.name} onChange={(e) => onChange({ ...step, name: e.target.value })} />}
        </Field>
        <Field label="Step key" hint="Lowercase letters, digits and _; unique in the template." error={at('key')}>
          {(props) => <input {...props} className={inputClasses} value={step.key} onChange={(e) => onChange({ ...step, key: e.target.value })} />}
        </Field>
        <Field label="Role" error={at('role')}>
          {(props) => (
            <select {...props} className={inputClasses} value={step.role} onChange={(e) => onChange({ ...step, role: e.target.value as Role | '' })}>
              <option value="">Choose a role</option>
              {roleSchema.options.map((role) => (
                <option key={role} value={role}>
                  {roleLabels[role]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Approvals required" error={at('approvalsRequired')}>
          {(props) => <input {...props} type="number" inputMode="numeric" className={inputClasses} value={step.approvalsRequired} onChange={(e) => onChange({ ...step, approvalsRequired: e.target.value })} />}
        </Field>
        <Field label="Due (hours after the step becomes active)" error={at('dueHours')}>
          {(props) => <input {...props} type="number" inputMode="numeric" className={inputClasses} value={step.dueHours} onChange={(e) => onChange({ ...step, dueHours: e.target.value })} />}
        </Field>
      </div>
      <CheckboxGroup legend={`Sections step ${index + 1} is responsible for`} options={sectionOptions} checked={step.sections} onChange={(sections) => onChange({ ...step, sections })} error={at('sections')} />
      <button type="button" className={buttonClasses.secondary} onClick={onRemove}>
        Remove step {index + 1}
      </button>
    </fieldset>
  );
}
