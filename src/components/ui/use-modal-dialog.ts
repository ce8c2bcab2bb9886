import { useEffect, useRef } from 'react';

/**
 * A native <dialog> shown modally while `open` (focus trapped, Escape closes, the page
 * behind inert), closed otherwise. jsdom has no showModal: there the open attribute gives
 * the same dialog without the backdrop.
 */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);
  return ref;
}
