import { useId } from 'react';

interface Props<T extends string | number> {
  legend: string;
  options: readonly { value: T; label: string }[];
  checked: readonly T[];
  onChange: (next: T[]) => void;
  error: string | undefined;
}

/** A set of checkboxes under one legend, with the server's message for the set beside it. */
export function CheckboxGroup<T extends string | number>({ legend, options, checked, onChange, error }: Props<T>) {
  const id = useId();
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined} className="space-y-1">
      <legend className="font-semibold">{legend}</legend>
      <div className="flex flex-wrap gap-x-5 gap-y-1">
        {options.map((option) => (
          <label key={option.value} className="inline-flex items-center gap-2">
            <input
              type="checkbox"
              checked={checked.includes(option.value)}
              onChange={(event) => onChange(event.target.checked ? [...checked, option.value] : checked.filter((v) => v !== option.value))}
            />
            {option.label}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}
