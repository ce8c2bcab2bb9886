import type { Enforcement } from '#domain/contracts/policies.ts';
import { Field, inputClasses } from '#src/components/ui/field.tsx';

/** Whether failing a requirement blocks or only advises: the same choice on every kind of requirement row. */
export function EnforcementField({ label, value, error, onChange }: { label: string; value: Enforcement; error: string | undefined; onChange: (next: Enforcement) => void }) {
  return (
    <Field label={label} error={error}>
      {(props) => (
        <select {...props} className={inputClasses} value={value} onChange={(e) => onChange(e.target.value === 'advisory' ? 'advisory' : 'blocking')}>
          <option value="blocking">Blocking</option>
          <option value="advisory">Advisory</option>
        </select>
      )}
    </Field>
  );
}
