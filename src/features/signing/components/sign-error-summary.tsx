import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  /** Each field's problem, as it shows beside the field. */
  messages: readonly string[];
  /** The problem no field shows (a stale package, a lost connection), if any. */
  general: ReactNode;
  /** After a wrong password or passkey: failures left before signing locks. */
  attemptsLeft: number | undefined;
  /** Changes with every failed attempt, so each one is announced and focused again. */
  failure: unknown;
}

/** Moves focus to the field whose error paragraph says `message` (Field gives it the id `${fieldId}-error`). */
function focusFieldOf(container: HTMLElement | null, message: string): void {
  const form = container?.closest('form');
  const note = [...(form?.querySelectorAll<HTMLElement>('[id$="-error"]') ?? [])].find((element) => element.textContent === message);
  const field = note ? document.getElementById(note.id.slice(0, -'-error'.length)) : null;
  field?.focus();
}

/**
 * At the top of a sign dialog after a refusal: what stopped the signature, each field's
 * problem as a button that goes to the field, and how many attempts are left. It takes the
 * focus, so the signer reads it first, wherever in the dialog they pressed Sign.
 */
export function SignErrorSummary({ messages, general, attemptsLeft, failure }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = messages.length > 0 || Boolean(general);
  useEffect(() => {
    if (!shown) return;
    // Focusing scrolls the dialog up to it.
    ref.current?.focus();
  }, [shown, failure]);
  if (!shown) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="sign-error-summary-title" className="space-y-2 rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900 outline-none focus-visible:ring-2 focus-visible:ring-red-700">
      <h3 id="sign-error-summary-title" className="font-semibold">
        Not signed
      </h3>
      {general && <p>{general}</p>}
      {messages.length > 0 && (
        <ul className="list-disc space-y-1 pl-5">
          {messages.map((message) => (
            <li key={message}>
              <button type="button" className="text-left underline" onClick={() => focusFieldOf(ref.current, message)}>
                {message}
              </button>
            </li>
          ))}
        </ul>
      )}
      {attemptsLeft !== undefined && (
        <p className="font-semibold">{attemptsLeft === 0 ? 'Signing is now locked for a while after repeated failures.' : `${attemptsLeft} ${attemptsLeft === 1 ? 'attempt' : 'attempts'} left before signing is locked.`}</p>
      )}
    </div>
  );
}
