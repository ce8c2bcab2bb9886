import type { PolicyEvaluation } from '#domain/contracts/policies.ts';
import { checkSubjectWords } from '#domain/policy/check-wording.ts';
import { policyResultChanges, type PolicyResultChange } from '#domain/policy/policy-result-changes.ts';
import { DataTable, OnAPhone, wideOnly, type Column } from '#src/components/ui/data-table.tsx';

const statusWords = { pass: 'Pass', fail: 'Fail', missing: 'Missing', 'not checked': 'Not checked' } as const;

const enforcementWords = { blocking: 'Blocking', advisory: 'Advisory' } as const;

const withValue = (status: PolicyResultChange['before'], value: number | undefined) => `${statusWords[status]}${value === undefined ? '' : ` (${value})`}`;

const columns: readonly Column<PolicyResultChange>[] = [
  {
    header: 'Requirement',
    className: 'font-normal',
    cell: (c) => (
      <>
        {checkSubjectWords(c)}
        {c.subgroup && c.subgroup !== 'all' ? `, ${c.subgroup}` : ''}
        <OnAPhone>{enforcementWords[c.enforcement].toLowerCase()}</OnAPhone>
      </>
    ),
  },
  // On a phone the result after the change must stay in view: the enforcement goes beside the requirement (decision 0170).
  { header: 'Enforcement', headerClassName: wideOnly, className: wideOnly, cell: (c) => enforcementWords[c.enforcement] },
  { header: 'Before', cell: (c) => withValue(c.before, c.beforeValue) },
  { header: 'After', cell: (c) => <span className={c.after === 'pass' ? 'text-emerald-800' : 'font-semibold text-red-800'}>{withValue(c.after, c.afterValue)}</span> },
];

const policyName = (ref: PolicyEvaluation['policy'] | null) => (ref ? `${ref.name}, version ${ref.version}` : 'no policy');

/** Which results against the governance policy changed between the two versions (fail → pass and the like). */
export function PolicyChanges({ before, after, labels }: { before: PolicyEvaluation | null; after: PolicyEvaluation | null; labels: { before: string; after: string } }) {
  if (!before && !after) return null;
  const { changes } = policyResultChanges(before, after);
  const samePolicy = before?.policy.key === after?.policy.key && before?.policy.version === after?.policy.version;
  return (
    <section aria-labelledby="policy-changes-heading" className="space-y-3">
      <h2 id="policy-changes-heading" className="text-xl font-bold">
        Policy results
      </h2>
      <p>
        {samePolicy ? `Both versions were checked against ${policyName(after?.policy ?? null)}.` : `${labels.before} was checked against ${policyName(before?.policy ?? null)}; ${labels.after} against ${policyName(after?.policy ?? null)}.`}{' '}
        {changes.length === 0 ? 'No requirement changed its result.' : `${changes.length} requirement${changes.length === 1 ? '' : 's'} changed result.`}
      </p>
      {changes.length > 0 && <DataTable look="ruled" caption={`Policy results that changed from ${labels.before} to ${labels.after}`} columns={columns} rows={changes} rowKey={(c) => `${c.kind}-${c.subject}-${c.subgroup ?? ''}`} />}
    </section>
  );
}
