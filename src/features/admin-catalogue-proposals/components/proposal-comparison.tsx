import type { CatalogueProposal } from '#api/catalogue-proposals/contract.ts';
import { contentDiff } from './content-diff.ts';

// What a proposal replaces and what it loosens (docs/decisions/0192), on the card and again in
// the approval dialog: the approver reads the weakened controls before the JSON.

/** The proposed change without the version it names (said in words above the diff). */
function proposedBody(proposal: CatalogueProposal): unknown {
  const { replacesVersion: _replaces, ...body } = (proposal.content?.change ?? {}) as Record<string, unknown>;
  return body;
}

const diffable = (proposal: CatalogueProposal) => proposal.current !== null && proposal.kind.startsWith('publish_');

export function WeakenedControls({ proposal }: { proposal: CatalogueProposal }) {
  const against = proposal.replacesVersion === null ? 'the catalogue as it is' : `version ${proposal.replacesVersion}`;
  if (proposal.weakens.length === 0) {
    return <p className="text-sm text-slate-700">{proposal.current === null ? 'Replaces no earlier version.' : `Weakens no control compared with ${against}.`}</p>;
  }
  return (
    <div className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-sm">
      <p className="font-semibold">
        Weakens {proposal.weakens.length === 1 ? 'a control' : `${proposal.weakens.length} controls`} compared with {against}:
      </p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {/* A retirement names several policies and templates at one field: the message tells them apart. */}
        {proposal.weakens.map((w) => (
          <li key={`${w.field} ${w.message}`} className="break-words">
            {w.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ContentDiff({ proposal }: { proposal: CatalogueProposal }) {
  if (!diffable(proposal)) return null;
  const lines = contentDiff(proposal.current, proposedBody(proposal));
  return (
    <details>
      <summary className="cursor-pointer text-sm">Changes against version {proposal.replacesVersion}</summary>
      <pre className="mt-2 max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs break-words whitespace-pre-wrap">
        {lines.map((line, i) => {
          if (line.op === 'folded') return <span key={i} className="block text-slate-600">{`  … ${line.count} unchanged ${line.count === 1 ? 'line' : 'lines'}`}</span>;
          if (line.op === 'insert')
            return (
              <ins key={i} className="block bg-green-100 text-green-950 no-underline">
                <span aria-hidden="true">+ </span>
                <span className="sr-only">Added: </span>
                {line.text}
              </ins>
            );
          if (line.op === 'delete')
            return (
              <del key={i} className="block bg-red-100 text-red-950 no-underline">
                <span aria-hidden="true">− </span>
                <span className="sr-only">Removed: </span>
                {line.text}
              </del>
            );
          return <span key={i} className="block">{`  ${line.text}`}</span>;
        })}
      </pre>
    </details>
  );
}
