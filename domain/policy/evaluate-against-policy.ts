import type { PackageContent } from '../contracts/package-content.ts';
import type { MetricRequirement, Policy, PolicyCheck, PolicyEvaluation } from '../contracts/policies.ts';
import type { Section, SectionOfKind, Threshold } from '../contracts/sections.ts';
import { meetsThreshold } from '../package/thresholds.ts';
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

function checkMetric(requirement: MetricRequirement, tables: MetricTable[]): PolicyCheck {
  const base = { kind: 'metric' as const, subject: requirement.metric, enforcement: requirement.enforcement, required: requiredOf(requirement) };
  const reported = tables.flatMap((t) => t.metrics).find((m) => m.key === requirement.metric);
  if (!reported) return { ...base, status: 'missing' };
  const weaker = ownerThresholdIsWeaker(reported.threshold, base.required) ? { weakerOwnerThreshold: reported.threshold } : {};
  return { ...base, ...weaker, actual: reported.value, status: meetsThreshold(reported.value, base.required) ? 'pass' : 'fail' };
}

/** One check per failing subgroup row, or one passing check when every row passes. */
function checkSubgroupMetric(requirement: MetricRequirement, tables: SubgroupTable[]): PolicyCheck[] {
  const base = { kind: 'subgroup_metric' as const, subject: requirement.metric, enforcement: requirement.enforcement, required: requiredOf(requirement) };
  const reporting = tables.filter((t) => t.metrics.some((m) => m.key === requirement.metric));
  if (reporting.length === 0) return [{ ...base, status: 'missing' }];
  const weakerDeclared = reporting
    .flatMap((t) => t.metrics)
    .find((m) => m.key === requirement.metric && ownerThresholdIsWeaker(m.threshold, base.required));
  const weaker = weakerDeclared ? { weakerOwnerThreshold: weakerDeclared.threshold } : {};
  const failures: PolicyCheck[] = [];
  for (const table of reporting) {
    for (const row of table.rows) {
      const value = row.values[requirement.metric];
      if (value === undefined || meetsThreshold(value, base.required)) continue;
      failures.push({ ...base, ...weaker, subgroup: `${row.attribute}: ${row.group}`, subgroupKey: row.key, actual: value, status: 'fail' });
    }
  }
  return failures.length > 0 ? failures : [{ ...base, ...weaker, subgroup: 'all', status: 'pass' }];
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
