import type { Enforcement, MetricRequirement, Policy, PublishPolicyRequest } from '#domain/contracts/policies.ts';
import type { ThresholdOperator } from '#domain/contracts/sections.ts';

// The policy editor's state: text where the administrator types (numbers are parsed only when
// sent, so a half-typed "0." is not lost), and a stable uid per requirement row for React.

export type RequirementKind = 'metrics' | 'subgroupMetrics';

export interface RequirementDraft {
  uid: string;
  metric: string;
  operator: ThresholdOperator;
  value: string;
  enforcement: Enforcement;
  /** Subgroup metrics only: the row keys the package must report it for, one per line or comma. */
  subgroups: string;
}

export interface PolicyDraft {
  key: string;
  name: string;
  riskTiers: number[];
  businessLines: string;
  onBlockingFailure: Policy['onBlockingFailure'];
  metrics: RequirementDraft[];
  subgroupMetrics: RequirementDraft[];
  requiredSections: string;
  appliesToPackagesInReview: boolean;
}

let counter = 0;
const uid = () => `req-${(counter += 1)}`;

export function emptyRequirement(): RequirementDraft {
  return { uid: uid(), metric: '', operator: '>=', value: '', enforcement: 'blocking', subgroups: '' };
}

export function emptyPolicyDraft(): PolicyDraft {
  return { key: '', name: '', riskTiers: [], businessLines: '', onBlockingFailure: 'refuse', metrics: [emptyRequirement()], subgroupMetrics: [], requiredSections: '', appliesToPackagesInReview: false };
}

export function draftFromPolicy(policy: Policy): PolicyDraft {
  const rows = (list: Policy['subgroupMetrics']) =>
    list.map((r) => ({ uid: uid(), metric: r.metric, operator: r.operator, value: String(r.value), enforcement: r.enforcement, subgroups: (r.subgroups ?? []).join('\n') }));
  return {
    key: policy.key,
    name: policy.name,
    riskTiers: [...policy.scope.riskTiers],
    businessLines: (policy.scope.businessLines ?? []).join('\n'),
    onBlockingFailure: policy.onBlockingFailure,
    metrics: rows(policy.metrics),
    subgroupMetrics: rows(policy.subgroupMetrics),
    requiredSections: policy.requiredSections.map((s) => s.section).join('\n'),
    appliesToPackagesInReview: false,
  };
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

type RequirementBody = Omit<MetricRequirement, 'metric' | 'value'> & { metric: string; value: number | string; subgroups?: string[] };

/** What the form sends: as typed where it is not yet valid, for the server to name at its field. */
export type PolicyRequestBody = Omit<PublishPolicyRequest, 'metrics' | 'subgroupMetrics'> & { metrics: RequirementBody[]; subgroupMetrics: RequirementBody[] };

const numberOrText = (value: string): number | string => (value.trim() === '' || Number.isNaN(Number(value)) ? value : Number(value));

export function requestFromDraft(draft: PolicyDraft, replacesVersion: number): PolicyRequestBody {
  const requirement = ({ metric, operator, value, enforcement }: RequirementDraft) => ({ metric, operator, value: numberOrText(value), enforcement });
  const subgroupRequirement = (row: RequirementDraft) => {
    const subgroups = row.subgroups.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
    return { ...requirement(row), ...(subgroups.length > 0 ? { subgroups } : {}) };
  };
  return {
    key: draft.key.trim(),
    name: draft.name,
    scope: { riskTiers: [...draft.riskTiers].sort(), businessLines: lines(draft.businessLines) },
    onBlockingFailure: draft.onBlockingFailure,
    metrics: draft.metrics.map(requirement),
    subgroupMetrics: draft.subgroupMetrics.map(subgroupRequirement),
    requiredSections: lines(draft.requiredSections).map((section) => ({ section, enforcement: 'blocking' as const })),
    appliesToPackagesInReview: draft.appliesToPackagesInReview,
    replacesVersion,
  };
}
