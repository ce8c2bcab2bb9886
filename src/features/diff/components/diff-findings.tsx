import { Link } from 'react-router';
import { findingSeverityLabels, findingStatusLabels } from '#domain/contracts/findings.ts';
import type { SectionDiff } from '#domain/diff/types.ts';
import type { FindingChange, FindingInDiff } from '#domain/findings/in-diff.ts';

// A section's findings in the diff (issue 19): each marked by what the comparison did to what it
// points at (domain/findings/in-diff.ts), with its status as of each version when it moved in
// between, and a link to the finding on the package's findings page.

const changeStyle: Record<FindingChange, string> = {
  new: 'border-blue-800 bg-blue-50 text-blue-950',
  unchanged: 'border-slate-500 bg-white text-slate-900',
  section_changed: 'border-amber-700 bg-amber-50 text-amber-950',
  passage_gone: 'border-red-800 bg-red-50 text-red-950',
  section_removed: 'border-red-800 bg-red-50 text-red-950',
};

function changeLabel({ finding, change }: FindingInDiff, older: number, newer: number): string {
  switch (change) {
    case 'new':
      return `New: raised on version ${finding.versionNumber}`;
    case 'unchanged':
      return finding.versionNumber === older ? 'Unchanged since raised' : `Unchanged since version ${older}`;
    case 'section_changed':
      return finding.versionNumber === older ? 'Section changed since raised' : `Section changed since version ${older}`;
    case 'passage_gone':
      return `Passage changed: not in version ${newer}`;
    case 'section_removed':
      return `Section removed in version ${newer}`;
  }
}

function statusText({ statusBefore, statusAfter }: FindingInDiff, older: number, newer: number): string {
  const after = findingStatusLabels[statusAfter];
  if (statusBefore === null || statusBefore === statusAfter) return after.toLowerCase();
  return `${findingStatusLabels[statusBefore].toLowerCase()} at version ${older} → ${after.toLowerCase()} at version ${newer}`;
}

export function DiffFindings({ packageId, from, to, section, findings }: { packageId: string; from: number; to: number; section: SectionDiff; findings: readonly FindingInDiff[] }) {
  const older = Math.min(from, to);
  const newer = Math.max(from, to);
  const headingId = `diff-findings-${section.key}-heading`;
  return (
    <div role="group" aria-labelledby={headingId} className="rounded border border-orange-300 bg-orange-50/40 p-3">
      <p id={headingId} className="text-sm font-semibold">
        Findings on {section.title} ({findings.length})
      </p>
      <ul className="mt-2 space-y-3">
        {findings.map((item) => {
          const { finding } = item;
          return (
            <li key={finding.id} className="text-sm">
              <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                <span className={`rounded border px-1.5 py-0.5 text-xs font-semibold ${changeStyle[item.change]}`}>{changeLabel(item, older, newer)}</span>
                <span className="text-xs font-semibold">
                  {findingSeverityLabels[finding.severity]}, {statusText(item, older, newer)}
                </span>
              </p>
              <p className="mt-1">
                <Link to={{ pathname: `/packages/${encodeURIComponent(packageId)}/findings`, hash: `finding-${finding.id}` }}>{finding.title}</Link>
                <span className="text-slate-700"> · owner {finding.owner.displayName}</span>
              </p>
              {finding.anchor && <blockquote className="mt-1 border-l-4 border-slate-400 pl-2 text-slate-700">{finding.anchor.exact}</blockquote>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
