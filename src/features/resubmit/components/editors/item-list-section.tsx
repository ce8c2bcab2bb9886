import { pointerJoin } from '../../field-errors.ts';
import { SectionNotesField } from '../fields/controls.tsx';
import { ItemList, type ItemListProps } from '../fields/item-list.tsx';

export interface SectionEditorProps<S> {
  section: S;
  pointer: string;
  onChange: (next: S) => void;
}

interface Props<S, K extends string, T> extends SectionEditorProps<S>, Omit<ItemListProps<T>, 'pointer' | 'items' | 'onChange'> {
  /** The section's field that holds the list: "datasets". */
  list: K;
}

/** A section that is one list of items, a fieldset each, then the notes every list section may carry. */
export function ItemListSection<S extends { notes?: string } & Record<K, T[]>, K extends string, T>({ section, pointer, onChange, list, ...item }: Props<S, K, T>) {
  return (
    <div className="space-y-6">
      <ItemList pointer={pointerJoin(pointer, list)} items={section[list]} onChange={(items) => onChange({ ...section, [list]: items })} {...item} />
      <SectionNotesField section={section} pointer={pointer} onChange={onChange} />
    </div>
  );
}
