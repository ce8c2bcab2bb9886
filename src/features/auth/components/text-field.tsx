import type { InputHTMLAttributes, Ref } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> {
  name: string;
  label: string;
  error: string | undefined;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose error sits between label and field and is read with the field. */
export function TextField({ name, label, error, ref, ...input }: Props) {
  const id = `field-${name}`;
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'border-l-4 border-red-700 pl-4' : ''}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {error && (
        <p id={errorId} className="mt-1 font-semibold text-red-800">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
      <input
        ref={ref}
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`mt-1 block w-full rounded-md border-2 bg-white px-3 py-2 text-base ${error ? 'border-red-700' : 'border-slate-500'}`}
        {...input}
      />
    </div>
  );
}
