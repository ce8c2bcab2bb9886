import type { Policy } from '../contracts/policies.ts';
import { modelTypeLabels } from '../contracts/sections.ts';

// A policy version's terms beyond its bars, in one sentence, for the record page and the PDF:
// the results table shows each bar, not where the policy applies, what a blocking failure does,
// or which subgroups and sections it requires (docs/decisions/0166), nor the model types it is
// scoped to (0157).

type Terms = Pick<Policy, 'scope' | 'onBlockingFailure' | 'subgroupMetrics' | 'requiredSections'>;

const list = (items: readonly string[]) => items.join(', ');

export function describePolicyTerms(policy: Terms): string {
  const lines = policy.scope.businessLines?.length ? `in ${list(policy.scope.businessLines)}` : 'in every business line';
  const types = policy.scope.modelTypes?.length ? ` for ${list(policy.scope.modelTypes.map((t) => modelTypeLabels[t].toLowerCase()))} models` : '';
  const parts = [
    `Applies to risk tier${policy.scope.riskTiers.length === 1 ? '' : 's'} ${list(policy.scope.riskTiers.map(String))} ${lines}${types}`,
    policy.onBlockingFailure === 'refuse' ? 'a blocking failure refuses the submission' : 'a blocking failure enters review flagged',
    ...policy.subgroupMetrics.filter((m) => m.subgroups?.length).map((m) => `${m.metric} required for subgroups ${list(m.subgroups ?? [])}`),
    ...(policy.requiredSections.length > 0 ? [`required sections ${list(policy.requiredSections.map((s) => `${s.section} (${s.enforcement})`))}`] : []),
  ];
  return `${parts.join('; ')}.`;
}
