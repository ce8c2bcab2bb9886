import type { Threshold } from '../contracts/sections.ts';

/** Whether a metric value meets its policy threshold. Derived, never taken from the submitter. */
export function meetsThreshold(value: number, threshold: Threshold): boolean {
  switch (threshold.operator) {
    case '>=':
      return value >= threshold.value;
    case '>':
      return value > threshold.value;
    case '<=':
      return value <= threshold.value;
    case '<':
      return value < threshold.value;
  }
}

export function describeThreshold(threshold: Threshold): string {
  const words = { '>=': 'at least', '>': 'above', '<=': 'at most', '<': 'below' } as const;
  return `${words[threshold.operator]} ${threshold.value}`;
}
