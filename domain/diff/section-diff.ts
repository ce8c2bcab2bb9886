import type { Section, SectionKind, SectionOfKind } from '../contracts/sections.ts';
import { canonicalize } from '../json/canonicalize.ts';
import { countFlips } from './cell-diff.ts';
import { diffGenerically } from './generic-diff.ts';
import { diffLineage, diffReferences, diffRiskRegister } from './list-diff.ts';
import { diffMetricTable } from './metric-table-diff.ts';
import { diffIdentification, diffNarrative } from './narrative-diff.ts';
import type { SectionParts } from './section-parts.ts';
import { diffSubgroupTable } from './subgroup-table-diff.ts';
import { defaultDiffBounds, type DiffBounds, type DiffStatus, type SectionDiff } from './types.ts';

/**
 * One section in two versions; `before` absent means it was added, `after` absent that it was
 * removed. Sections equal in canonical form (RFC 8785: key order and number spelling do not
 * count) are 'unchanged' with no detail, which is cheap: most sections of a resubmission are.
 */
export function diffSection(before: Section | undefined, after: Section | undefined, bounds: DiffBounds = defaultDiffBounds): SectionDiff {
  const newest = after ?? before;
  if (newest === undefined) throw new Error('diffSection needs a section on at least one side');
  const head = { key: newest.key, title: newest.title, kind: newest.kind };
  if (before !== undefined && after !== undefined && canonicalize(before) === canonicalize(after)) {
    return { ...head, kindBefore: null, status: 'unchanged', fields: [], columns: [], rows: [], changes: 0, flips: { toPass: 0, toFail: 0 }, coarse: false };
  }

  const kindChanged = before !== undefined && after !== undefined && before.kind !== after.kind;
  const parts = kindChanged ? diffGenerically(before, after, bounds) : diffSameKind(before, after, newest.kind, bounds);
  const status: DiffStatus = before === undefined ? 'added' : after === undefined ? 'removed' : 'modified';
  const texts = [...parts.fields, ...parts.rows.flatMap((row) => row.fields)].map((field) => field.text);
  return {
    ...head,
    kindBefore: kindChanged ? before.kind : null,
    status,
    ...parts,
    // A row counts once however much of it changed; see SectionDiff.changes.
    changes: parts.fields.filter((field) => field.status !== 'unchanged').length + parts.rows.filter((row) => row.status !== 'unchanged').length,
    flips: countFlips(parts.rows.flatMap((row) => row.cells)),
    coarse: texts.some((text) => text !== null && text.granularity !== 'words'),
  };
}

function diffSameKind(before: Section | undefined, after: Section | undefined, kind: SectionKind, bounds: DiffBounds): SectionParts {
  switch (kind) {
    case 'identification':
      return diffIdentification(ofKind(before, kind), ofKind(after, kind), bounds);
    case 'narrative':
      return diffNarrative(ofKind(before, kind), ofKind(after, kind), bounds);
    case 'metric_table':
      return diffMetricTable(ofKind(before, kind), ofKind(after, kind), bounds);
    case 'subgroup_table':
      return diffSubgroupTable(ofKind(before, kind), ofKind(after, kind), bounds);
    case 'lineage':
      return diffLineage(ofKind(before, kind), ofKind(after, kind), bounds);
    case 'risk_register':
      return diffRiskRegister(ofKind(before, kind), ofKind(after, kind), bounds);
    case 'references':
      return diffReferences(ofKind(before, kind), ofKind(after, kind), bounds);
  }
}

function ofKind<K extends SectionKind>(section: Section | undefined, kind: K): SectionOfKind<K> | undefined {
  return section !== undefined && isOfKind(section, kind) ? section : undefined;
}

function isOfKind<K extends SectionKind>(section: Section, kind: K): section is SectionOfKind<K> {
  return section.kind === kind;
}
