import { thresholdOperatorSchema, type ThresholdOperator } from '#domain/contracts/sections.ts';

const words: Record<ThresholdOperator, string> = { '>=': '≥ at least', '>': '> above', '<=': '≤ at most', '<': '< below' };

export const operatorOptions = thresholdOperatorSchema.options.map((value) => ({ value, label: words[value] }));
