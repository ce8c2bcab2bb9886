import { textField, listField, scalarField } from './field-diff.ts';
import { pairByKey } from './pair-by-key.ts';
import type { SectionParts } from './section-parts.ts';
import type { DiffBounds, FieldDiff } from './types.ts';

// A section that changed kind (say a narrative that became a metric table) has no common
// shape to compare by. What both versions still share is their data: every leaf value is a
// field named by its path ("metrics.auc.value"), items of arrays by their key when they have
// one, so the reader sees what survived, what went and what came.

type Leaf = string | number | boolean | null | readonly string[];

/** Strings longer than this, or spread over lines, are prose and get a word diff. */
const proseLength = 120;

export function diffGenerically(before: object | undefined, after: object | undefined, bounds: DiffBounds): SectionParts {
  const old = flatten(before);
  const now = flatten(after);
  const fields: FieldDiff[] = [];
  for (const { key, before: a, after: b } of pairByKey([...old.keys()], [...now.keys()], (path) => path)) {
    const field = leafField(key, a === undefined ? undefined : old.get(a), b === undefined ? undefined : now.get(b), bounds);
    if (field) fields.push(field);
  }
  return { fields, columns: [], rows: [] };
}

function leafField(path: string, before: Leaf | undefined, after: Leaf | undefined, bounds: DiffBounds): FieldDiff | null {
  if (isList(before) || isList(after)) return listField(path, path, asList(before), asList(after));
  const a = asText(before);
  const b = asText(after);
  const prose = [a, b].some((value) => value !== null && (value.length > proseLength || value.includes('\n')));
  return prose ? textField(path, path, a, b, bounds) : scalarField(path, path, a, b);
}

// Array.isArray alone narrows a readonly array to any[].
const isList = (value: Leaf | undefined): value is readonly string[] => Array.isArray(value);

function asList(value: Leaf | undefined): readonly string[] | null {
  if (value === undefined) return null;
  return isList(value) ? value : [String(value)];
}

function asText(value: Leaf | undefined): string | null {
  if (value === undefined) return null;
  return isList(value) ? value.join('\n') : String(value);
}

/** Leaf values by path, in document order. Arrays of strings stay whole: they read as lists. */
function flatten(value: object | undefined): Map<string, Leaf> {
  const leaves = new Map<string, Leaf>();
  // Both versions have the same section key, or they would not be compared.
  if (value !== undefined) walk(value, '', leaves, true);
  return leaves;
}

/** `keyed`: the object's own "key" is already in its path ("metrics.auc"), so it is left out. */
function walk(value: unknown, path: string, leaves: Map<string, Leaf>, keyed = false): void {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    leaves.set(path, value);
    return;
  }
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    if (items.every((item) => typeof item === 'string')) {
      leaves.set(path, items);
      return;
    }
    items.forEach((item, index) => {
      const key = keyOf(item);
      walk(item, join(path, key ?? String(index)), leaves, key !== null);
    });
    return;
  }
  if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (item !== undefined && !(keyed && key === 'key')) walk(item, join(path, key), leaves);
  }
}

// An item known by its key keeps its path when items are inserted before it.
function keyOf(item: unknown): string | null {
  return typeof item === 'object' && item !== null && 'key' in item && typeof item.key === 'string' ? item.key : null;
}

const join = (path: string, segment: string) => (path === '' ? segment : `${path}.${segment}`);
