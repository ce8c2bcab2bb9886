import type { ReactNode } from 'react';
import { buttonClasses } from '#src/components/ui/button.ts';

/** The end of a sign dialog: the problem no field shows (if any), then sign and cancel. */
export function SigningActions({ general, submitLabel, disabled, onCancel }: { general: ReactNode; submitLabel: string; disabled: boolean; onCancel: () => void }) {
  return (
    <>
      {general && (
        <p role="alert" className="border-l-4 border-red-700 pl-3 text-red-900">
          {general}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClasses.primary} disabled={disabled}>
          {submitLabel}
        </button>
        <button type="button" className={buttonClasses.secondary} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
