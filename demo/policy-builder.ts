import type { Enforcement, EvidenceRequirement, MetricRequirement, Policy, SubgroupRequirement } from '#domain/contracts/policies.ts';
import type { MetricKey } from '#domain/contracts/metric-catalogue.ts';
import type { ThresholdOperator } from '#domain/contracts/sections.ts';

// A demo policy states only what is its own: its key, name, business lines, what a blocking
// failure does and its requirements. What every demo policy shares (version 1, tiers 1 and 2, no
// extra sections) is said here once. The keys are written in the order the literal policies had,
// so the seeded catalogue serialises byte for byte as before (the log hashes it).

interface DemoPolicy {
  key: string;
  name: string;
  businessLines: string[];
  onBlockingFailure: Policy['onBlockingFailure'];
  metrics?: MetricRequirement[];
  subgroupMetrics?: SubgroupRequirement[];
  /** Left out, the policy has no `requiredEvidence` at all (as one published before evidence requirements). */
  requiredEvidence?: EvidenceRequirement[];
}

export function demoPolicy({ key, name, businessLines, onBlockingFailure, metrics = [], subgroupMetrics = [], requiredEvidence }: DemoPolicy): Policy {
  return {
    key,
    version: 1,
    name,
    scope: { riskTiers: [1, 2], businessLines },
    onBlockingFailure,
    metrics,
    subgroupMetrics,
    requiredSections: [],
    ...(requiredEvidence && { requiredEvidence }),
  };
}

function bar(enforcement: Enforcement) {
  return (metric: MetricKey, operator: ThresholdOperator, value: number, subgroups?: string[]): SubgroupRequirement => ({ metric, operator, value, enforcement, ...(subgroups && { subgroups }) });
}

/** A requirement whose failure blocks: `blocking('auc', '>=', 0.75)`; a subgroup one may name the groups it must be reported for. */
export const blocking = bar('blocking');
/** A requirement whose failure is reported, never blocking. */
export const advisory = bar('advisory');
