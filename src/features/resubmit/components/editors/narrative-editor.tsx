import type { SectionOfKind } from '#domain/contracts/sections.ts';
import { pointerJoin } from '../../field-errors.ts';
import { TextAreaField } from '../fields/controls.tsx';

type Narrative = SectionOfKind<'narrative'>;

export function NarrativeEditor({ section, pointer, onChange }: { section: Narrative; pointer: string; onChange: (next: Narrative) => void }) {
  return (
    <TextAreaField
      pointer={pointerJoin(pointer, 'markdown')}
      label={`${section.title} (Markdown)`}
      hint="Headings, lists, tables and links in Markdown, as reviewers will read them."
      rows={16}
      mono
      value={section.markdown}
      onChange={(markdown) => onChange({ ...section, markdown })}
    />
  );
}
