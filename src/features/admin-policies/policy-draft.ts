import type { Enforcement, MetricRequirement, Policy, PublishPolicyRequest } from '#domain/contracts/policies.ts';
import type { ModelType, ThresholdOperator } from '#domain/contracts/sections.ts';

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

/** Evidence the package must cite: matched by framework when one is given, else by reference key (0169). */
export interface EvidenceDraft {
  uid: string;
  key: string;
  label: string;
  framework: string;
  needsLink: boolean;
  enforcement: Enforcement;
}

export interface PolicyDraft {
  key: string;
  name: string;
  riskTiers: number[];
  businessLines: string;
  /** None checked: every model type, and packages stating none. */
  modelTypes: ModelType[];
  onBlockingFailure: Policy['onBlockingFailure'];
  metrics: RequirementDraft[];
  subgroupMetrics: RequirementDraft[];
  requiredSections: string;
  requiredEvidence: EvidenceDraft[];
  appliesToPackagesInReview: boolean;
}

let counter = 0;
const uid = () => `req-${(counter += 1)}`;

export function emptyRequirement(): RequirementDraft {
  return { uid: uid(), metric: '', operator: '>=', value: '', enforcement: 'blocking', subgroups: '' };
}

export function emptyEvidence(): EvidenceDraft {
  return { uid: uid(), key: '', label: '', framework: '', needsLink: false, enforcement: 'blocking' };
}

export function emptyPolicyDraft(): PolicyDraft {
  return { key: '', name: '', riskTiers: [], businessLines: '', modelTypes: [], onBlockingFailure: 'refuse', metrics: [emptyRequirement()], subgroupMetrics: [], requiredSections: '', requiredEvidence: [], appliesToPackagesInReview: false };
}

export function draftFromPolicy(policy: Policy): PolicyDraft {
  const rows = (list: Policy['subgroupMetrics']) =>
    list.map((r) => ({ uid: uid(), metric: r.metric, operator: r.operator, value: String(r.value), enforcement: r.enforcement, subgroups: (r.subgroups ?? []).join('\n') }));
  return {
    key: policy.key,
    name: policy.name,
    riskTiers: [...policy.scope.riskTiers],
    businessLines: (policy.scope.businessLines ?? []).join('\n'),
    modelTypes: [...(policy.scope.modelTypes ?? [])],
    onBlockingFailure: policy.onBlockingFailure,
    metrics: rows(policy.metrics),
    subgroupMetrics: rows(policy.subgroupMetrics),
    requiredSections: policy.requiredSections.map((s) => s.section).join('\n'),
    requiredEvidence: (policy.requiredEvidence ?? []).map((e) => ({ uid: uid(), key: e.key, label: e.label, framework: e.framework ?? '', needsLink: e.needsLink, enforcement: e.enforcement })),
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
    scope: { riskTiers: [...draft.riskTiers].sort(), businessLines: lines(draft.businessLines), modelTypes: [...draft.modelTypes] },
    onBlockingFailure: draft.onBlockingFailure,
    metrics: draft.metrics.map(requirement),
    subgroupMetrics: draft.subgroupMetrics.map(subgroupRequirement),
    requiredSections: lines(draft.requiredSections).map((section) => ({ section, enforcement: 'blocking' as const })),
    // A blank framework means "match by key only"; sent as typed otherwise, for the server to judge.
    requiredEvidence: draft.requiredEvidence.map(({ key, label, framework, needsLink, enforcement }) => ({ key: key.trim(), label, ...(framework.trim() ? { framework } : {}), needsLink, enforcement })),
    appliesToPackagesInReview: draft.appliesToPackagesInReview,
    replacesVersion,
  };
}
