import { buttonClasses } from '#src/components/ui/button.ts';
import { describeError } from '#src/lib/describe-error.ts';

interface Props {
  /** The request's failure, said above the buttons unless a field already shows it. */
  error: unknown;
  errorShownAtField: boolean;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  onCancel: () => void;
}

/** The foot of an account dialog's form: a failure not tied to a field, then submit and Cancel. */
export function DialogFormActions({ error, errorShownAtField, pending, submitLabel, pendingLabel, onCancel }: Props) {
  return (
    <>
      {error != null && !errorShownAtField && (
        <p role="alert" className="text-red-800">
          {describeError(error)}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClasses.primary} disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
        <button type="button" className={buttonClasses.secondary} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
