import type { Policy } from '#domain/contracts/policies.ts';

// The governance policy the demo starts with. Its numbers are the organisation's (Retail Credit
// Model Standard MS-CR-07 and Fair Lending Testing Standard FL-STD-03 in the demo's story), not
// the owner's: the retail credit package's first version enters review flagged, its 62-and-over
// approval ratio (0.78) failing the blocking four-fifths bar, and is rejected for it.

export const consumerCreditPolicy: Policy = {
  key: 'consumer-credit',
  version: 1,
  name: 'Consumer credit models (MS-CR-07, FL-STD-03)',
  scope: { riskTiers: [1, 2], businessLines: ['Consumer lending'] },
  onBlockingFailure: 'enter_review_flagged',
  metrics: [
    { metric: 'auc', operator: '>=', value: 0.75, enforcement: 'blocking' },
    { metric: 'ks', operator: '>=', value: 0.35, enforcement: 'advisory' },
    { metric: 'psi', operator: '<', value: 0.25, enforcement: 'blocking' },
    { metric: 'ece', operator: '<=', value: 0.02, enforcement: 'advisory' },
  ],
  subgroupMetrics: [
    // Disparate impact ratio >= 0.80 for each protected-class proxy group: a group missing from
    // the package counts as a missing required metric, named by the group.
    {
      metric: 'approval-ratio',
      operator: '>=',
      value: 0.8,
      enforcement: 'blocking',
      subgroups: ['age-18-24', 'age-62-plus', 'race-black', 'race-hispanic', 'race-asian-pi', 'race-other', 'sex-female'],
    },
    { metric: 'calibration-gap', operator: '<=', value: 1, enforcement: 'advisory' },
  ],
  requiredSections: [],
  // Evidence the package must cite (0157): the fair-lending regulation with a link to its text,
  // and the model risk guidance its validation follows. The retail credit package cites both.
  requiredEvidence: [
    { key: 'fair-lending-citation', label: 'ECOA / Regulation B fair-lending citation', framework: 'Regulation B', needsLink: true, enforcement: 'blocking' },
    { key: 'sr-11-7', label: 'Model risk management guidance (SR 11-7)', needsLink: true, enforcement: 'advisory' },
  ],
};

export const demoPolicies: readonly Policy[] = [consumerCreditPolicy];
