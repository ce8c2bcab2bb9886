import type { Threshold } from '#domain/contracts/sections.ts';
import { describeThreshold } from '#domain/package/thresholds.ts';

const countFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/**
 * A metric value as submitted, with its unit: "0.781", "3.41%", "6.8:1", "14 ms". The
 * number is shown exactly as given, never rounded: the reviewer judges the submitted value.
 */
export function formatMeasure(value: number, unit?: string): string {
  if (!unit) return String(value);
  // A symbol sticks to the number ("3.41%", "6.8:1"); a word is spaced ("14 ms").
  return /^[\p{L}]/u.test(unit) ? `${value} ${unit}` : `${value}${unit}`;
}

/** "at least 0.75", "at most 4%": the policy threshold in words, with the metric's unit. */
export function describeThresholdWithUnit(threshold: Threshold, unit?: string): string {
  const words = describeThreshold(threshold);
  return unit ? words.replace(/\S+$/, formatMeasure(threshold.value, unit)) : words;
}

/** Row counts and sample sizes, grouped for reading: "418,236". */
export function formatCount(count: number): string {
  return countFormat.format(count);
}
