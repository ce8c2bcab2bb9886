import type { VersionSummary } from '../../../../domain/contracts/packages.ts';
import { formatDateTime } from '../../../lib/format.ts';

const th = 'px-4 py-3 text-left text-sm font-semibold text-slate-700';
const td = 'px-4 py-3 align-top';

/** Every submitted version, newest first; versions are never deleted. */
export function VersionList({ versions }: { versions: readonly VersionSummary[] }) {
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  return (
    <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white shadow-sm">
      <table className="w-full border-collapse">
        <caption className="sr-only">Versions, newest first</caption>
        <thead className="border-b border-slate-200 bg-slate-100">
          <tr>
            <th scope="col" className={th}>Version</th>
            <th scope="col" className={th}>Submitted by</th>
            <th scope="col" className={th}>Submitted</th>
            <th scope="col" className={th}>Content hash (SHA-256)</th>
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
