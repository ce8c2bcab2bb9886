import type { Ref } from 'react';
import { Field, inputClasses } from '#src/components/ui/field.tsx';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  textareaRef?: Ref<HTMLTextAreaElement>;
  rows?: number;
}

/** A message box with its label and, right under it, what is wrong with it. */
export function MessageTextField({ label, value, onChange, error, textareaRef, rows = 3 }: Props) {
  return (
    <Field label={label} error={error}>
      {(props) => <textarea {...props} ref={textareaRef} rows={rows} value={value} onChange={(event) => onChange(event.target.value)} className={inputClasses} />}
    </Field>
  );
}
