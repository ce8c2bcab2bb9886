import { buttonClasses } from '#src/components/ui/button.ts';
import { DialogTitle, ModalDialog } from '#src/components/ui/modal-dialog.tsx';
import { shortcuts } from './shortcuts.ts';

/** The keyboard shortcuts, in a modal dialog (Escape or the button closes it; focus returns). */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <ModalDialog isOpen={open} onClose={onClose} width="lg">
      <div className="p-6">
        <DialogTitle className="mb-4 text-xl font-bold">Keyboard shortcuts</DialogTitle>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        {shortcuts.map((shortcut) => (
          <div key={shortcut.key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-400 bg-slate-100 px-2 py-0.5 font-mono">{shortcut.key}</kbd>
            </dt>
            <dd>{shortcut.description}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-sm text-slate-700">Shortcuts do nothing while you type in a field. Tab and Shift+Tab move between controls as usual.</p>
      <div className="mt-6">
        <button type="button" className={buttonClasses.primary} onClick={onClose}>
          Close
        </button>
      </div>
      </div>
    </ModalDialog>
  );
}
