import { useId, type SubmitEvent } from 'react';
import { buttonClasses } from '#src/components/ui/button.ts';
import { Definition, DefinitionList } from '#src/components/ui/definition-list.tsx';
import { DialogTitle, ModalDialog } from '#src/components/ui/modal-dialog.tsx';

interface Props {
  modelName: string;
  versionLabel: string;
  nextVersion: number;
  changedSections: number;
  answers: number;
  submitting: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The last word before an immutable version exists: what it is and what it commits to. */
export function ConfirmDialog({ modelName, versionLabel, nextVersion, changedSections, answers, submitting, onConfirm, onCancel }: Props) {
  // Open for as long as it is mounted, like the sign dialog.
  const textId = useId();
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!submitting) onConfirm();
  };
  return (
    <ModalDialog onClose={onCancel} width="xl" describedBy={textId}>
      <form onSubmit={submit} aria-busy={submitting} className="space-y-4 p-6">
        <DialogTitle className="text-xl font-bold">Submit version {nextVersion}?</DialogTitle>
        <p id={textId} className="rounded-md border-l-4 border-blue-800 bg-blue-50 p-3">
          A submitted version is immutable and will be signed against by reviewers. It cannot be edited or withdrawn; a later change is another version.
        </p>
        <DefinitionList layout="compact" className="text-sm">
          <Definition term="Model">
            {modelName} {versionLabel}
          </Definition>
          <Definition term="New version">Version {nextVersion}</Definition>
          <Definition term="Sections changed">{changedSections}</Definition>
          <Definition term="Answers">{answers}</Definition>
        </DefinitionList>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={buttonClasses.primary} disabled={submitting}>
            {submitting ? 'Submitting…' : `Submit version ${nextVersion}`}
          </button>
          <button type="button" className={buttonClasses.secondary} onClick={onCancel} disabled={submitting}>
            Cancel
          </button>
        </div>
        <p role="status" className="sr-only">
          {submitting ? `Submitting version ${nextVersion}…` : ''}
        </p>
      </form>
    </ModalDialog>
  );
}
