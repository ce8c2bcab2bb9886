import type { PolicyEvaluation } from '#domain/contracts/policies.ts';
import { describeCheck } from '#domain/policy/check-wording.ts';
import { failedChecks } from '#domain/policy/evaluate-against-policy.ts';

const outcomeWords = {
  pass: 'every blocking requirement is met',
  flagged: 'entered review flagged: a blocking requirement is not met',
  refused: 'refused',
} as const;

/**
 * What the organisation's policy said of this version at submission, above the sections: the
 * policy and its version, the outcome, each failed requirement, and where the owner declared a
 * weaker bar than the policy sets. The numbers that decide are the policy's, never the owner's.
 */
export function PolicySummary({ evaluation }: { evaluation: PolicyEvaluation | null }) {
  if (!evaluation) {
    return <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-700">No governance policy applies to this package: its metrics are shown against the owner's declared thresholds only.</p>;
  }
  const failed = failedChecks(evaluation);
  const weaker = evaluation.checks.filter((c) => c.weakerOwnerThreshold);
  const conflicts = evaluation.checks.filter((c) => c.conflictingCopies && c.status === 'pass');
  const passes = evaluation.outcome === 'pass';
  return (
    <section aria-labelledby="policy-summary-title" className={`space-y-2 rounded-md border-l-4 bg-white p-4 ${passes ? 'border-emerald-700' : 'border-red-700'}`}>
      <h2 id="policy-summary-title" className="text-lg font-bold">
        Policy check: {evaluation.policy.name}, version {evaluation.policy.version}
      </h2>
      <p>
        <span className={passes ? 'text-emerald-800' : 'font-semibold text-red-800'}>
          <span aria-hidden="true">{passes ? '✓ ' : '✕ '}</span>
          {passes ? 'Pass' : 'Flagged'}
        </span>
        : {outcomeWords[evaluation.outcome]} ({evaluation.checks.length} requirement{evaluation.checks.length === 1 ? '' : 's'} checked {evaluation.reresolved || evaluation.republished ? 'again' : 'at submission'}).
      </p>
      {evaluation.reresolved && (
        <p className="text-slate-800">
          Re-checked against this policy because risk assessment {evaluation.reresolved.assessment} set tier {evaluation.reresolved.tier}
          {evaluation.reresolved.from ? `; at submission it was checked against ${evaluation.reresolved.from.name} (${evaluation.reresolved.from.key} version ${evaluation.reresolved.from.version}), the policy of the declared tier` : ''}. A blocking failure here blocks approval until a resubmission meets it.
        </p>
      )}
      {evaluation.republished && (
        <p className="text-slate-800">
          Re-checked when version {evaluation.policy.version} of this policy was published to apply to packages in review; {evaluation.republished.from ? `it was checked against version ${evaluation.republished.from.version} before.` : 'it had not been checked against a policy before.'} A blocking failure here blocks approval until a resubmission meets it.
        </p>
      )}
      {failed.length > 0 && (
        <ul className="list-disc space-y-1 pl-6">
          {failed.map((check) => (
            <li key={`${check.kind}-${check.subject}-${check.subgroupKey ?? ''}`}>
              <span className="font-semibold">{check.enforcement === 'blocking' ? 'Blocking' : 'Advisory'}:</span> {describeCheck(check)}.
            </li>
          ))}
        </ul>
      )}
      {conflicts.length > 0 && (
        <ul aria-label="Conflicting copies" className="list-disc space-y-1 pl-6">
          {conflicts.map((check) => (
            <li key={`conflict-${check.kind}-${check.subject}-${check.subgroupKey ?? ''}`}>
              <span className="font-semibold">Conflict:</span> {describeCheck(check)}.
            </li>
          ))}
        </ul>
      )}
      {weaker.length > 0 && (
        <p className="text-slate-800">
          The owner declared a weaker threshold than the policy for {[...new Set(weaker.map((c) => `"${c.subject}"`))].join(', ')}; the policy's is the one applied.
        </p>
      )}
    </section>
  );
}
