import { buttonClasses } from './button.ts';
import { describeError } from '#src/lib/describe-error.ts';

interface Props {
  /** The request's failure, said above the buttons unless a field already shows it. */
  error: unknown;
  errorShownAtField: boolean;
  pending: boolean;
  /** The submit button's words, for example “Add business line”. */
  submitLabel: string;
  /** What it says while the request runs (and cannot be pressed again), for example “Adding…”. */
  pendingLabel: string;
  /** A dialog's form also offers Cancel. */
  onCancel?: () => void;
}

/** The foot of an administrator's form (a create form, an account dialog): a failure not tied to a field, then submit (and Cancel). */
export function FormFooter({ error, errorShownAtField, pending, submitLabel, pendingLabel, onCancel }: Props) {
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
        {onCancel && (
          <button type="button" className={buttonClasses.secondary} onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </>
  );
}
