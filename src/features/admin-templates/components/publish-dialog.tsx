import { useId } from 'react';
import { buttonClasses } from '../../../components/ui/button.ts';
import { useModalDialog } from '../../../components/ui/use-modal-dialog.ts';

interface Props {
  version: number;
  name: string;
  publishing: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The last look before publishing: what a new version changes, and what it does not. */
export function PublishDialog({ version, name, publishing, onConfirm, onCancel }: Props) {
  const ref = useModalDialog(true);
  const titleId = useId();
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onCancel} className="m-auto w-full max-w-lg rounded-md border border-slate-300 p-6 shadow-xl backdrop:bg-slate-900/40">
      <h2 id={titleId} className="text-xl font-semibold">
        Publish version {version} of {name}?
      </h2>
      <p className="mt-3">A new version applies to packages submitted from now on; existing packages keep theirs.</p>
      <div className="mt-6 flex gap-3">
        <button type="button" className={buttonClasses.primary} onClick={onConfirm} disabled={publishing}>
          {publishing ? 'Publishing…' : `Publish version ${version}`}
        </button>
        <button type="button" className={buttonClasses.secondary} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
