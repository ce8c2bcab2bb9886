import { findingStatusLabels, findingTypeLabels, type Finding } from '#domain/contracts/findings.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import { Definition, DefinitionList } from '#src/components/ui/definition-list.tsx';
import { formatDateTime } from '#src/lib/format.ts';
import { formatDay } from '../problem-fields.ts';
import { FindingBadges } from './finding-badges.tsx';
import { TransitionActions } from './transition-actions.tsx';

interface Props {
  finding: Finding;
  sectionTitle: string;
  inOwnerTeam: boolean;
  holdsRaisingRole: boolean;
}

/** One finding: what, where, who owes what by when, the moves open to the viewer, and its history. */
export function FindingCard({ finding, sectionTitle, inOwnerTeam, holdsRaisingRole }: Props) {
  const headingId = `finding-${finding.id}-title`;
  return (
    <article id={`finding-${finding.id}`} aria-labelledby={headingId} className="scroll-mt-24 space-y-3 rounded-md border border-slate-200 bg-white p-4 shadow-sm">
      <div className="space-y-2">
        <h2 id={headingId} className="text-xl font-semibold text-slate-900">
          {finding.title}
        </h2>
        <FindingBadges finding={finding} />
      </div>
      <DefinitionList layout="aligned" className="text-sm">
        <Definition term="Section">
          {sectionTitle} (raised on version {finding.versionNumber})
        </Definition>
        {finding.anchor && (
          <Definition term="Passage">
            <q className="italic">{finding.anchor.exact}</q>
          </Definition>
        )}
        <Definition term="Type">{findingTypeLabels[finding.type]}</Definition>
        <Definition term="Owner">{finding.owner.displayName}</Definition>
        <Definition term="Due">
          {formatDay(finding.dueDate)}
          {finding.overdue ? ' (overdue)' : ''}
        </Definition>
        <Definition term="Raised by">
          {finding.raisedBy.displayName}, {roleLabels[finding.raisedRole]}
        </Definition>
        {finding.remediationPlan && <Definition term="Remediation plan">{finding.remediationPlan}</Definition>}
        {finding.acceptance && (
          <Definition term="Risk accepted">
            By {finding.acceptance.by.displayName} ({roleLabels[finding.acceptance.role]}) until {formatDay(finding.acceptance.expiresOn)}: {finding.acceptance.rationale}
          </Definition>
        )}
      </DefinitionList>
      <p className="max-w-prose whitespace-pre-wrap">{finding.description}</p>
      <TransitionActions finding={finding} inOwnerTeam={inOwnerTeam} holdsRaisingRole={holdsRaisingRole} />
      <details className="text-sm">
        <summary className="cursor-pointer font-semibold">History ({finding.history.length})</summary>
        <ol className="mt-2 space-y-2">
          {finding.history.map((event, index) => (
            <li key={index} className="border-l-2 border-slate-300 pl-3">
              <p>
                <span className="font-semibold">{event.from ? `${findingStatusLabels[event.from]} → ${findingStatusLabels[event.to]}` : 'Raised'}</span> by {event.by.displayName} ({roleLabels[event.role]}),{' '}
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>, version {event.versionNumber}
              </p>
              {event.note && <p className="whitespace-pre-wrap text-slate-700">{event.note}</p>}
            </li>
          ))}
        </ol>
      </details>
    </article>
  );
}
