import type { CatalogueProposal } from '#api/catalogue-proposals/contract.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { formatDateTime } from '#src/lib/format.ts';
import { shownName } from '#domain/text/shown-name.ts';
import { notApprovableReason } from '#src/lib/requester-standing.ts';
import { ContentDiff, WeakenedControls } from './proposal-comparison.tsx';

// A tampered row shows nothing of its content: what is stored is not what anyone proposed (0192).
const tamperedReason = 'Not approvable: its stored content is not what was proposed (it was changed in the database). Reject it, and look into who changed the database; the administrator may propose it again.';
// An unreadable one is as filed, but no longer reads as a change today (its form changed since): nobody tampered with it.
const unreadableReason = 'Not approvable: it was filed in an earlier form of this change that no longer reads today. Reject it; the administrator may propose it again.';

interface Props {
  proposal: CatalogueProposal;
  viewerId: string | undefined;
  onDecide: (decision: 'approval' | 'rejection') => void;
}

/** One pending catalogue change: what it does and replaces, what it loosens, its diff and content, and the decisions the viewer may take. */
export function ProposalCard({ proposal, viewerId, onDecide }: Props) {
  const blocked = proposal.tampered ? tamperedReason : proposal.unreadable ? unreadableReason : notApprovableReason(proposal, 'proposed');
  return (
    <li className="space-y-2 rounded-md border border-slate-200 bg-white p-4">
      <p className="font-semibold break-words">{proposal.summary}</p>
      <p className="text-sm text-slate-700">
        Proposed by {shownName(proposal.requestedBy.displayName)} on <time dateTime={proposal.requestedAt}>{formatDateTime(proposal.requestedAt)}</time>; lapses{' '}
        <time dateTime={proposal.expiresAt}>{formatDateTime(proposal.expiresAt)}</time> unless decided.
      </p>
      {proposal.content && (
        <>
          <WeakenedControls proposal={proposal} />
          <p className="text-sm text-slate-700">
            Content SHA-256: <code className="break-all">{proposal.contentSha256}</code>
          </p>
          <ContentDiff proposal={proposal} />
          <details>
            <summary className="cursor-pointer text-sm">The proposed change in full</summary>
            <pre className="mt-2 max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(proposal.content.change, null, 2)}</pre>
          </details>
        </>
      )}
      {blocked && <p className="rounded-md border-l-4 border-red-700 bg-red-50 p-2 text-sm">{blocked}</p>}
      {proposal.requestedBy.id === viewerId ? (
        <p className="text-sm text-slate-700">You proposed this change; another administrator approves or rejects it.</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {!blocked && (
            <button type="button" className={buttonClasses.primary} aria-label={`Approve: ${proposal.summary}`} onClick={() => onDecide('approval')}>
              Approve
            </button>
          )}
          <button type="button" className={blocked ? buttonClasses.primary : buttonClasses.secondary} aria-label={`Reject: ${proposal.summary}`} onClick={() => onDecide('rejection')}>
            Reject
          </button>
        </div>
      )}
    </li>
  );
}
