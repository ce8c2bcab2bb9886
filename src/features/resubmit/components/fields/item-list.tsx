import type { ReactNode } from 'react';
import { fieldId, pointerJoin } from '../../field-errors.ts';
import { useFieldError } from './field-errors-context.ts';
import { GrowingList, linkButtonClasses, type ListProps } from './growing-list.tsx';

export interface ItemListProps<T> extends ListProps<T> {
  renderItem: (item: T, pointer: string, update: (next: T) => void) => ReactNode;
}

/** A list of structured items, a fieldset each, that can grow and shrink. */
export function ItemList<T>({ pointer, items, noun, nameOf, create, onChange, renderItem }: ItemListProps<T>) {
  const capital = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <GrowingList pointer={pointer} items={items} noun={noun} create={create} onChange={onChange} className="space-y-4">
      {({ update, remove }) => (
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
                  {renderItem(item, itemPointer, (next) => update(index, next))}
                  <button type="button" className={linkButtonClasses} onClick={() => remove(index)}>
                    Remove {noun} {index + 1}
                  </button>
                </fieldset>
              </li>
            );
          })}
        </ol>
      )}
    </GrowingList>
  );
}

function ItemError({ pointer }: { pointer: string }) {
  const error = useFieldError(pointer);
  return error ? <p className="font-semibold text-red-800">{error}</p> : null;
}
