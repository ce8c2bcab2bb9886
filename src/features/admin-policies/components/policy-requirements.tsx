import type { Enforcement, EvidenceRequirement, MetricRequirement, Policy, SubgroupRequirement } from '#domain/contracts/policies.ts';
import { modelTypeLabels } from '#domain/contracts/sections.ts';
import { metricCatalogue, isKnownMetric } from '#domain/contracts/metric-catalogue.ts';
import { describeThreshold } from '#domain/package/thresholds.ts';
import { DataTable, OnAPhone, wideOnly, type Column } from '#src/components/ui/data-table.tsx';

const enforcementText = (e: Enforcement) => (e === 'blocking' ? 'Blocking' : 'Advisory');

// On a phone a policy's tables lose their Enforcement column, said in brackets in the cell
// before it instead, and their text is smaller, so they fit its width (decision 0170).
const narrowText = 'max-sm:text-sm';
const enforcementColumn = { header: 'Enforcement', headerClassName: wideOnly, className: wideOnly, cell: (r: { enforcement: Enforcement }) => enforcementText(r.enforcement) };
const onAPhone = (e: Enforcement) => <OnAPhone>{enforcementText(e).toLowerCase()}</OnAPhone>;

const columns: readonly Column<MetricRequirement>[] = [
  { header: 'Metric', className: 'font-normal', cell: (r) => (isKnownMetric(r.metric) ? `${metricCatalogue[r.metric]} (${r.metric})` : r.metric) },
  {
    header: 'Must be',
    cell: (r) => (
      <>
        {describeThreshold({ operator: r.operator, value: r.value })}
        {onAPhone(r.enforcement)}
      </>
    ),
  },
  enforcementColumn,
];

const subgroupColumns: readonly Column<SubgroupRequirement>[] = [
  ...columns,
  { header: 'Required subgroups', cell: (r) => (r.subgroups?.length ? r.subgroups.join(', ') : 'Every reported subgroup; none required by name') },
];

const evidenceColumns: readonly Column<EvidenceRequirement>[] = [
  {
    header: 'Evidence',
    className: 'font-normal',
    cell: (r) => (
      <>
        {r.label}
        {onAPhone(r.enforcement)}
      </>
    ),
  },
  { header: 'Cited by', cell: (r) => `${r.framework ? `Any reference of framework "${r.framework}"` : `Reference "${r.key}"`}${r.needsLink ? ', with a link' : ', link optional'}` },
  enforcementColumn,
];

export function scopeText(policy: Policy): string {
  const tiers = `Tier${policy.scope.riskTiers.length === 1 ? '' : 's'} ${policy.scope.riskTiers.join(', ')}`;
  const lines = policy.scope.businessLines?.length ? `${tiers}: ${policy.scope.businessLines.join(', ')}` : `${tiers}, every business line`;
  return policy.scope.modelTypes?.length ? `${lines}; model types ${policy.scope.modelTypes.map((t) => modelTypeLabels[t].toLowerCase()).join(', ')}` : lines;
}

/** A policy version's requirements, as tables a reviewer can read against a package. */
export function PolicyRequirements({ policy }: { policy: Policy }) {
  return (
    <div className="space-y-4">
      <p>
        Applies to {scopeText(policy)}. {policy.onBlockingFailure === 'refuse' ? 'A submission failing a blocking requirement is refused.' : 'A submission failing a blocking requirement enters review flagged.'}
      </p>
      {policy.metrics.length > 0 && <DataTable look="ruled" className={narrowText} caption={`Required metrics, version ${policy.version}`} columns={columns} rows={policy.metrics} rowKey={(r) => r.metric} />}
      {policy.subgroupMetrics.length > 0 && <DataTable look="ruled" className={narrowText} caption={`Subgroup metrics (every subgroup), version ${policy.version}`} columns={subgroupColumns} rows={policy.subgroupMetrics} rowKey={(r) => r.metric} />}
      {policy.requiredSections.length > 0 && <p>Required sections: {policy.requiredSections.map((s) => s.section).join(', ')}.</p>}
      {(policy.requiredEvidence?.length ?? 0) > 0 && <DataTable look="ruled" className={narrowText} caption={`Required evidence, version ${policy.version}`} columns={evidenceColumns} rows={policy.requiredEvidence ?? []} rowKey={(r) => r.key} />}
    </div>
  );
}
