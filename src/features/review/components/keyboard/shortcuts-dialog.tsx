import { buttonClasses } from '#src/components/ui/button.ts';
import { Definition, DefinitionList } from '#src/components/ui/definition-list.tsx';
import { DialogTitle, ModalDialog } from '#src/components/ui/modal-dialog.tsx';
import { shortcuts } from './shortcuts.ts';

/** The keyboard shortcuts, in a modal dialog (Escape or the button closes it; focus returns). */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <ModalDialog isOpen={open} onClose={onClose} width="lg">
      <div className="p-6">
        <DialogTitle className="mb-4 text-xl font-bold">Keyboard shortcuts</DialogTitle>
        <DefinitionList layout="compact">
          {shortcuts.map((shortcut) => (
            <Definition key={shortcut.key} term={<kbd className="rounded border border-slate-400 bg-slate-100 px-2 py-0.5 font-mono">{shortcut.key}</kbd>}>
              {shortcut.description}
            </Definition>
          ))}
        </DefinitionList>
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
