import { useId } from 'react';
import type { ApprovalBlocker } from '#domain/contracts/approval-gates.ts';
import { Field, inputClasses } from '#src/components/ui/field.tsx';

interface Props {
  blockers: readonly ApprovalBlocker[];
  overriding: boolean;
  setOverriding: (value: boolean) => void;
  reason: string;
  setReason: (value: string) => void;
  errorAt: (pointer: string) => string | undefined;
}

/**
 * What blocks an approval (domain/workflow/approval-gates.ts), as a checklist, and the way past
 * it: tick override and say why. The reason is signed with the decision, so it is in the record.
 */
export function ApprovalGateChecklist({ blockers, overriding, setOverriding, reason, setReason, errorAt }: Props) {
  const checkboxId = useId();
  const error = errorAt('/payload/override') ?? errorAt('/payload/override/blockers');
  return (
    <fieldset className="space-y-3 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3">
      <legend className="font-semibold">
        {blockers.length === 1 ? 'An open question blocks this approval' : `${blockers.length} open questions block this approval`}
      </legend>
      <ul aria-label="What blocks this approval" className="space-y-1">
        {blockers.map((blocker) => (
          <li key={`${blocker.kind}:${blocker.ref}`} className="flex gap-2">
            <span aria-hidden="true">☐</span>
            <span>{blocker.description}</span>
          </li>
        ))}
      </ul>
      <p className="text-sm">Resolve each first (a clarification in its thread, a finding by verifying it on the package’s findings page), or approve over them: your reason is signed with the decision and stays in the record.</p>
      <div className="space-y-1">
        <div className="flex items-start gap-2">
          <input
            id={checkboxId}
            type="checkbox"
            className="mt-1 h-4 w-4"
            checked={overriding}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${checkboxId}-error` : undefined}
            onChange={(event) => setOverriding(event.target.checked)}
          />
          <label htmlFor={checkboxId} className="font-semibold">
            Override: approve over {blockers.length === 1 ? 'this open question' : 'these open questions'}
          </label>
        </div>
        {error && (
          <p id={`${checkboxId}-error`} className="text-red-800">
            {error}
          </p>
        )}
      </div>
      {overriding && (
        <Field label="Reason for the override (signed with the decision)" error={errorAt('/payload/override/reason')}>
          {(props) => <textarea {...props} rows={2} className={inputClasses} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      )}
    </fieldset>
  );
}
