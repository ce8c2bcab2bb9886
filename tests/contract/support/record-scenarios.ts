import type { Scenario } from './scenarios.ts';

// PLACEHOLDER: filled by the helper that owns the record routes.
export const recordScenarios: Scenario[] = [];
