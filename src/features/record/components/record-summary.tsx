import type { ApprovalRecord } from '#domain/contracts/record.ts';
import { modelTypeLabels } from '#domain/contracts/sections.ts';
import { DefinitionList, type Fact } from '#src/components/ui/definition-list.tsx';
import { PackageStatusBadge } from '#src/components/ui/package-status-badge.tsx';
import { formatRiskTier } from '#src/lib/format.ts';
import { formatUtc } from '#src/lib/format.ts';
import { HashValue } from './hash-value.tsx';

/** What the record is about: the model, its version, where it stands, and the content that was approved. */
export function RecordSummary({ record }: { record: ApprovalRecord }) {
  const pkg = record.package;
  const approved = pkg.approvedVersion === null ? undefined : record.versions.find((v) => v.number === pkg.approvedVersion);
  const latest = record.versions.at(-1);
  const shown = approved ?? latest;
  const modelType = shown?.content.sections.find((s) => s.kind === 'identification')?.modelType;
  const facts: Fact[] = [
    ['Model', <span key="model">{pkg.modelName} <span className="font-mono text-sm text-slate-600">({pkg.modelKey})</span></span>],
    ['Version', <span key="version" className="font-mono">{pkg.versionLabel}</span>],
    ['Status', <PackageStatusBadge key="status" status={pkg.status} />],
    ['Approved version', approved ? `Version ${approved.number} of ${record.versions.length}` : 'None: not approved'],
    [
      approved ? 'Approved content hash (SHA-256)' : `Content hash of the latest version, ${latest?.number ?? '?'} (SHA-256)`,
      shown ? <HashValue key="hash" hash={shown.contentHash} label="content hash" /> : '—',
    ],
    ['Risk tier', formatRiskTier(pkg.riskTier)],
    ['Business line', pkg.businessLine],
    // From the content itself: the package row has no model type, and a package made before model types states none.
    ...(modelType ? [['Model type', modelTypeLabels[modelType]] satisfies Fact] : []),
    ['Owner', `${pkg.owner.displayName}, ${pkg.ownerTeam}`],
    ['Workflow', `${pkg.template.name} (version ${pkg.template.version})`],
    // Said wherever the template relaxed it; by default a person decides one step of the chain.
    ...(pkg.template.allowSameDeciderAcrossSteps ? [['Segregation of duties', 'Relaxed by the workflow template: one person may decide more than one step'] satisfies Fact] : []),
    ['Exported', <span key="exported"><time dateTime={record.exportedAt}>{formatUtc(record.exportedAt)}</time> by {record.exportedBy.displayName}</span>],
  ];
  return (
    <section aria-labelledby="summary-heading" className="space-y-3">
      <h2 id="summary-heading" className="text-xl font-bold">
        Package
      </h2>
      <DefinitionList layout="stacked" facts={facts} className="rounded-md border border-slate-200 bg-white p-5 sm:grid-cols-2 lg:grid-cols-3" />
    </section>
  );
}
