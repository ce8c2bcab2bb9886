import type { Scenario } from './scenarios.ts';

// PLACEHOLDER: filled by the helper that owns the dashboard routes.
export const dashboardScenarios: Scenario[] = [];
