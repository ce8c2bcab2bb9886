import { Link } from 'react-router';
import { findingSeverityLabels, findingStatusLabels } from '#domain/contracts/findings.ts';
import type { Section } from '#domain/contracts/sections.ts';
import { findingsOnSection, type FindingOnVersion } from '#domain/findings/on-version.ts';
import { useFindings } from '#src/lib/package-findings.ts';

// A section's findings shown with it on the review page (issue 19): each with its severity,
// status and owner, whether it was raised on this version or carried over with the section,
// and a link to the finding on the package's findings page. Self-contained: the section view
// only places it.

const stateLabel: Record<FindingOnVersion['state'], string> = {
  raised_here: '',
  carried_over: 'Carried over from version',
  outdated: 'Outdated (the quoted passage is not in this version), raised on version',
};

export function SectionFindings({ packageId, versionNumber, section }: { packageId: string; versionNumber: number; section: Section }) {
  const findings = useFindings(packageId);
  const shown = findings.data ? findingsOnSection(findings.data, versionNumber, section) : [];
  if (shown.length === 0) return null;
  const headingId = `findings-${section.key}-heading`;
  return (
    <div role="group" aria-labelledby={headingId} className="rounded border border-orange-300 bg-orange-50/40 p-3">
      <p id={headingId} className="text-sm font-semibold">
        Findings on this section ({shown.length})
      </p>
      <ul className="mt-2 space-y-2">
        {shown.map(({ finding, state }) => (
          <li key={finding.id} className="text-sm">
            <span className="mr-2 rounded border border-slate-500 bg-white px-1.5 py-0.5 text-xs font-semibold">
              {findingSeverityLabels[finding.severity]}, {findingStatusLabels[finding.status].toLowerCase()}
              {finding.overdue ? ', overdue' : ''}
            </span>
            {state !== 'raised_here' && (
              <span className="mr-2 text-xs text-slate-700">
                {stateLabel[state]} {finding.versionNumber}.
              </span>
            )}
            <Link to={{ pathname: `/packages/${encodeURIComponent(packageId)}/findings`, hash: `finding-${finding.id}` }}>{finding.title}</Link>
            <span className="text-slate-700">
              {' '}
              · owner {finding.owner.displayName}, due {finding.dueDate}
            </span>
            {finding.anchor && <blockquote className="mt-1 border-l-4 border-slate-400 pl-2 text-slate-700">{finding.anchor.exact}</blockquote>}
          </li>
        ))}
      </ul>
    </div>
  );
}
