import { useId } from 'react';
import { buttonClasses } from '../../../components/ui/button.ts';
import { useModalDialog } from '../../../components/ui/use-modal-dialog.ts';

interface Props {
  /** The question, naming what is published ("Publish version 2 of …?"). */
  title: string;
  /** What publishing does, and what it does not. */
  explanation: string;
  confirmLabel: string;
  publishing: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The last look before publishing: a published version is never edited or withdrawn. */
export function PublishDialog({ title, explanation, confirmLabel, publishing, onConfirm, onCancel }: Props) {
  const ref = useModalDialog(true);
  const titleId = useId();
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onCancel} className="m-auto w-full max-w-lg rounded-md border border-slate-300 p-6 shadow-xl backdrop:bg-slate-900/40">
      <h2 id={titleId} className="text-xl font-semibold">
        {title}
      </h2>
      <p className="mt-3">{explanation}</p>
      <div className="mt-6 flex gap-3">
        <button type="button" className={buttonClasses.primary} onClick={onConfirm} disabled={publishing}>
          {publishing ? 'Publishing…' : confirmLabel}
        </button>
        <button type="button" className={buttonClasses.secondary} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
