import { buttonClasses } from './button.ts';

interface Props {
  /** The submit button's words, for example “Record fulfilment”. */
  submit: string;
  /** While the request runs the submit button says “Saving…” and cannot be pressed again. */
  pending: boolean;
  /** What the submit button says while pending; “Saving…” unless the action has its own word (“Rolling back…”). */
  pendingLabel?: string;
  onCancel: () => void;
}

/** The footer of a small inline form: submit, then Cancel. */
export function FormActions({ submit, pending, pendingLabel = 'Saving…', onCancel }: Props) {
  return (
    <div className="flex flex-wrap gap-2">
      <button type="submit" className={buttonClasses.primary} disabled={pending}>
        {pending ? pendingLabel : submit}
      </button>
      <button type="button" className={buttonClasses.secondary} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
