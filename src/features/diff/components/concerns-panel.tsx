import type { ConcernRow, SectionRef } from '#domain/revisions/concern-map.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import { diffStatusLabel } from './diff-status-badge.tsx';

interface Props {
  rows: readonly ConcernRow[];
  to: number;
  onShowSection: (key: string) => void;
}

function SectionLink({ section, onShow }: { section: SectionRef; onShow: (key: string) => void }) {
  const changed = section.status !== null && section.status !== 'unchanged';
  return (
    <span>
      <a
        href={`#${section.key}`}
        onClick={(event) => {
          event.preventDefault();
          onShow(section.key);
        }}
      >
        {section.title}
      </a>{' '}
      <span className={changed ? 'text-green-800' : 'text-slate-700'}>({section.status ? diffStatusLabel(section.status).toLowerCase() : 'not in either version'})</span>
    </span>
  );
}

/**
 * Each rejection concern and clarification request next to the sections it concerns (did
 * they change?) and the owner's answer. A concern whose sections did not change at all is
 * flagged: the reviewer who raised it should look at it first.
 */
export function ConcernsPanel({ rows, to, onShowSection }: Props) {
  return (
    <section aria-labelledby="concerns-heading" className="space-y-3">
      <h2 id="concerns-heading" className="text-xl font-bold">
        Concerns and answers
      </h2>
      {rows.length === 0 ? (
        <p className="text-slate-700">No rejection concern or clarification request was raised on the versions compared.</p>
      ) : (
        <ol className="space-y-3">
          {rows.map((row) => (
            <li key={row.key} data-concern={row.key} className={`rounded-md border-l-4 p-3 ${row.sectionUnchanged ? 'border-amber-600 bg-amber-50' : 'border-green-700 bg-white'} border border-slate-300`}>
              <p className="font-semibold">
                {row.kind === 'concern' ? 'Rejection concern' : 'Clarification request'} of {row.raisedBy.displayName}
                {row.role ? ` (${roleLabels[row.role]})` : ''} on version {row.versionNumber}
              </p>
              <p className="text-sm">
                Section: <SectionLink section={row.section} onShow={onShowSection} />
              </p>
              {row.sectionUnchanged && (
                <p className="mt-1 font-semibold text-amber-950">
                  <span aria-hidden="true">⚠ </span>Not addressed in the content: {row.citedSections.length > 0 ? 'neither this section nor the sections the answer cites changed' : 'this section did not change'} in version {to}.
                </p>
              )}
              {row.quote && <blockquote className="mt-2 border-l-4 border-slate-400 pl-2 text-slate-700">{row.quote}</blockquote>}
              <p className="mt-2 whitespace-pre-wrap">{row.text}</p>
              {row.requiredChange && (
                <p className="mt-1 whitespace-pre-wrap text-sm">
                  <span className="font-semibold">Required change: </span>
                  {row.requiredChange}
                </p>
              )}
              <div className="mt-2 rounded bg-slate-50 p-2">
                <p className="text-sm font-semibold">Owner&apos;s answer</p>
                {row.answer ? <p className="whitespace-pre-wrap">{row.answer.answer}</p> : <p className="text-slate-700">No answer came with version {to}.</p>}
                {row.citedSections.length > 0 && (
                  <p className="mt-1 text-sm">
                    Cites:{' '}
                    {row.citedSections.map((section, index) => (
                      <span key={section.key}>
                        {index > 0 && '; '}
                        <SectionLink section={section} onShow={onShowSection} />
                      </span>
                    ))}
                  </p>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
