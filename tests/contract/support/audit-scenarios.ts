import type { Scenario } from './scenarios.ts';

// PLACEHOLDER: filled by the helper that owns the audit routes.
export const auditScenarios: Scenario[] = [];
