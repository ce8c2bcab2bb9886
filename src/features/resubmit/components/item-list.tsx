import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { buttonClasses } from '../../../components/ui/button.ts';
import { removeAt, replaceAt } from '../draft.ts';
import { fieldId, pointerJoin } from '../field-errors.ts';
import { focusFirstControlIn } from '../focus-field.ts';
import { useFieldError } from './field-errors-context.ts';

interface Props<T> {
  /** Pointer of the list, e.g. `/content/sections/3/datasets`. */
  pointer: string;
  items: readonly T[];
  /** "dataset": names the item in legends and buttons. */
  noun: string;
  nameOf: (item: T) => string;
  create: () => T;
  onChange: (items: T[]) => void;
  renderItem: (item: T, pointer: string, update: (next: T) => void) => ReactNode;
}

export const linkButtonClasses = 'text-sm font-semibold text-blue-800 underline hover:text-blue-950';

/** A list of structured items, a fieldset each, that can grow and shrink. */
export function ItemList<T>({ pointer, items, noun, nameOf, create, onChange, renderItem }: Props<T>) {
  const listError = useFieldError(pointer);
  const addId = fieldId(pointerJoin(pointer, '-'));
  const capital = noun.charAt(0).toUpperCase() + noun.slice(1);

  const add = () => {
    flushSync(() => onChange([...items, create()]));
    focusFirstControlIn(fieldId(pointerJoin(pointer, items.length)));
  };
  const remove = (index: number) => {
    flushSync(() => onChange(removeAt(items, index)));
    document.getElementById(addId)?.focus();
  };

  return (
    <div className="space-y-4">
      {listError && (
        <p id={fieldId(pointer)} tabIndex={-1} className="font-semibold text-red-800">
          {listError}
        </p>
      )}
      <ol className="space-y-4">
        {items.map((item, index) => {
          const itemPointer = pointerJoin(pointer, index);
          const name = nameOf(item).trim();
          return (
            <li key={index}>
              <fieldset id={fieldId(itemPointer)} tabIndex={-1} className="space-y-3 rounded-md border border-slate-300 p-4">
                <legend className="px-1 font-semibold">
                  {capital} {index + 1}
                  {name && `: ${name}`}
                </legend>
                <ItemError pointer={itemPointer} />
                {renderItem(item, itemPointer, (next) => onChange(replaceAt(items, index, next)))}
                <button type="button" className={linkButtonClasses} onClick={() => remove(index)}>
                  Remove {noun} {index + 1}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button id={addId} type="button" className={buttonClasses.secondary} onClick={add}>
        Add a {noun}
      </button>
    </div>
  );
}

function ItemError({ pointer }: { pointer: string }) {
  const error = useFieldError(pointer);
  return error ? <p className="font-semibold text-red-800">{error}</p> : null;
}
