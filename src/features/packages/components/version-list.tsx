import { Link } from 'react-router';
import type { VersionSummary } from '#domain/contracts/packages.ts';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
import { formatDateTime } from '#src/lib/format.ts';

const columns = (packageId: string): readonly Column<VersionSummary>[] => [
  { header: 'Version', className: 'font-semibold', cell: (version) => version.number },
  {
    header: 'Submitted by',
    cell: (version) => (
      <>
        {version.submittedBy.displayName}
        {version.submittedBy.title && <span className="block text-sm text-slate-600">{version.submittedBy.title}</span>}
      </>
    ),
  },
  { header: 'Submitted', className: 'whitespace-nowrap', cell: (version) => <time dateTime={version.submittedAt}>{formatDateTime(version.submittedAt)}</time> },
  { header: 'Content hash (SHA-256)', className: 'break-all font-mono text-sm', cell: (version) => version.contentHash },
  {
    header: 'Changes',
    className: 'whitespace-nowrap',
    cell: (version) =>
      version.number > 1 ? (
        <Link to={`/packages/${packageId}/diff?from=${version.number - 1}&to=${version.number}`}>Changes from version {version.number - 1}</Link>
      ) : (
        <span className="text-slate-600">First version</span>
      ),
  },
];

/** Every submitted version, newest first; versions are never deleted. */
export function VersionList({ packageId, versions }: { packageId: string; versions: readonly VersionSummary[] }) {
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  return (
    <div className="space-y-3">
      {versions.length > 1 && (
        <p>
          <Link to={`/packages/${packageId}/diff`}>Compare versions</Link>: what changed, section by section, and how each concern was answered.
        </p>
      )}
      <DataTable look="card" caption="Versions, newest first" columns={columns(packageId)} rows={newestFirst} rowKey={(version) => version.number} />
    </div>
  );
}
