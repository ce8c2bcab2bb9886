// The metrics a policy may set a threshold for. A policy naming any other key is refused, so a
// typo cannot silently leave a requirement that nothing in any package will ever match. A
// package reports a metric under the same key, in a metric table or a subgroup table.

export const metricCatalogue = {
  auc: 'Area under the ROC curve',
  auroc: 'Area under the ROC curve',
  auprc: 'Area under the precision-recall curve',
  gini: 'Gini coefficient',
  ks: 'Kolmogorov-Smirnov statistic',
  brier: 'Brier score',
  ece: 'Expected calibration error',
  'calibration-in-the-large': 'Calibration in the large',
  'calibration-gap': 'Absolute gap between predicted and observed rate',
  'hosmer-lemeshow-p': 'Hosmer-Lemeshow test p-value',
  psi: 'Population stability index',
  sensitivity: 'Sensitivity (recall)',
  specificity: 'Specificity',
  ppv: 'Positive predictive value (precision)',
  'approval-ratio': 'Disparate impact ratio (approval-rate ratio vs reference group)',
  'equal-opportunity-gap': 'Equal opportunity difference',
  groundedness: 'Groundedness',
  'hallucination-rate': 'Share of answers with an unsupported factual claim',
  'injection-success-rate': 'Prompt-injection attack success rate',
  'pii-leakage': 'Personal data leaked in responses (count)',
  availability: 'Availability',
  'top-decile-capture': 'Share of events in the highest-risk decile',
  'rank-order-breaks': 'Rank-order breaks across score deciles',
  'approved-bad-rate': 'Bad rate among approved applications',
  'false-decline-rate': 'False declines per 1,000 legitimate transactions',
  'false-decline-ratio': 'False decline rate relative to the portfolio',
  'detection-rate': 'Detection rate',
  'latency-p99': 'Scoring latency, 99th percentile',
} as const satisfies Record<string, string>;

export type MetricKey = keyof typeof metricCatalogue;
export const knownMetricKeys = Object.keys(metricCatalogue) as MetricKey[];

export function isKnownMetric(key: unknown): key is MetricKey {
  return typeof key === 'string' && Object.hasOwn(metricCatalogue, key);
}
