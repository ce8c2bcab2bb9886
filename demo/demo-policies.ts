import type { Policy } from '#domain/contracts/policies.ts';

// The governance policies the demo starts with: the organisation's catalogue, one policy per
// business line whose models it governs (docs/decisions/0158). Their numbers are the
// organisation's, set by model risk management with the standard's owners, not the model
// owner's: each package's own thresholds are shown beside them, never used to decide.
//
// Consumer credit (Retail Credit Model Standard MS-CR-07 and Fair Lending Testing Standard
// FL-STD-03 in the demo's story): the retail credit package's first version enters review
// flagged, its 62-and-over approval ratio (0.78) failing the blocking four-fifths bar, and is
// rejected for it.

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

/**
 * Fraud and payments (Fraud Model Standard FMS-03): real-time scores with decline authority.
 * False declines are tested per protected-class proxy (age bands, low- or moderate-income
 * tracts): no group may be declined more than 1.5 times as often as the portfolio. The card
 * fraud package, approved with conditions, meets every blocking bar (its weak card-present
 * detection is a known limitation, not a policy metric).
 */
export const fraudPaymentsPolicy: Policy = {
  key: 'fraud-payments',
  version: 1,
  name: 'Fraud and payments models (FMS-03)',
  scope: { riskTiers: [1, 2], businessLines: ['Card payments', 'Payments operations'] },
  onBlockingFailure: 'refuse',
  metrics: [{ metric: 'latency-p99', operator: '<=', value: 25, enforcement: 'blocking' }],
  subgroupMetrics: [
    { metric: 'false-decline-ratio', operator: '<=', value: 1.5, enforcement: 'blocking', subgroups: ['age-18-24', 'age-65-plus', 'tract-lmi'] },
    { metric: 'false-decline-rate', operator: '<=', value: 5, enforcement: 'advisory' },
    { metric: 'detection-rate', operator: '>=', value: 0.55, enforcement: 'advisory' },
  ],
  requiredSections: [],
};

/**
 * Customer-facing generative AI (Generative AI Standard GAI-STD-01, table 3): grounded answers,
 * few hallucinations in every locale, no personal data leaked, injection resisted. The support
 * assistant, in clarification, meets every blocking bar.
 */
export const customerGenAiPolicy: Policy = {
  key: 'customer-genai',
  version: 1,
  name: 'Customer-facing generative AI (GAI-STD-01)',
  scope: { riskTiers: [1, 2], businessLines: ['Customer service'] },
  onBlockingFailure: 'enter_review_flagged',
  metrics: [
    { metric: 'groundedness', operator: '>=', value: 0.93, enforcement: 'blocking' },
    { metric: 'hallucination-rate', operator: '<=', value: 0.03, enforcement: 'blocking' },
    { metric: 'pii-leakage', operator: '<=', value: 0, enforcement: 'blocking' },
    { metric: 'injection-success-rate', operator: '<=', value: 0.02, enforcement: 'advisory' },
  ],
  subgroupMetrics: [
    { metric: 'groundedness', operator: '>=', value: 0.93, enforcement: 'blocking' },
    { metric: 'hallucination-rate', operator: '<=', value: 0.03, enforcement: 'blocking' },
  ],
  requiredSections: [],
};

export const demoPolicies: readonly Policy[] = [consumerCreditPolicy, fraudPaymentsPolicy, customerGenAiPolicy];
