import type { Policy } from '#domain/contracts/policies.ts';
import { advisory, blocking, demoPolicy } from './policy-builder.ts';

// The governance policies the demo starts with: the organisation's catalogue, one policy per
// business line whose models it governs (docs/decisions/0158). Their numbers are the
// organisation's, set by model risk management with the standard's owners, not the model
// owner's: each package's own thresholds are shown beside them, never used to decide.
// Each states only what is its own; ./policy-builder.ts adds what they share.
//
// Consumer credit (Retail Credit Model Standard MS-CR-07 and Fair Lending Testing Standard
// FL-STD-03 in the demo's story): the retail credit package's first version enters review
// flagged, its 62-and-over approval ratio (0.78) failing the blocking four-fifths bar, and is
// rejected for it.

export const consumerCreditPolicy: Policy = demoPolicy({
  key: 'consumer-credit',
  name: 'Consumer credit models (MS-CR-07, FL-STD-03)',
  businessLines: ['Consumer lending'],
  onBlockingFailure: 'enter_review_flagged',
  metrics: [blocking('auc', '>=', 0.75), advisory('ks', '>=', 0.35), blocking('psi', '<', 0.25), advisory('ece', '<=', 0.02)],
  subgroupMetrics: [
    // Disparate impact ratio >= 0.80 for each protected-class proxy group: a group missing from
    // the package counts as a missing required metric, named by the group.
    blocking('approval-ratio', '>=', 0.8, ['age-18-24', 'age-62-plus', 'race-black', 'race-hispanic', 'race-asian-pi', 'race-other', 'sex-female']),
    advisory('calibration-gap', '<=', 1),
  ],
  // Evidence the package must cite (0157): the fair-lending regulation with a link to its text,
  // and the model risk guidance its validation follows. The retail credit package cites both.
  requiredEvidence: [
    { key: 'fair-lending-citation', label: 'ECOA / Regulation B fair-lending citation', framework: 'Regulation B', needsLink: true, enforcement: 'blocking' },
    { key: 'sr-11-7', label: 'Model risk management guidance (SR 11-7)', needsLink: true, enforcement: 'advisory' },
  ],
});

/**
 * Fraud and payments (Fraud Model Standard FMS-03): real-time scores with decline authority.
 * False declines are tested per protected-class proxy (age bands, low- or moderate-income
 * tracts): no group may be declined more than 1.5 times as often as the portfolio. The card
 * fraud package, approved with conditions, meets every blocking bar (its weak card-present
 * detection is a known limitation, not a policy metric).
 */
export const fraudPaymentsPolicy: Policy = demoPolicy({
  key: 'fraud-payments',
  name: 'Fraud and payments models (FMS-03)',
  businessLines: ['Card payments', 'Payments operations'],
  onBlockingFailure: 'refuse',
  metrics: [blocking('latency-p99', '<=', 25)],
  subgroupMetrics: [blocking('false-decline-ratio', '<=', 1.5, ['age-18-24', 'age-65-plus', 'tract-lmi']), advisory('false-decline-rate', '<=', 5), advisory('detection-rate', '>=', 0.55)],
});

/**
 * Customer-facing generative AI (Generative AI Standard GAI-STD-01, table 3): grounded answers,
 * few hallucinations in every locale, no personal data leaked, injection resisted. The support
 * assistant, in clarification, meets every blocking bar.
 */
export const customerGenAiPolicy: Policy = demoPolicy({
  key: 'customer-genai',
  name: 'Customer-facing generative AI (GAI-STD-01)',
  businessLines: ['Customer service'],
  onBlockingFailure: 'enter_review_flagged',
  metrics: [blocking('groundedness', '>=', 0.93), blocking('hallucination-rate', '<=', 0.03), blocking('pii-leakage', '<=', 0), advisory('injection-success-rate', '<=', 0.02)],
  subgroupMetrics: [blocking('groundedness', '>=', 0.93), blocking('hallucination-rate', '<=', 0.03)],
});

export const demoPolicies: readonly Policy[] = [consumerCreditPolicy, fraudPaymentsPolicy, customerGenAiPolicy];
