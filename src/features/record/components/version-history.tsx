import { Link } from 'react-router';
import type { RecordVersion } from '#domain/contracts/record.ts';
import { formatUtc } from '#src/lib/format.ts';
import { HashValue } from './hash-value.tsx';
import { PolicyResults } from './policy-results.tsx';

type Summary = NonNullable<RecordVersion['changesFromPrevious']>;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 sections modified, 1 added, 8 unchanged": the counts that are not zero, in a fixed order. */
function sectionCounts(summary: Summary): string {
  const parts = [
    summary.modified > 0 && `${plural(summary.modified, 'section')} modified`,
    summary.added > 0 && `${summary.added} added`,
    summary.removed > 0 && `${summary.removed} removed`,
    `${summary.unchanged} unchanged`,
  ].filter(Boolean);
  return parts.join(', ');
}

function flips(counts: Summary['flips']): string | null {
  const parts = [counts.toPass > 0 && `${plural(counts.toPass, 'threshold')} now passing`, counts.toFail > 0 && `${plural(counts.toFail, 'threshold')} now failing`].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** Absolute, for paper: a printed link is only useful with where it leads. */
function printUrl(path: string): string {
  return new URL(path, window.location.origin).href;
}

/** Every version, oldest first, each with what changed from the one before and a link to that diff. */
export function VersionHistory({ packageId, versions, approvedVersion }: { packageId: string; versions: readonly RecordVersion[]; approvedVersion: number | null }) {
  return (
    <ol className="space-y-4">
      {versions.map((version, index) => {
        const summary = version.changesFromPrevious;
        const changed = summary?.sections.filter((s) => s.status !== 'unchanged') ?? [];
        const flipped = summary && flips(summary.flips);
        const diff = `/packages/${encodeURIComponent(packageId)}/diff?from=${version.number - 1}&to=${version.number}`;
        return (
          <li key={version.number} className="record-version space-y-2 rounded-md border border-slate-200 bg-white p-4">
            <h3 className="font-bold">
              Version {version.number}
              {version.number === approvedVersion && <span className="ml-2 rounded border border-emerald-300 bg-emerald-50 px-2 py-0.5 text-sm font-medium text-emerald-900">Approved version</span>}
            </h3>
            <p>
              Submitted by {version.submittedBy.displayName}
              {version.submittedBy.title && `, ${version.submittedBy.title}`} on <time dateTime={version.submittedAt}>{formatUtc(version.submittedAt)}</time>
            </p>
            <p>
              Content hash (SHA-256): <HashValue hash={version.contentHash} label={`content hash of version ${version.number}`} />
            </p>
            {summary ? (
              <>
                <p>
                  Changes from version {version.number - 1}: {sectionCounts(summary)}
                  {flipped && `; ${flipped}`}
                  {summary.coarse && ' (some long text compared line by line)'}.{' '}
                  <Link to={diff} data-print-url={printUrl(diff)}>
                    Compare version {version.number - 1} with {version.number}
                  </Link>
                </p>
                {changed.length > 0 && (
                  <ul className="list-disc pl-5">
                    {changed.map((section) => {
                      const sectionFlips = flips(section.flips);
                      return (
                        <li key={section.key}>
                          {section.title}: {section.status}
                          {section.status === 'modified' && ` (${plural(section.changes, 'change')})`}
                          {sectionFlips && `, ${sectionFlips}`}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </>
            ) : (
              <p className="text-slate-700">First version.</p>
            )}
            <PolicyResults version={version} previous={versions[index - 1]} />
            {version.answers.length > 0 && (
              <div>
                <h4 className="font-semibold">The owner’s answers to the previous round</h4>
                <ul className="list-disc space-y-1 pl-5">
                  {version.answers.map((answer, index) => (
                    <li key={index} className="whitespace-pre-wrap">
                      {answer.answer}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
