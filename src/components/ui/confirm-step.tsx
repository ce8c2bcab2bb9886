import { useState, type ReactNode } from 'react';
import { buttonClasses } from './button.ts';

interface Props {
  /** The word on the button that asks, for example “Revoke”. */
  action: string;
  /** The asking button's accessible name, when the word alone does not say what it acts on: “Revoke Nightly retraining”. */
  actionLabel: string;
  /** Shown beside the asking button, and replaced with it by the question. */
  beside?: ReactNode;
  /** Names the question for a screen reader, for example “Confirm revoking Nightly retraining”. */
  label: string;
  /** The question, with what the action will change. */
  children: ReactNode;
  confirm: string;
  cancel?: string;
  /** Takes the action; `done` puts the question away once the action has settled. */
  onConfirm: (done: () => void) => void;
}

/**
 * A button whose action cannot be taken back, and the “Are you sure?” that replaces it
 * (inline, not in a dialog) before the action is taken.
 */
export function ConfirmStep({ action, actionLabel, beside, label, children, confirm, cancel = 'Keep it', onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  const done = () => setAsking(false);
  if (!asking) {
    const ask = (
      // Keys keep React from turning this button into the confirm button in place: its colours
      // would then transition from secondary to primary, and read as low contrast meanwhile.
      <button key="ask" type="button" className={buttonClasses.secondary} aria-label={actionLabel} onClick={() => setAsking(true)}>
        {action}
      </button>
    );
    if (!beside) return ask;
    return (
      <span className="flex flex-wrap items-center gap-2">
        {beside}
        {ask}
      </span>
    );
  }
  return (
    <span role="group" aria-label={label} className="flex flex-wrap items-center gap-2">
      <span>{children}</span>
      <button
        key="confirm"
        type="button"
        className={buttonClasses.primary}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the question replaces the button that asked it
        autoFocus
        onClick={() => onConfirm(done)}
      >
        {confirm}
      </button>
      <button type="button" className={buttonClasses.secondary} onClick={done}>
        {cancel}
      </button>
    </span>
  );
}
