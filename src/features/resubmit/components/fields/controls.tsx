import { useState, type ReactNode } from 'react';
import { Field, inputClasses, type ControlProps } from '#src/components/ui/field.tsx';
import { optionalText, withOptional } from '../../draft.ts';
import { fieldId, pointerJoin } from '../../field-errors.ts';
import { useFieldError } from './field-errors-context.ts';

// Labelled controls keyed by the JSON Pointer of the value they edit: the pointer gives the
// control its id (the error summary links to it) and finds its error (shown right under it
// and read with it). In table cells the label is visually hidden; it is still a <label>.
// This folder holds the form's parts (controls, growing lists and tables, the error context),
// below both the section editors (editors/) and the form around them, which use them alike.

interface FieldProps {
  pointer: string;
  label: ReactNode;
  hint?: string;
  /** For table cells: the label is read, not shown. */
  hideLabel?: boolean;
}

export const cellInputClasses = 'block w-full min-w-20 rounded-md border border-slate-400 px-2 py-1';

export function EditField({ pointer, label, hint, hideLabel, children }: FieldProps & { children: (props: ControlProps) => ReactNode }) {
  return (
    <Field id={fieldId(pointer)} label={label} hint={hint} hideLabel={hideLabel} error={useFieldError(pointer)} errorClassName="text-sm font-semibold text-red-800">
      {children}
    </Field>
  );
}

interface ValueProps<T> extends FieldProps {
  value: T;
  onChange: (value: T) => void;
}

export function TextField({ type = 'text', autoComplete, ...props }: ValueProps<string> & { type?: 'text' | 'email' | 'url'; autoComplete?: string }) {
  const { value, onChange, hideLabel } = props;
  return (
    <EditField {...props}>
      {(control) => (
        <input {...control} type={type} autoComplete={autoComplete ?? 'off'} className={hideLabel ? cellInputClasses : inputClasses} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </EditField>
  );
}

export function TextAreaField({ rows = 3, mono = false, ...props }: ValueProps<string> & { rows?: number; mono?: boolean }) {
  const { value, onChange } = props;
  return (
    <EditField {...props}>
      {(control) => <textarea {...control} rows={rows} className={`${inputClasses} ${mono ? 'font-mono text-sm' : ''}`} value={value} onChange={(event) => onChange(event.target.value)} />}
    </EditField>
  );
}

/** A list of short strings, one per line. Blank lines are dropped when the field is left. */
export function LinesField(props: ValueProps<readonly string[]>) {
  const { value, onChange } = props;
  return (
    <EditField {...props}>
      {(control) => (
        <textarea
          {...control}
          rows={Math.min(Math.max(value.length + 1, 2), 8)}
          className={inputClasses}
          value={value.join('\n')}
          onChange={(event) => onChange(event.target.value === '' ? [] : event.target.value.split('\n'))}
          onBlur={() => {
            if (value.some((line) => line.trim() === '')) onChange(value.filter((line) => line.trim() !== ''));
          }}
        />
      )}
    </EditField>
  );
}

export interface Option<T extends string | number> {
  value: T;
  label: string;
}

export function SelectField<T extends string | number>({ options, ...props }: ValueProps<T> & { options: readonly Option<T>[] }) {
  const { value, onChange, hideLabel } = props;
  return (
    <EditField {...props}>
      {(control) => (
        <select
          {...control}
          className={hideLabel ? cellInputClasses : inputClasses}
          value={String(value)}
          onChange={(event) => {
            const chosen = options.find((option) => String(option.value) === event.target.value);
            if (chosen) onChange(chosen.value);
          }}
        >
          {options.map((option) => (
            <option key={String(option.value)} value={String(option.value)}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </EditField>
  );
}

function shown(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '' : String(value);
}

function parsed(text: string, optional: boolean): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return optional ? undefined : Number.NaN;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : Number.NaN;
}

/**
 * A number typed as text: what is typed stays as typed ("0.", "1e-3") while the draft holds
 * its value, NaN while it is not a number. A value changed from outside (a row removed, a
 * file loaded, the draft discarded) shows instead of the stale text.
 */
function NumberInput({ value, onChange, optional, integer, className, control }: { value: number | undefined; onChange: (value: number | undefined) => void; optional: boolean; integer: boolean; className: string; control: ControlProps }) {
  const [text, setText] = useState(() => shown(value));
  const display = Object.is(parsed(text, optional), value) ? text : shown(value);
  return (
    <input
      {...control}
      type="text"
      inputMode={integer ? 'numeric' : 'decimal'}
      autoComplete="off"
      className={className}
      value={display}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parsed(event.target.value, optional));
      }}
    />
  );
}

export function NumberField({ integer = false, ...props }: ValueProps<number> & { integer?: boolean }) {
  const { value, onChange, hideLabel } = props;
  return (
    <EditField {...props}>
      {(control) => <NumberInput control={control} value={value} onChange={(next) => onChange(next ?? Number.NaN)} optional={false} integer={integer} className={hideLabel ? cellInputClasses : inputClasses} />}
    </EditField>
  );
}

/** A number that may be left out: an empty field removes it from the content. */
export function OptionalNumberField({ integer = false, ...props }: ValueProps<number | undefined> & { integer?: boolean }) {
  const { value, onChange, hideLabel } = props;
  return (
    <EditField {...props}>
      {(control) => <NumberInput control={control} value={value} onChange={onChange} optional integer={integer} className={hideLabel ? cellInputClasses : inputClasses} />}
    </EditField>
  );
}

/** The optional Markdown notes every table and list section may carry. */
export function SectionNotesField<S extends { notes?: string }>({ section, pointer, onChange }: { section: S; pointer: string; onChange: (next: S) => void }) {
  return <TextAreaField pointer={pointerJoin(pointer, 'notes')} label="Notes (optional)" rows={4} value={section.notes ?? ''} onChange={(notes) => onChange(withOptional(section, 'notes', optionalText(notes)))} />;
}
