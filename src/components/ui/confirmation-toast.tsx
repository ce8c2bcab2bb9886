import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { buttonClasses } from '#src/components/ui/button.ts';
import { dismissConfirmation, noteShown, useConfirmation, wasShown } from '#src/lib/confirmation.ts';

/**
 * The confirmation of a signature or a submission, at the bottom of the window whatever the
 * scroll position, focused (so the keyboard and a screen reader continue from it, and focus is
 * what announces it) and a status while shown. The container is not a live region while empty:
 * an always-present empty status would be one more "status" on every page beside the page's own. It stays until dismissed (no time limit to read it) or another page opens.
 */
export function ConfirmationToast() {
  const confirmation = useConfirmation();
  const ref = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();
  const shown = confirmation !== null && confirmation.path === pathname ? confirmation : null;

  const id = shown?.id;
  useEffect(() => {
    if (id === undefined) return;
    noteShown(id);
    // After the closing dialog has handed focus back to what opened it (which may be gone).
    const timer = window.setTimeout(() => ref.current?.focus(), 50);
    return () => window.clearTimeout(timer);
  }, [id]);

  // Leaving the page it was shown on dismisses it (coming back does not show it again).
  useEffect(() => {
    if (confirmation && confirmation.path !== pathname && wasShown(confirmation.id)) dismissConfirmation();
  }, [confirmation, pathname]);

  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center px-4">
      {shown && (
        <div
          ref={ref}
          role="status"
          tabIndex={-1}
          data-confirmation
          className="pointer-events-auto flex max-w-xl flex-wrap items-center gap-3 rounded-md border-l-4 border-green-700 bg-white p-4 shadow-lg ring-1 ring-slate-300 outline-none focus-visible:ring-2 focus-visible:ring-blue-800"
        >
          <p className="font-semibold text-slate-900">
            <span aria-hidden="true">✓ </span>
            {shown.message}
          </p>
          <button type="button" className={`${buttonClasses.secondary} px-3 py-1 text-sm`} onClick={dismissConfirmation}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
