import type { FieldDiff, SectionDiff } from '#domain/diff/types.ts';

/**
 * A compared section as a diff worker posts it to the page: a Markdown field compared block by
 * block (`blocks`, which the view renders) without its two texts and its word spans, which the
 * blocks hold again and the view never reads; its status, counts and granularity stay. For the
 * bench's 2 MB resubmission that halves what is copied to the page (15.3 to 7.9 MB serialized),
 * and the copy is read on the page's own thread while the workers still compare
 * (docs/decisions/0212).
 */
export function postedSection(section: SectionDiff): SectionDiff {
  return section.fields.some(shownAsBlocks) ? { ...section, fields: section.fields.map(postedField) } : section;
}

const shownAsBlocks = (field: FieldDiff) => field.blocks !== undefined && field.text !== null;

function postedField(field: FieldDiff): FieldDiff {
  if (!shownAsBlocks(field) || field.text === null) return field;
  return { ...field, before: null, after: null, text: { ...field.text, spans: [] } };
}
