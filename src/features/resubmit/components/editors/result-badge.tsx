import type { Threshold } from '#domain/contracts/sections.ts';
import { meetsThreshold } from '#domain/package/thresholds.ts';

// Pass or fail against the policy threshold, recomputed as the owner types: a shape and a
// word, never colour alone. An <output> is a live region: the new verdict is announced.
const looks = {
  pass: { symbol: '✓', word: 'Pass', classes: 'text-emerald-800' },
  fail: { symbol: '✕', word: 'Fail', classes: 'font-bold text-red-800' },
  none: { symbol: '–', word: 'No value', classes: 'text-slate-600' },
} as const;

export function ResultBadge({ value, threshold, of }: { value: number | undefined; threshold: Threshold; of: string }) {
  const verdict = value === undefined || Number.isNaN(value) || Number.isNaN(threshold.value) ? 'none' : meetsThreshold(value, threshold) ? 'pass' : 'fail';
  const look = looks[verdict];
  return (
    <output htmlFor={of} aria-live="polite" className={`inline-flex items-center gap-1 whitespace-nowrap ${look.classes}`}>
      <span aria-hidden="true">{look.symbol}</span>
      {look.word}
    </output>
  );
}
