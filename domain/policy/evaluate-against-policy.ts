import type { PackageContent } from '../contracts/package-content.ts';
import type { MetricRequirement, Policy, PolicyCheck, PolicyEvaluation, SubgroupRequirement } from '../contracts/policies.ts';
import type { Section, SectionOfKind, Threshold } from '../contracts/sections.ts';
import { meetsThreshold } from '../package/thresholds.ts';
import { checkEvidence } from './evidence-requirement.ts';
import { ownerThresholdIsWeaker } from './weaker-threshold.ts';

// Checks a package version against the organisation's policy, never against the numbers the
// owner wrote: the owner's threshold is only compared with the policy's, to show where the
// owner declared a weaker bar than the organisation set.

type MetricTable = SectionOfKind<'metric_table'>;
type SubgroupTable = SectionOfKind<'subgroup_table'>;

const isMetricTable = (s: Section): s is MetricTable => s.kind === 'metric_table';
const isSubgroupTable = (s: Section): s is SubgroupTable => s.kind === 'subgroup_table';

function requiredOf(requirement: MetricRequirement): Threshold {
  return { operator: requirement.operator, value: requirement.value };
}

/** One reported copy of a metric value: where it is, its value, and the owner's bar beside it. */
interface Copy {
  section: string;
  value: number;
  declared: Threshold;
}

/** The value that fares worst against the bar: the lowest under a lower bound, the highest under an upper one. */
export function worstValue(values: readonly number[], required: Threshold): number {
  const lowerBound = required.operator === '>=' || required.operator === '>';
  return values.reduce((worst, value) => (lowerBound ? Math.min(worst, value) : Math.max(worst, value)));
}

type CheckBase = Pick<PolicyCheck, 'kind' | 'subject' | 'enforcement'> & { required: Threshold };

/**
 * Judges every copy the package reports (docs/decisions/0143): the worst decides, copies with
 * different values are listed as a conflict, and a weaker bar declared on any copy is shown.
 */
function judgeCopies(base: CheckBase, copies: readonly [Copy, ...Copy[]]): PolicyCheck {
  const actual = worstValue(copies.map((c) => c.value), base.required);
  const weakerDeclared = copies.find((c) => ownerThresholdIsWeaker(c.declared, base.required));
  const conflict = new Set(copies.map((c) => c.value)).size > 1;
  return {
    ...base,
    declared: copies[0].declared,
    ...(weakerDeclared ? { weakerOwnerThreshold: weakerDeclared.declared } : {}),
    ...(conflict ? { conflictingCopies: copies.map((c) => ({ section: c.section, value: c.value })) } : {}),
    actual,
    status: meetsThreshold(actual, base.required) ? 'pass' : 'fail',
  };
}

const nonEmpty = <T,>(list: T[]): list is [T, ...T[]] => list.length > 0;

function checkMetric(requirement: MetricRequirement, tables: MetricTable[]): PolicyCheck {
  const base: CheckBase = { kind: 'metric', subject: requirement.metric, enforcement: requirement.enforcement, required: requiredOf(requirement) };
  const copies = tables.flatMap((t) => t.metrics.filter((m) => m.key === requirement.metric).map((m) => ({ section: t.key, value: m.value, declared: m.threshold })));
  return nonEmpty(copies) ? judgeCopies(base, copies) : { ...base, status: 'missing' };
}

/**
 * One check per subgroup row that fails, conflicts or is required and missing, after one
 * passing check ("all") when nothing fails or is missing. A row reported in several tables is
 * one subgroup: its copies are judged together.
 */
function checkSubgroupMetric(requirement: SubgroupRequirement, tables: SubgroupTable[]): PolicyCheck[] {
  const base: CheckBase = { kind: 'subgroup_metric', subject: requirement.metric, enforcement: requirement.enforcement, required: requiredOf(requirement) };
  const rows = new Map<string, { label: string; copies: Copy[] }>();
  for (const table of tables) {
    const declared = table.metrics.find((m) => m.key === requirement.metric)?.threshold;
    if (!declared) continue;
    for (const row of table.rows) {
      const value = row.values[requirement.metric];
      if (value === undefined) continue;
      const entry = rows.get(row.key) ?? { label: `${row.attribute}: ${row.group}`, copies: [] };
      entry.copies.push({ section: table.key, value, declared });
      rows.set(row.key, entry);
    }
  }
  const missing: PolicyCheck[] = (requirement.subgroups ?? [])
    .filter((key) => !rows.has(key))
    .map((key) => ({ ...base, subgroup: key, subgroupKey: key, status: 'missing' }));
  if (rows.size === 0) return missing.length > 0 ? missing : [{ ...base, status: 'missing' }];
  const judged = [...rows].flatMap(([key, { label, copies }]) => (nonEmpty(copies) ? [{ ...judgeCopies(base, copies), subgroup: label, subgroupKey: key }] : []));
  const flagged = judged.filter((c) => c.status !== 'pass' || c.conflictingCopies);
  const failing = [...flagged.filter((c) => c.status !== 'pass'), ...missing];
  if (failing.length > 0) return [...flagged, ...missing];
  const allCopies = [...rows.values()].flatMap((r) => r.copies);
  const weakerDeclared = allCopies.find((c) => ownerThresholdIsWeaker(c.declared, base.required));
  const all: PolicyCheck = {
    ...base,
    subgroup: 'all',
    status: 'pass',
    ...(allCopies[0] ? { declared: allCopies[0].declared } : {}),
    ...(weakerDeclared ? { weakerOwnerThreshold: weakerDeclared.declared } : {}),
    actual: worstValue(allCopies.map((c) => c.value), base.required),
  };
  return [all, ...flagged];
}

function checkSection(section: string, enforcement: PolicyCheck['enforcement'], content: PackageContent): PolicyCheck {
  const present = content.sections.some((s) => s.key === section);
  return { kind: 'section', subject: section, enforcement, status: present ? 'pass' : 'missing' };
}

export function evaluateAgainstPolicy(content: PackageContent, policy: Policy): PolicyEvaluation {
  const metricTables = content.sections.filter(isMetricTable);
  const subgroupTables = content.sections.filter(isSubgroupTable);
  const checks: PolicyCheck[] = [
    ...policy.metrics.map((r) => checkMetric(r, metricTables)),
    ...policy.subgroupMetrics.flatMap((r) => checkSubgroupMetric(r, subgroupTables)),
    ...policy.requiredSections.map((r) => checkSection(r.section, r.enforcement, content)),
    ...(policy.requiredEvidence ?? []).map((r) => checkEvidence(r, content)),
  ];
  const blockingFailed = checks.some((c) => c.enforcement === 'blocking' && c.status !== 'pass');
  const outcome = !blockingFailed ? 'pass' : policy.onBlockingFailure === 'refuse' ? 'refused' : 'flagged';
  return { policy: { key: policy.key, version: policy.version, name: policy.name }, outcome, checks };
}

/** The checks that failed, blocking first: what a refusal or a flag names. */
export function failedChecks(evaluation: PolicyEvaluation): PolicyCheck[] {
  const failed = evaluation.checks.filter((c) => c.status !== 'pass');
  return [...failed.filter((c) => c.enforcement === 'blocking'), ...failed.filter((c) => c.enforcement === 'advisory')];
}
