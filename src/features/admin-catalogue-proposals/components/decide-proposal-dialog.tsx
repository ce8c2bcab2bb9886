import { useId } from 'react';
import type { CatalogueProposal } from '#api/catalogue-proposals/contract.ts';
import { DialogTitle, ModalDialog } from '#src/components/ui/modal-dialog.tsx';
import { buttonClasses } from '#src/components/ui/button.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { ApiProblem } from '#src/lib/api-problem.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import { useDecideCatalogueProposal } from '../api/catalogue-proposals.ts';
import { ContentDiff, WeakenedControls } from './proposal-comparison.tsx';

interface Props {
  proposal: CatalogueProposal;
  decision: 'approval' | 'rejection';
  onClose: () => void;
  onDecided: (message: string) => void;
}

/** A refusal in words; a comparison changed since it was shown is said as such, since the list above has just been read again (0192, fifth amendment). */
function refusalOf(error: unknown): string {
  if (error instanceof ApiProblem && error.problem.type === problemTypes.proposalComparisonChanged) {
    return 'Not approved: what this change replaces or loosens changed since you opened it, because another catalogue change took effect. Nothing was applied. The list above is read again; check it before you approve.';
  }
  return describeError(error);
}

/** Confirms an approval or a rejection; an approval sends the content and comparison hashes shown here, so a proposal that differs now is refused. */
export function DecideProposalDialog({ proposal, decision, onClose, onDecided }: Props) {
  const deciding = useDecideCatalogueProposal();
  const describedBy = useId();
  const approving = decision === 'approval';
  // Awaited rather than a mutate callback: the decided proposal leaves the list (and this
  // dialog unmounts) as the lists are read again, and the page must still say what happened.
  // A refusal stays in `deciding.error`, shown here.
  const confirm = () =>
    void deciding.mutateAsync({ proposal, decision }).then(
      () => onDecided(`${approving ? 'Approved, and in force' : 'Rejected; nothing changed'}: ${proposal.summary}.`),
      () => undefined,
    );
  return (
    <ModalDialog onClose={onClose} width="xl" describedBy={describedBy}>
      <div className="space-y-4 p-5">
        <DialogTitle className="text-lg font-bold">{approving ? 'Approve this catalogue change?' : 'Reject this catalogue change?'}</DialogTitle>
        <div id={describedBy} className="space-y-2">
          <p className="break-words">{proposal.summary}.</p>
          {approving && <WeakenedControls proposal={proposal} />}
          <p className="text-sm text-slate-700">
            {approving ? 'It takes effect at once, with you as the one who made it. ' : 'Nothing changes; the administrator who proposed it may propose it again. '}
            Content SHA-256: <code className="break-all">{proposal.contentSha256}</code>
            {approving && (
              <>
                ; comparison SHA-256: <code className="break-all">{proposal.comparisonSha256}</code>
              </>
            )}
          </p>
        </div>
        {approving && <ContentDiff proposal={proposal} />}
        {deciding.error != null && (
          <p role="alert" className="text-red-800">
            {refusalOf(deciding.error)}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <button type="button" className={buttonClasses.primary} disabled={deciding.isPending} onClick={confirm}>
            {approving ? 'Approve change' : 'Reject change'}
          </button>
          <button type="button" className={buttonClasses.secondary} onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
