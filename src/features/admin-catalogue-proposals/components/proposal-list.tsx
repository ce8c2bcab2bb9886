import { useState } from 'react';
import type { CatalogueProposal } from '#api/catalogue-proposals/contract.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { formatDateTime } from '#src/lib/format.ts';
import { DecideProposalDialog } from './decide-proposal-dialog.tsx';

interface Props {
  proposals: readonly CatalogueProposal[];
  viewerId: string | undefined;
  onOutcome: (message: string) => void;
}

/** Pending catalogue changes as cards (a 390 px screen fits them), each with its full content to read before deciding. */
export function ProposalList({ proposals, viewerId, onOutcome }: Props) {
  const [deciding, setDeciding] = useState<{ proposal: CatalogueProposal; decision: 'approval' | 'rejection' } | null>(null);
  if (proposals.length === 0) return <p>No catalogue change waits for approval.</p>;
  return (
    <>
      <ul className="space-y-3">
        {proposals.map((proposal) => (
          <li key={proposal.id} className="space-y-2 rounded-md border border-slate-200 bg-white p-4">
            <p className="font-semibold break-words">{proposal.summary}</p>
            <p className="text-sm text-slate-700">
              Proposed by {proposal.requestedBy.displayName} on <time dateTime={proposal.requestedAt}>{formatDateTime(proposal.requestedAt)}</time>; lapses{' '}
              <time dateTime={proposal.expiresAt}>{formatDateTime(proposal.expiresAt)}</time> unless decided.
            </p>
            <p className="text-sm text-slate-700">
              Content SHA-256: <code className="break-all">{proposal.contentSha256}</code>
            </p>
            <details>
              <summary className="cursor-pointer text-sm">The proposed change in full</summary>
              <pre className="mt-2 max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(proposal.content.change, null, 2)}</pre>
            </details>
            {proposal.requestedBy.id === viewerId ? (
              <p className="text-sm text-slate-700">You proposed this change; another administrator approves or rejects it.</p>
            ) : (
              <div className="flex flex-wrap gap-2">
                <button type="button" className={buttonClasses.primary} aria-label={`Approve: ${proposal.summary}`} onClick={() => setDeciding({ proposal, decision: 'approval' })}>
                  Approve
                </button>
                <button type="button" className={buttonClasses.secondary} aria-label={`Reject: ${proposal.summary}`} onClick={() => setDeciding({ proposal, decision: 'rejection' })}>
                  Reject
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {deciding && (
        <DecideProposalDialog
          proposal={deciding.proposal}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onDecided={(message) => {
            setDeciding(null);
            onOutcome(message);
          }}
        />
      )}
    </>
  );
}
