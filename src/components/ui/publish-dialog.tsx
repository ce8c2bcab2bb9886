import { buttonClasses } from '#src/components/ui/button.ts';
import { DialogTitle, ModalDialog } from '#src/components/ui/modal-dialog.tsx';

interface Props {
  /** The question, naming what is published ("Publish version 2 of …?"). */
  title: string;
  /** What publishing does, and what it does not. */
  explanation: string;
  confirmLabel: string;
  publishing: boolean;
  /** Two administrators exist: confirming files a proposal another one approves (0182), and the dialog says so. */
  proposes?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The last look before publishing: a published version is never edited or withdrawn. */
export function PublishDialog({ title, explanation, confirmLabel, publishing, proposes = false, onConfirm, onCancel }: Props) {
  return (
    <ModalDialog onClose={onCancel} width="lg">
      <div className="p-6">
        <DialogTitle className="text-xl font-semibold">{title}</DialogTitle>
        <p className="mt-3">{explanation}</p>
        {proposes && <p className="mt-3">It takes effect once another administrator approves it on Catalogue proposals.</p>}
        <div className="mt-6 flex gap-3">
          <button type="button" className={buttonClasses.primary} onClick={onConfirm} disabled={publishing}>
            {publishing ? (proposes ? 'Proposing…' : 'Publishing…') : confirmLabel}
          </button>
          <button type="button" className={buttonClasses.secondary} onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
