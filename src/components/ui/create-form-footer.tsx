import { buttonClasses } from './button.ts';
import { describeError } from '#src/lib/describe-error.ts';

interface Props {
  /** The request's failure, if any. */
  error: unknown;
  /** The failure is already said beside a field: not repeated here. */
  errorShownAtField: boolean;
  pending: boolean;
  /** The submit button's words, for example “Add business line”. */
  submitLabel: string;
  /** What it says while the request runs, for example “Adding…”. */
  pendingLabel: string;
}

/** The footer of an administrator's create form: a failure no field shows, then the submit button (pressed once while pending). */
export function CreateFormFooter({ error, errorShownAtField, pending, submitLabel, pendingLabel }: Props) {
  return (
    <>
      {error != null && !errorShownAtField && (
        <p role="alert" className="text-red-800">
          {describeError(error)}
        </p>
      )}
      <button type="submit" className={buttonClasses.primary} disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </>
  );
}
