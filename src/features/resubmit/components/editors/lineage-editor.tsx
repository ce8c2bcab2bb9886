import type { SectionOfKind } from '#domain/contracts/sections.ts';
import { optionalText, withOptional } from '../../draft.ts';
import { pointerJoin } from '../../field-errors.ts';
import { LinesField, OptionalNumberField, TextAreaField, TextField } from '../fields/controls.tsx';
import { ItemListSection, type SectionEditorProps } from './item-list-section.tsx';

type Lineage = SectionOfKind<'lineage'>;
type Dataset = Lineage['datasets'][number];

const newDataset = (): Dataset => ({ key: '', name: '', version: '', location: '', authorization: '', sensitiveAttributes: [], derivedFrom: [] });

export function LineageEditor(props: SectionEditorProps<Lineage>) {
  return <ItemListSection {...props} list="datasets" noun="dataset" nameOf={(dataset) => dataset.name} create={newDataset} renderItem={(dataset, at, update) => <DatasetFields dataset={dataset} pointer={at} onChange={update} />} />;
}

function DatasetFields({ dataset, pointer, onChange }: { dataset: Dataset; pointer: string; onChange: (next: Dataset) => void }) {
  const at = (field: keyof Dataset) => pointerJoin(pointer, field);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField pointer={at('key')} label="Key" value={dataset.key} onChange={(key) => onChange({ ...dataset, key })} />
      <TextField pointer={at('name')} label="Name" value={dataset.name} onChange={(name) => onChange({ ...dataset, name })} />
      <TextField pointer={at('version')} label="Version" value={dataset.version} onChange={(version) => onChange({ ...dataset, version })} />
      <TextField pointer={at('location')} label="Location" value={dataset.location} onChange={(location) => onChange({ ...dataset, location })} />
      <OptionalNumberField pointer={at('rows')} label="Rows (optional)" integer value={dataset.rows} onChange={(rows) => onChange(withOptional(dataset, 'rows', rows))} />
      <TextField pointer={at('period')} label="Period (optional)" value={dataset.period ?? ''} onChange={(period) => onChange(withOptional(dataset, 'period', optionalText(period)))} />
      <div className="sm:col-span-2">
        <TextAreaField pointer={at('authorization')} label="Authorization to use this data" rows={2} value={dataset.authorization} onChange={(authorization) => onChange({ ...dataset, authorization })} />
      </div>
      <LinesField pointer={at('sensitiveAttributes')} label="Sensitive attributes" hint="One per line." value={dataset.sensitiveAttributes} onChange={(lines) => onChange({ ...dataset, sensitiveAttributes: [...lines] })} />
      <LinesField pointer={at('derivedFrom')} label="Derived from (dataset keys)" hint="One key per line." value={dataset.derivedFrom} onChange={(lines) => onChange({ ...dataset, derivedFrom: [...lines] })} />
      <div className="sm:col-span-2">
        <TextAreaField pointer={at('description')} label="Description (optional)" rows={3} value={dataset.description ?? ''} onChange={(description) => onChange(withOptional(dataset, 'description', optionalText(description)))} />
      </div>
    </div>
  );
}
