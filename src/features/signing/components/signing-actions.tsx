import { buttonClasses } from '#src/components/ui/button.ts';

/**
 * The end of a sign dialog: sign and cancel, kept in view at the bottom of the dialog while
 * what is signed scrolls above them (problems show in the summary at the top).
 */
export function SigningActions({ submitLabel, disabled, onCancel }: { submitLabel: string; disabled: boolean; onCancel: () => void }) {
  return (
    <div className="sticky bottom-0 -mx-6 -mb-6 flex flex-wrap gap-3 border-t border-slate-200 bg-white px-6 py-4">
      <button type="submit" className={buttonClasses.primary} disabled={disabled}>
        {submitLabel}
      </button>
      <button type="button" className={buttonClasses.secondary} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
