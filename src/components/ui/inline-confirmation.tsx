import type { ReactNode } from 'react';
import { buttonClasses } from './button.ts';

interface Props {
  /** Names the choice for a screen reader, for example “Confirm revoking Nightly retraining”. */
  label: string;
  /** The question, with what the action will change. */
  children: ReactNode;
  confirm: string;
  cancel?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** “Are you sure?” in place of the button that asked it, before an action that cannot be taken back. */
export function InlineConfirmation({ label, children, confirm, cancel = 'Keep it', onConfirm, onCancel }: Props) {
  return (
    <span role="group" aria-label={label} className="flex flex-wrap items-center gap-2">
      <span>{children}</span>
      <button
        type="button"
        className={buttonClasses.primary}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the question replaces the button that asked it
        autoFocus
        onClick={onConfirm}
      >
        {confirm}
      </button>
      <button type="button" className={buttonClasses.secondary} onClick={onCancel}>
        {cancel}
      </button>
    </span>
  );
}
