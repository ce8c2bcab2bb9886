import { Link } from 'react-router';
import type { Policy, PolicyVersionEntry } from '#domain/contracts/policies.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { DataTable, wideOnly, type Column } from '#src/components/ui/data-table.tsx';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useViewer } from '#src/lib/use-viewer.ts';
import { usePolicies } from '../api/list-policies.ts';
import { scopeText } from './policy-requirements.tsx';

const requirementsText = (policy: Policy) =>
  `${policy.metrics.length + policy.subgroupMetrics.length + policy.requiredSections.length + (policy.requiredEvidence?.length ?? 0)} (${[...policy.metrics, ...policy.subgroupMetrics].filter((m) => m.enforcement === 'blocking').length} blocking metrics)`;

// Four columns do not fit a phone: there the version and the requirements are said under the
// policy's name instead, and their columns are left out (decision 0170).

const columns: readonly Column<PolicyVersionEntry>[] = [
  {
    header: 'Policy',
    className: 'font-normal',
    cell: ({ policy }) => (
      <>
        <Link to={`/admin/policies/${policy.key}`} className="font-semibold">
          {policy.name}
        </Link>
        <br />
        <span className="text-sm text-slate-700">{policy.key}</span>
        <span className="block text-sm text-slate-700 sm:hidden">
          Version {policy.version}; requirements: {requirementsText(policy)}
        </span>
      </>
    ),
  },
  { header: 'Current version', headerClassName: wideOnly, className: wideOnly, cell: ({ policy }) => `Version ${policy.version}` },
  { header: 'Applies to', cell: ({ policy }) => scopeText(policy) },
  { header: 'Requirements', headerClassName: wideOnly, className: wideOnly, cell: ({ policy }) => requirementsText(policy) },
];

export function PoliciesPage() {
  usePageTitle('Governance policies');
  const policies = usePolicies();
  const viewer = useViewer();
  const rows = (policies.data ?? []).filter((entry) => entry.current);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <PageHeading>Governance policies</PageHeading>
        <p className="max-w-prose text-slate-700">
          The organisation's thresholds, by risk tier and business line. Every submission is checked against the policy that applies to it, not against the owner's own numbers. Policies are versioned: a package keeps the version it was checked against.
        </p>
      </div>
      {viewer?.roles.includes('admin') && (
        <p>
          <Link to="/admin/policies/new" className={buttonClasses.primary}>
            New policy
          </Link>
        </p>
      )}
      <div aria-busy={policies.isFetching}>
        {policies.isPending && <LoadingNotice>Loading the policies…</LoadingNotice>}
        {policies.isError && <ErrorNotice title="The policies could not be loaded." error={policies.error} onRetry={() => void policies.refetch()} retrying={policies.isFetching} />}
        {policies.data && rows.length === 0 && <p className="text-slate-700">No governance policy is published yet: submissions are not checked against any.</p>}
        {rows.length > 0 && <DataTable look="ruled" caption="Governance policies, current versions" columns={columns} rows={rows} rowKey={({ policy }) => policy.key} />}
      </div>
    </div>
  );
}
