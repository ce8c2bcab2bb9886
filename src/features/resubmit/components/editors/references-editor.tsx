import type { SectionOfKind } from '#domain/contracts/sections.ts';
import { optionalText, withOptional } from '../../draft.ts';
import { pointerJoin } from '../../field-errors.ts';
import { TextAreaField, TextField } from '../fields/controls.tsx';
import { ItemList } from '../fields/item-list.tsx';

type References = SectionOfKind<'references'>;
type Reference = References['references'][number];

const newReference = (): Reference => ({ key: '', framework: '', citation: '', relevance: '' });

export function ReferencesEditor({ section, pointer, onChange }: { section: References; pointer: string; onChange: (next: References) => void }) {
  return (
    <ItemList
      pointer={pointerJoin(pointer, 'references')}
      items={section.references}
      noun="reference"
      nameOf={(reference) => reference.citation}
      create={newReference}
      onChange={(references) => onChange({ ...section, references })}
      renderItem={(reference, at, update) => <ReferenceFields reference={reference} pointer={at} onChange={update} />}
    />
  );
}

function ReferenceFields({ reference, pointer, onChange }: { reference: Reference; pointer: string; onChange: (next: Reference) => void }) {
  const at = (field: keyof Reference) => pointerJoin(pointer, field);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField pointer={at('key')} label="Key" value={reference.key} onChange={(key) => onChange({ ...reference, key })} />
      <TextField pointer={at('framework')} label="Framework" value={reference.framework} onChange={(framework) => onChange({ ...reference, framework })} />
      <TextField pointer={at('citation')} label="Citation" value={reference.citation} onChange={(citation) => onChange({ ...reference, citation })} />
      <TextField pointer={at('title')} label="Title (optional)" value={reference.title ?? ''} onChange={(title) => onChange(withOptional(reference, 'title', optionalText(title)))} />
      <div className="sm:col-span-2">
        <TextField pointer={at('url')} label="Address (optional)" type="url" value={reference.url ?? ''} onChange={(url) => onChange(withOptional(reference, 'url', optionalText(url)))} />
      </div>
      <div className="sm:col-span-2">
        <TextAreaField pointer={at('relevance')} label="Relevance" rows={3} value={reference.relevance} onChange={(relevance) => onChange({ ...reference, relevance })} />
      </div>
    </div>
  );
}
