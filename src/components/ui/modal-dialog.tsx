import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

const widths = { lg: 'max-w-lg', xl: 'max-w-xl', '2xl': 'max-w-2xl' } as const;

interface Props {
  /** Shown while true (the default: open for as long as it is mounted). */
  isOpen?: boolean;
  /** Escape asks for this, as do the dialog's own Cancel or Close buttons: the caller closes it. */
  onClose: () => void;
  width: keyof typeof widths;
  /** The id of what describes the dialog, read after its name. */
  describedBy?: string;
  children: ReactNode;
}

/**
 * A modal dialog (React Aria): focus moves in and is held there, Escape closes, the page
 * behind is hidden from assistive technology, and focus returns where it was on closing.
 * Its accessible name is its DialogTitle. A click outside does not close it: what is typed
 * in it would be lost.
 */
export function ModalDialog({ isOpen = true, onClose, width, describedBy, children }: Props) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4"
    >
      <Modal className={`max-h-full w-full overflow-y-auto rounded-md border border-slate-300 bg-white shadow-xl ${widths[width]}`}>
        <Dialog aria-describedby={describedBy} className="outline-none">
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** The dialog's heading, which names it. */
export function DialogTitle({ className, children }: { className: string; children: ReactNode }) {
  return (
    <Heading slot="title" level={2} className={className}>
      {children}
    </Heading>
  );
}
