import type { SectionOfKind } from '../contracts/sections.ts';
import { diffFields, type FieldSpec } from './field-diff.ts';
import { titleField, type SectionParts } from './section-parts.ts';
import type { DiffBounds } from './types.ts';

type Narrative = SectionOfKind<'narrative'>;
type Identification = SectionOfKind<'identification'>;

const narrativeFields: FieldSpec<Narrative>[] = [titleField, { key: 'markdown', label: 'Text', type: 'markdown', read: (s) => s.markdown }];

/** A narrative section: its title, and its Markdown word by word. */
export function diffNarrative(before: Narrative | undefined, after: Narrative | undefined, bounds: DiffBounds): SectionParts {
  return { fields: diffFields(narrativeFields, before, after, bounds), columns: [], rows: [] };
}

const identificationFields: FieldSpec<Identification>[] = [
  titleField,
  { key: 'modelKey', label: 'Model key', type: 'scalar', read: (s) => s.modelKey },
  { key: 'modelName', label: 'Model name', type: 'scalar', read: (s) => s.modelName },
  { key: 'versionLabel', label: 'Version', type: 'scalar', read: (s) => s.versionLabel },
  { key: 'ownerTeam', label: 'Owner team', type: 'scalar', read: (s) => s.ownerTeam },
  { key: 'ownerContact', label: 'Owner contact', type: 'scalar', read: (s) => s.ownerContact },
  { key: 'riskTier', label: 'Risk tier', type: 'scalar', read: (s) => s.riskTier },
  { key: 'businessLine', label: 'Business line', type: 'scalar', read: (s) => s.businessLine },
  { key: 'changeSummary', label: 'Change summary', type: 'markdown', read: (s) => s.changeSummary },
];

/** The identification section: each field as a value, the change summary word by word. */
export function diffIdentification(before: Identification | undefined, after: Identification | undefined, bounds: DiffBounds): SectionParts {
  return { fields: diffFields(identificationFields, before, after, bounds), columns: [], rows: [] };
}
