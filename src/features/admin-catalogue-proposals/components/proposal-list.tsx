import { useState } from 'react';
import type { CatalogueProposal } from '#api/catalogue-proposals/contract.ts';
import { DecideProposalDialog } from './decide-proposal-dialog.tsx';
import { ProposalCard } from './proposal-card.tsx';

interface Props {
  proposals: readonly CatalogueProposal[];
  viewerId: string | undefined;
  onOutcome: (message: string) => void;
}

/** Pending catalogue changes as cards (a 390 px screen fits them), each with what it loosens, its diff and its full content to read before deciding. */
export function ProposalList({ proposals, viewerId, onOutcome }: Props) {
  const [deciding, setDeciding] = useState<{ proposal: CatalogueProposal; decision: 'approval' | 'rejection' } | null>(null);
  // The dialog shows the proposal as last read: after a refused approval the list is read again, and what it now replaces or loosens is what the next approval names (0192, fifth amendment).
  const shown = deciding && (proposals.find((p) => p.id === deciding.proposal.id) ?? deciding.proposal);
  if (proposals.length === 0) return <p>No catalogue change waits for approval.</p>;
  return (
    <>
      <ul className="space-y-3">
        {proposals.map((proposal) => (
          <ProposalCard key={proposal.id} proposal={proposal} viewerId={viewerId} onDecide={(decision) => setDeciding({ proposal, decision })} />
        ))}
      </ul>
      {deciding && shown && (
        <DecideProposalDialog
          proposal={shown}
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
