import { useId, type ReactNode } from 'react';

/** What a field hands its control: its id, and whether and where to read what is wrong with it. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface Props {
  label: ReactNode;
  error: string | undefined;
  hint?: string;
  /** When something else must find the control by id (an error summary linking to it); otherwise one is made up. */
  id?: string;
  /** For table cells: the label is read, not shown. */
  hideLabel?: boolean;
  errorClassName?: string;
  children: (props: ControlProps) => ReactNode;
}

/** A labelled control with its hint and, right under it, what is wrong with it. */
export function Field({ label, error, hint, id: givenId, hideLabel = false, errorClassName = 'text-red-800', children }: Props) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'block font-semibold'}>
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
      {error && (
        <p id={`${id}-error`} className={errorClassName}>
          {error}
        </p>
      )}
    </div>
  );
}

export const inputClasses = 'block w-full rounded-md border border-slate-400 p-2';
