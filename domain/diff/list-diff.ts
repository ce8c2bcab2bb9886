import type { SectionOfKind } from '../contracts/sections.ts';
import { diffFields, type FieldSpec } from './field-diff.ts';
import { pairByKey } from './pair-by-key.ts';
import { rowStatus, titleField, type SectionParts } from './section-parts.ts';
import type { DiffBounds, RowDiff } from './types.ts';

// Sections that are lists of keyed items (datasets, risks, references): each item is a row
// without cells, matched by key, with a field for every property. Prose gets a word diff,
// lists of strings mark each entry, everything else is shown as a value.

type Lineage = SectionOfKind<'lineage'>;
type RiskRegister = SectionOfKind<'risk_register'>;
type References = SectionOfKind<'references'>;
type Dataset = Lineage['datasets'][number];
type Risk = RiskRegister['risks'][number];
type Reference = References['references'][number];

// Enumerations are stored as identifiers ("almost_certain"); a reader sees words.
const words = (value: string) => value.replaceAll('_', ' ');

const datasetFields: FieldSpec<Dataset>[] = [
  { key: 'name', label: 'Name', type: 'scalar', read: (d) => d.name },
  { key: 'version', label: 'Version', type: 'scalar', read: (d) => d.version },
  { key: 'location', label: 'Location', type: 'scalar', read: (d) => d.location },
  { key: 'rows', label: 'Rows', type: 'scalar', read: (d) => d.rows },
  { key: 'period', label: 'Period', type: 'scalar', read: (d) => d.period },
  { key: 'authorization', label: 'Authorization', type: 'text', read: (d) => d.authorization },
  { key: 'sensitiveAttributes', label: 'Sensitive attributes', type: 'list', read: (d) => d.sensitiveAttributes },
  { key: 'derivedFrom', label: 'Derived from', type: 'list', read: (d) => d.derivedFrom },
  { key: 'description', label: 'Description', type: 'text', read: (d) => d.description },
];

const riskFields: FieldSpec<Risk>[] = [
  { key: 'title', label: 'Risk', type: 'scalar', read: (r) => r.title },
  { key: 'description', label: 'Description', type: 'text', read: (r) => r.description },
  { key: 'likelihood', label: 'Likelihood', type: 'scalar', read: (r) => words(r.likelihood) },
  { key: 'impact', label: 'Impact', type: 'scalar', read: (r) => words(r.impact) },
  { key: 'controls', label: 'Controls', type: 'list', read: (r) => r.controls },
  { key: 'residualRisk', label: 'Residual risk', type: 'scalar', read: (r) => words(r.residualRisk) },
  { key: 'owner', label: 'Owner', type: 'scalar', read: (r) => r.owner },
];

const referenceFields: FieldSpec<Reference>[] = [
  { key: 'framework', label: 'Framework', type: 'scalar', read: (r) => r.framework },
  { key: 'citation', label: 'Citation', type: 'scalar', read: (r) => r.citation },
  { key: 'title', label: 'Title', type: 'scalar', read: (r) => r.title },
  { key: 'url', label: 'Link', type: 'scalar', read: (r) => r.url },
  { key: 'relevance', label: 'Relevance', type: 'text', read: (r) => r.relevance },
];

const notesField = { key: 'notes', label: 'Notes', type: 'markdown', read: (s: { notes?: string | undefined }) => s.notes } as const;

export function diffLineage(before: Lineage | undefined, after: Lineage | undefined, bounds: DiffBounds): SectionParts {
  const rows = diffItems(before?.datasets ?? [], after?.datasets ?? [], datasetFields, (d) => d.name, bounds);
  return { fields: diffFields([titleField, notesField], before, after, bounds), columns: [], rows };
}

export function diffRiskRegister(before: RiskRegister | undefined, after: RiskRegister | undefined, bounds: DiffBounds): SectionParts {
  const rows = diffItems(before?.risks ?? [], after?.risks ?? [], riskFields, (r) => r.title, bounds);
  return { fields: diffFields([titleField, notesField], before, after, bounds), columns: [], rows };
}

export function diffReferences(before: References | undefined, after: References | undefined, bounds: DiffBounds): SectionParts {
  const rows = diffItems(before?.references ?? [], after?.references ?? [], referenceFields, (r) => `${r.framework}, ${r.citation}`, bounds);
  return { fields: diffFields([titleField], before, after, bounds), columns: [], rows };
}

function diffItems<T extends { key: string }>(before: readonly T[], after: readonly T[], specs: readonly FieldSpec<T>[], labelOf: (item: T) => string, bounds: DiffBounds): RowDiff[] {
  return pairByKey(before, after, (item) => item.key).map(({ key, before: old, after: now }): RowDiff => {
    const fields = diffFields(specs, old, now, bounds);
    const item = now ?? old;
    return { key, label: item ? labelOf(item) : key, status: rowStatus(old !== undefined, now !== undefined, [], fields), cells: [], fields };
  });
}
