import type { FieldProblem } from '#domain/contracts/problem.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { Field, inputClasses } from '#src/components/ui/field.tsx';
import { errorAt } from '#src/lib/field-error.ts';
import { EnforcementField } from './enforcement-field.tsx';
import { emptyEvidence, type EvidenceDraft } from '../policy-draft.ts';

interface Props {
  rows: EvidenceDraft[];
  errors: readonly FieldProblem[];
  onChange: (rows: EvidenceDraft[]) => void;
}

/**
 * Evidence the package must cite in its references (docs/decisions/0157, 0169): a reference of
 * the framework the requirement names, or, naming none, one keyed as the requirement, with a link
 * where the policy asks for one.
 */
export function EvidenceRows({ rows, errors, onChange }: Props) {
  const at = (pointer: string) => errorAt(errors, pointer);
  // A duplicate key is reported at the row itself; shown at the key, where it is changed.
  const exactly = (pointer: string) => errors.find((e) => e.pointer === pointer)?.message;
  const update = (uid: string, change: Partial<EvidenceDraft>) => onChange(rows.map((r) => (r.uid === uid ? { ...r, ...change } : r)));
  return (
    <section aria-labelledby="evidence-heading" className="space-y-3">
      <h2 id="evidence-heading" className="text-xl font-semibold">
        Required evidence
      </h2>
      <p className="max-w-prose text-slate-700">
        Checked against the package's references: when a framework is given, any reference of that framework counts (for example Regulation B), and only those; without one, the reference with the requirement's key (for example independent-validation-report). With a link required, the citing reference must carry a URL.
      </p>
      <ol className="space-y-3">
        {rows.map((row, i) => (
          <li key={row.uid} className="grid gap-3 rounded-md border border-slate-200 bg-white p-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_minmax(0,1fr)] sm:items-end">
            <Field label={`Evidence ${i + 1} key`} error={at(`/requiredEvidence/${i}/key`) ?? exactly(`/requiredEvidence/${i}`)}>
              {(props) => <input {...props} className={inputClasses} autoComplete="off" spellCheck={false} value={row.key} onChange={(e) => update(row.uid, { key: e.target.value })} />}
            </Field>
            <Field label="What is required" error={at(`/requiredEvidence/${i}/label`)}>
              {(props) => <input {...props} className={inputClasses} value={row.label} onChange={(e) => update(row.uid, { label: e.target.value })} />}
            </Field>
            <Field label="Framework (optional)" error={at(`/requiredEvidence/${i}/framework`)}>
              {(props) => <input {...props} className={inputClasses} value={row.framework} onChange={(e) => update(row.uid, { framework: e.target.value })} />}
            </Field>
            <label className="flex items-center gap-2 sm:col-span-2 sm:pb-2">
              <input type="checkbox" checked={row.needsLink} onChange={(e) => update(row.uid, { needsLink: e.target.checked })} />
              The citing reference must have a link (URL)
            </label>
            <EnforcementField label={`Enforcement of evidence ${i + 1}`} value={row.enforcement} error={at(`/requiredEvidence/${i}/enforcement`)} onChange={(enforcement) => update(row.uid, { enforcement })} />
            <button type="button" className={`${buttonClasses.secondary} justify-self-start`} onClick={() => onChange(rows.filter((r) => r.uid !== row.uid))}>
              Remove<span className="sr-only"> evidence {i + 1}</span>
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className={buttonClasses.secondary} onClick={() => onChange([...rows, emptyEvidence()])}>
        Add required evidence
      </button>
    </section>
  );
}
