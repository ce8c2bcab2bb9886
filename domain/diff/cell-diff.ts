import type { Threshold } from '../contracts/sections.ts';
import { meetsThreshold } from '../package/thresholds.ts';
import type { CellDiff, Verdict } from './types.ts';

export interface CellSide {
  value: number | null;
  threshold: Threshold | null;
}

/**
 * One numeric cell in two versions, each judged against the threshold of its own version, so
 * a threshold that moved past an unchanged value flips the verdict too. A cell counts as
 * changed when its value or its verdict changed: a threshold change that flips nothing is
 * reported once, where the threshold is defined (the metric row, the subgroup column), not
 * again in every cell it applies to.
 */
export function diffCell(column: string, before: CellSide, after: CellSide): CellDiff {
  const verdictBefore = verdictOf(before);
  const verdictAfter = verdictOf(after);
  const flip = verdictBefore === 'fail' && verdictAfter === 'pass' ? 'fail_to_pass' : verdictBefore === 'pass' && verdictAfter === 'fail' ? 'pass_to_fail' : null;
  return {
    column,
    before: before.value,
    after: after.value,
    thresholdBefore: before.threshold,
    thresholdAfter: after.threshold,
    verdictBefore,
    verdictAfter,
    flip,
    changed: before.value !== after.value || flip !== null,
  };
}

function verdictOf({ value, threshold }: CellSide): Verdict | null {
  if (value === null || threshold === null) return null;
  return meetsThreshold(value, threshold) ? 'pass' : 'fail';
}

/** Flips among cells, counted the way sections and summaries report them. */
export function countFlips(cells: readonly CellDiff[]): { toPass: number; toFail: number } {
  let toPass = 0;
  let toFail = 0;
  for (const cell of cells) {
    if (cell.flip === 'fail_to_pass') toPass++;
    else if (cell.flip === 'pass_to_fail') toFail++;
  }
  return { toPass, toFail };
}
