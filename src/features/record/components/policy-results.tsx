import type { RecordVersion } from '#domain/contracts/record.ts';
import type { Threshold } from '#domain/contracts/sections.ts';
import { describeThreshold } from '#domain/package/thresholds.ts';
import { describePolicyTerms } from '#domain/policy/definition-wording.ts';
import { checkSubjectWords, evidenceBarWords, evidenceValueWords } from '#domain/policy/check-wording.ts';
import { policyResultChanges } from '#domain/policy/policy-result-changes.ts';
import { ownerThresholdIsWeaker } from '#domain/policy/weaker-threshold.ts';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
import { formatUtc } from '#src/lib/format.ts';

type Evaluation = NonNullable<RecordVersion['policy']>;
type Result = Evaluation['checks'][number];

const statusWords = { pass: 'Pass', fail: 'Fail', missing: 'Missing' } as const;

/** The owner's bar as the check kept it, or (for checks made before it was kept) as the content's first copy states it. */
function declaredOf(result: Result, content: RecordVersion['content']): Threshold | undefined {
  if (result.declared) return result.declared;
  for (const section of content.sections) {
    if (result.kind === 'metric' && section.kind === 'metric_table') {
      const metric = section.metrics.find((m) => m.key === result.subject);
      if (metric) return metric.threshold;
    }
    if (result.kind === 'subgroup_metric' && section.kind === 'subgroup_table') {
      const metric = section.metrics.find((m) => m.key === result.subject);
      if (metric) return metric.threshold;
    }
  }
  return undefined;
}

function columnsFor(version: RecordVersion): readonly Column<Result>[] {
  return [
    { header: 'Requirement', className: 'font-normal', cell: (r) => `${checkSubjectWords(r)}${r.subgroup ? `, ${r.subgroup === 'all' ? 'every subgroup' : r.subgroup}` : ''}` },
    // A bar ("at least 0.75") is kept on one line; an evidence requirement's sentence wraps, or it
    // would widen the column until Result and Enforcement leave even a desktop's view (decision 0170).
    { header: 'Policy threshold', className: (r) => (r.evidence ? '' : 'whitespace-nowrap'), cell: (r) => (r.evidence ? evidenceBarWords(r.evidence, r.subject) : r.required ? describeThreshold(r.required) : 'Present') },
    {
      header: 'Package value',
      cell: (r) => (
        <>
          {r.kind === 'evidence' ? evidenceValueWords(r) : (r.actual ?? (r.status === 'missing' ? 'Not reported' : ''))}
          {r.conflictingCopies && <span className="block text-sm font-semibold text-red-800">Conflict: {r.conflictingCopies.map((c) => `${c.value} in ${c.section}`).join(', ')}; the worst decides</span>}
        </>
      ),
    },
    {
      header: "Owner's threshold",
      cell: (r) => {
        const declared = declaredOf(r, version.content);
        if (!declared) return '';
        const weaker = r.weakerOwnerThreshold ?? (r.required && ownerThresholdIsWeaker(declared, r.required) ? declared : undefined);
        return (
          <>
            {describeThreshold(declared)}
            {weaker && <span className="block text-sm font-semibold text-red-800">Weaker than policy{weaker !== declared ? ` (${describeThreshold(weaker)} on another copy)` : ''}</span>}
          </>
        );
      },
    },
    { header: 'Result', cell: (r) => <span className={r.status === 'pass' ? 'text-emerald-800' : 'font-semibold text-red-800'}>{statusWords[r.status]}</span> },
    { header: 'Enforcement', cell: (r) => (r.enforcement === 'blocking' ? 'Blocking' : 'Advisory') },
  ];
}

const outcomeWords = { pass: 'every blocking requirement met', flagged: 'entered review flagged', refused: 'refused' } as const;

/** A version's results against the governance policy, each requirement on its own row, and what changed from the version before. */
export function PolicyResults({ version, previous }: { version: RecordVersion; previous: RecordVersion | undefined }) {
  const evaluation = version.policy;
  if (!evaluation) return null;
  const changes = previous ? policyResultChanges(previous.policy ?? null, evaluation).changes : [];
  return (
    <div className="space-y-2">
      <h4 className="font-semibold">
        Policy results: {evaluation.policy.name} ({evaluation.policy.key} version {evaluation.policy.version}), {outcomeWords[evaluation.outcome]}
      </h4>
      {version.policyDefinition && <p>Policy terms: {describePolicyTerms(version.policyDefinition)}</p>}
      {previous && (
        <p>
          {changes.length === 0
            ? `No policy result changed from version ${previous.number}.`
            : `Changed from version ${previous.number}: ${changes.map((c) => `${checkSubjectWords(c)}${c.subgroup && c.subgroup !== 'all' ? ` (${c.subgroup})` : ''} ${c.before} → ${c.after}`).join('; ')}.`}
        </p>
      )}
      <DataTable look="ruled" caption={`Policy results of version ${version.number}`} columns={columnsFor(version)} rows={evaluation.checks} rowKey={(r) => `${r.kind}-${r.subject}-${r.subgroupKey ?? r.subgroup ?? ''}`} />
      <EarlierChecks version={version} />
    </div>
  );
}

/** Checks a re-check superseded (0169): kept because decisions signed before it are bound to them; the verifier checks each. */
function EarlierChecks({ version }: { version: RecordVersion }) {
  const earlier = version.earlierPolicyChecks ?? [];
  if (earlier.length === 0) return null;
  return (
    <div>
      <p>Earlier checks of version {version.number}, superseded by a re-check; decisions signed before it are bound to them:</p>
      <ul className="list-disc pl-6">
        {earlier.map((check) => (
          <li key={check.seq}>
            {check.seq === 0 ? 'At submission' : `Re-check ${check.seq}`} (<time dateTime={check.evaluatedAt}>{formatUtc(check.evaluatedAt)}</time>): {check.policy.policy.name} ({check.policy.policy.key} version {check.policy.policy.version}), {outcomeWords[check.policy.outcome]};{' '}
            {check.policy.checks.filter((c) => c.status !== 'pass').length} of {check.policy.checks.length} requirement result(s) not met
          </li>
        ))}
      </ul>
    </div>
  );
}
