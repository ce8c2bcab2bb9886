import type { MethodBody, Weakening } from './catalogue-comparison.ts';

// A tiering method loosened against the one it replaces (docs/decisions/0192).

const spokenKind = (kind: MethodBody['kind']) => kind.replace(/_/g, ' ');

export function methodWeakenings(current: MethodBody, proposed: MethodBody): Weakening[] {
  const found: Weakening[] = [];
  // Scores of one kind do not compare with another's: the approver must read both in full.
  if (current.kind !== proposed.kind) found.push({ field: '/kind', message: `Method kind changes from ${spokenKind(current.kind)} to ${spokenKind(proposed.kind)}: compare in full` });
  // A lower weight makes that category's risk count for less in the score.
  for (const [category, before] of Object.entries(current.weights ?? {})) {
    const after = proposed.weights?.[category];
    if (after !== undefined && after < before) found.push({ field: `/weights/${category}`, message: `${category} weighs ${after}% instead of ${before}%` });
  }
  // A higher minimum score for a tier puts fewer packages in it: tier 1 is the strictest.
  for (const tier of ['1', '2', '3'] as const) {
    const before = current.thresholds?.[tier];
    const after = proposed.thresholds?.[tier];
    if (before !== undefined && after !== undefined && after > before) found.push({ field: `/thresholds/${tier}`, message: `Tier ${tier} needs a score of at least ${after} instead of ${before}` });
  }
  for (const level of ['partial', 'effective'] as const) {
    const before = current.controlReduction[level];
    const after = proposed.controlReduction[level];
    if (after > before) found.push({ field: `/controlReduction/${level}`, message: `${level === 'partial' ? 'Partial' : 'Effective'} controls take ${after} off the inherent score instead of ${before}` });
  }
  const unscored = current.categories.filter((c) => !proposed.categories.includes(c));
  if (unscored.length > 0) found.push({ field: '/categories', message: `No longer scored: ${unscored.join(', ')}` });
  const cells = laxerCells(current.grid, proposed.grid);
  if (cells > 0) found.push({ field: '/grid', message: `${cells} ${cells === 1 ? 'cell of the risk matrix gives' : 'cells of the risk matrix give'} a lower-risk tier than before` });
  return found;
}

/** Cells whose tier number went up (a higher tier number is a lower risk). */
function laxerCells(before: unknown[] | undefined, after: unknown[] | undefined): number {
  if (!before || !after) return 0;
  let count = 0;
  before.forEach((row, l) => {
    if (!Array.isArray(row) || !Array.isArray(after[l])) return;
    row.forEach((cell, i) => {
      const next: unknown = (after[l] as unknown[])[i];
      if (typeof cell === 'number' && typeof next === 'number' && next > cell) count += 1;
    });
  });
  return count;
}
