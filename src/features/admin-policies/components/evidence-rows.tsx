import type { FieldProblem } from '#domain/contracts/problem.ts';
import { EditableRows } from '#src/components/ui/editable-rows.tsx';
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
  return (
    <EditableRows
      headingId="evidence-heading"
      title="Required evidence"
      explanation="Checked against the package's references: when a framework is given, any reference of that framework counts (for example Regulation B), and only those; without one, the reference with the requirement's key (for example independent-validation-report). With a link required, the citing reference must carry a URL."
      rows={rows}
      onChange={onChange}
      gridClassName="sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_minmax(0,1fr)]"
      itemName={(i) => `evidence ${i + 1}`}
      addLabel="Add required evidence"
      newRow={emptyEvidence}
    >
      {(row, i, update) => (
        <>
          <Field label={`Evidence ${i + 1} key`} error={at(`/requiredEvidence/${i}/key`) ?? exactly(`/requiredEvidence/${i}`)}>
            {(props) => <input {...props} className={inputClasses} autoComplete="off" spellCheck={false} value={row.key} onChange={(e) => update({ key: e.target.value })} />}
          </Field>
          <Field label="What is required" error={at(`/requiredEvidence/${i}/label`)}>
            {(props) => <input {...props} className={inputClasses} value={row.label} onChange={(e) => update({ label: e.target.value })} />}
          </Field>
          <Field label="Framework (optional)" error={at(`/requiredEvidence/${i}/framework`)}>
            {(props) => <input {...props} className={inputClasses} value={row.framework} onChange={(e) => update({ framework: e.target.value })} />}
          </Field>
          {/* Level with the enforcement select beside it: below that field's label, centred on its input. */}
          <label className="flex min-h-6 items-center gap-2 sm:col-span-2 sm:mt-9">
            <input type="checkbox" className="size-5" checked={row.needsLink} onChange={(e) => update({ needsLink: e.target.checked })} />
            The citing reference must have a link (URL)
          </label>
          <EnforcementField label={`Enforcement of evidence ${i + 1}`} value={row.enforcement} error={at(`/requiredEvidence/${i}/enforcement`)} onChange={(enforcement) => update({ enforcement })} />
        </>
      )}
    </EditableRows>
  );
}
