import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { buttonClasses } from '#src/components/ui/button.ts';
import { removeAt, replaceAt } from '../../draft.ts';
import { fieldId, pointerJoin } from '../../field-errors.ts';
import { focusFirstControlIn } from '../../focus-field.ts';
import { useFieldError } from './field-errors-context.ts';

export interface ListEditing<T> {
  update: (index: number, next: T) => void;
  remove: (index: number) => void;
}

/** What every editable list is given, whatever its items look like. */
export interface ListProps<T> {
  /** Pointer of the list, e.g. `/content/sections/3/datasets`. */
  pointer: string;
  items: readonly T[];
  /** "dataset": names the item on buttons, and in legends or labels. */
  noun: string;
  nameOf: (item: T) => string;
  create: () => T;
  onChange: (items: T[]) => void;
}

interface Props<T> extends Omit<ListProps<T>, 'nameOf'> {
  className: string;
  children: (editing: ListEditing<T>) => ReactNode;
}

export const linkButtonClasses = 'text-sm font-semibold text-blue-800 underline hover:text-blue-950';

/**
 * What every editable list has around its items, whether fieldsets or table rows: the problem
 * with the list as a whole, and an add button. Focus follows the change (flushSync, so the
 * new item exists to take it): to the new item's first control, or after a removal to the add
 * button, since the removed item's controls are gone.
 */
export function GrowingList<T>({ pointer, items, noun, create, onChange, className, children }: Props<T>) {
  const listError = useFieldError(pointer);
  const addId = fieldId(pointerJoin(pointer, '-'));

  const add = () => {
    flushSync(() => onChange([...items, create()]));
    focusFirstControlIn(fieldId(pointerJoin(pointer, items.length)));
  };
  const editing: ListEditing<T> = {
    update: (index, next) => onChange(replaceAt(items, index, next)),
    remove: (index) => {
      flushSync(() => onChange(removeAt(items, index)));
      document.getElementById(addId)?.focus();
    },
  };

  return (
    <div className={className}>
      {listError && (
        <p id={fieldId(pointer)} tabIndex={-1} className="font-semibold text-red-800">
          {listError}
        </p>
      )}
      {children(editing)}
      <button id={addId} type="button" className={buttonClasses.secondary} onClick={add}>
        Add a {noun}
      </button>
    </div>
  );
}
