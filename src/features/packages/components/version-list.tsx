import { Link } from 'react-router';
import type { VersionSummary } from '#domain/contracts/packages.ts';
import { formatDateTime } from '#src/lib/format.ts';

const th = 'px-4 py-3 text-left text-sm font-semibold text-slate-700';
const td = 'px-4 py-3 align-top';

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
      <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white shadow-sm">
        <table className="w-full border-collapse">
          <caption className="sr-only">Versions, newest first</caption>
          <thead className="border-b border-slate-200 bg-slate-100">
            <tr>
              <th scope="col" className={th}>Version</th>
              <th scope="col" className={th}>Submitted by</th>
              <th scope="col" className={th}>Submitted</th>
              <th scope="col" className={th}>Content hash (SHA-256)</th>
              <th scope="col" className={th}>Changes</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {newestFirst.map((version) => (
              <tr key={version.number}>
                <th scope="row" className={`${td} text-left font-semibold`}>
                  {version.number}
                </th>
                <td className={td}>
                  {version.submittedBy.displayName}
                  {version.submittedBy.title && <span className="block text-sm text-slate-600">{version.submittedBy.title}</span>}
                </td>
                <td className={`${td} whitespace-nowrap`}>
                  <time dateTime={version.submittedAt}>{formatDateTime(version.submittedAt)}</time>
                </td>
                <td className={`${td} break-all font-mono text-sm`}>{version.contentHash}</td>
                <td className={`${td} whitespace-nowrap`}>
                  {version.number > 1 ? <Link to={`/packages/${packageId}/diff?from=${version.number - 1}&to=${version.number}`}>Changes from version {version.number - 1}</Link> : <span className="text-slate-600">First version</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
