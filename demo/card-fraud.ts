// Demo package: Card Fraud Detection 7.1.0, a tier 2 real-time authorization model.
// The package asks for card-not-present and card-present use; the card-present
// evidence is weaker, which makes an approval limited to card-not-present plausible.

import type { PackageContent } from '#domain/contracts/package-content.ts';
import { packageSchemaVersion } from '#domain/contracts/package-content.ts';
import type { SectionOfKind } from '#domain/contracts/sections.ts';
import {
  cardFraudChangeSummary,
  cardFraudDesignMarkdown,
  cardFraudHumanOversightMarkdown,
  cardFraudIntendedUseMarkdown,
  cardFraudSecurityMarkdown,
  cardFraudValidationMarkdown,
} from './card-fraud-narratives.ts';

type SubgroupRow = SectionOfKind<'subgroup_table'>['rows'][number];

const identification: SectionOfKind<'identification'> = {
  key: 'identification',
  kind: 'identification',
  title: 'Identification',
  modelKey: 'card-fraud-detection',
  modelName: 'Card Fraud Detection (real-time authorization score)',
  versionLabel: '7.1.0',
  ownerTeam: 'Fraud Decision Science, Enterprise Fraud Management',
  ownerContact: 'owner@example.com',
  riskTier: 2,
  businessLine: 'Card payments',
  modelType: 'binary_classification',
  changeSummary: cardFraudChangeSummary,
};

const trainingData: SectionOfKind<'lineage'> = {
  key: 'training_data',
  kind: 'lineage',
  title: 'Training data provenance',
  datasets: [
    {
      key: 'auth-log',
      name: 'Authorization request and response log (ISO 8583, debit and credit)',
      version: 'auth-log v5 (tokenized), extract 2025-01-06',
      location: 's3://fraud-analytics-us-east-1/auth-log/v5/year=2023..2024/ (Parquet)',
      rows: 5_846_113_904,
      period: '2023-07-01 to 2024-12-31',
      authorization:
        'First-party transaction data processed for fraud prevention (GLBA exception, 15 U.S.C. 6802(e)(3)); transfer from the CDE to the analytics environment approved by Information Security (exception register ISX-2023-118) on the condition that only keyed-hash tokens leave the CDE.',
      sensitiveAttributes: ['PAN (keyed-hash token only)', 'Merchant and terminal location', 'IP address and device identifiers (CNP)'],
      derivedFrom: [],
      description: 'All authorization requests including declines and stand-in decisions; sensitive authentication data never present.',
    },
    {
      key: 'fraud-cases',
      name: 'Confirmed fraud cases and fraud chargebacks',
      version: 'case-mgmt export 2025-03-31 (label maturity 90 days)',
      location: 'snowflake://FRAUD_DW.CASES.CONFIRMED_FRAUD_TXN',
      rows: 1_695_542,
      period: 'Transactions 2023-07-01 to 2024-12-31, reported through 2025-03-31',
      authorization: 'First-party fraud case data; internal use for fraud prevention and model development (Data Governance DG-REQ-2024-1102).',
      sensitiveAttributes: ['Cardholder statements in case notes (not extracted)'],
      derivedFrom: ['auth-log'],
      description: 'Includes Visa TC40 and Mastercard SAFE reports matched to transactions, and chargebacks with fraud reason codes.',
    },
    {
      key: 'alert-responses',
      name: 'Cardholder responses to real-time fraud alerts',
      version: 'alerts v3, extract 2025-01-06',
      location: 'snowflake://FRAUD_DW.ALERTS.CARDHOLDER_RESPONSES',
      rows: 48_310_677,
      period: '2023-07-01 to 2024-12-31',
      authorization: 'First-party data; use for fraud prevention disclosed in the cardholder agreement and alert enrolment terms.',
      sensitiveAttributes: ['Phone number (not extracted; response keyed by alert id)'],
      derivedFrom: ['auth-log'],
      description: 'Source of labels for declined transactions ("yes, it was me" or "no").',
    },
    {
      key: '3ds-authentications',
      name: 'EMV 3-D Secure 2.2 authentication data (ACS provider)',
      version: 'acs-feed v2.2, extract 2025-01-06',
      location: 's3://fraud-analytics-us-east-1/3ds/acs-feed-v2.2/',
      rows: 612_448_205,
      period: '2023-07-01 to 2024-12-31',
      authorization: 'Provided by the Bank\'s access control server provider under the processing agreement (schedule C, fraud analytics use); EMVCo 3DS data elements.',
      sensitiveAttributes: ['Browser and device attributes', 'IP address'],
      derivedFrom: [],
    },
    {
      key: 'account-events',
      name: 'Account maintenance and digital banking events',
      version: 'ACCOUNT_EVENTS v4',
      location: 'snowflake://CARDS_DW.ACCOUNTS.ACCOUNT_EVENTS',
      rows: 212_904_331,
      period: '2023-01-01 to 2024-12-31',
      authorization: 'First-party data; internal fraud prevention use (DG-REQ-2024-1102).',
      sensitiveAttributes: ['Address, phone and email change events (flags only, not values)', 'Date of birth (subgroup testing only; never a feature)'],
      derivedFrom: [],
    },
    {
      key: 'fraud-train-sample',
      name: 'Card fraud 7.1 training and validation sample',
      version: 'train-7.1-r2',
      location: 's3://fraud-analytics-us-east-1/models/card-fraud/7.1/train-r2/ (Parquet)',
      rows: 99_393_555,
      period: '2023-07-01 to 2024-09-30',
      authorization: 'Derived within the fraud analytics environment under DG-REQ-2024-1102; retained 7 years.',
      sensitiveAttributes: ['PAN (keyed-hash token only)'],
      derivedFrom: ['auth-log', 'fraud-cases', 'alert-responses', '3ds-authentications', 'account-events'],
      description: 'All fraud transactions and a 2% random sample of legitimate ones, with sample weights of 50; 78,912,440 training and 20,481,115 validation rows.',
    },
    {
      key: 'fraud-oot-holdout',
      name: 'Card fraud 7.1 out-of-time holdout (Q4 2024)',
      version: 'oot-2024q4-r1',
      location: 's3://fraud-analytics-us-east-1/models/card-fraud/7.1/oot-2024q4-r1/ (Parquet, read-only)',
      rows: 21_684_302,
      period: '2024-10-01 to 2024-12-31, labels matured through 2025-03-31',
      authorization: 'As for the training sample; frozen before model selection.',
      sensitiveAttributes: ['Cardholder age band and census-tract income level attached for subgroup testing only'],
      derivedFrom: ['auth-log', 'fraud-cases', 'alert-responses', '3ds-authentications', 'account-events'],
    },
  ],
  notes: 'Card-present fraud is 8.6% of fraud labels in the training sample (95,140 transactions). The Falcon consortium model\'s training data is not available to the Bank and is not part of this lineage.',
};

const evaluation: SectionOfKind<'metric_table'> = {
  key: 'evaluation',
  kind: 'metric_table',
  title: 'Evaluation against policy thresholds',
  dataset: { name: 'Card fraud out-of-time holdout (authorizations 2024-10 to 2024-12, labels matured 90 days)', version: 'oot-2024q4-r1', rows: 21_684_302 },
  metrics: [
    { key: 'cnp-auc', name: 'CNP: AUC (transaction level, weighted)', value: 0.974, threshold: { operator: '>=', value: 0.95 } },
    { key: 'cnp-vdr', name: 'CNP: value detection rate (share of fraud dollars declined or stepped up at production thresholds)', value: 0.71, threshold: { operator: '>=', value: 0.6 } },
    { key: 'cnp-tdr', name: 'CNP: transaction detection rate', value: 0.64, threshold: { operator: '>=', value: 0.55 } },
    { key: 'cnp-fp-ratio', name: 'CNP: false positive ratio (legitimate declines per fraud decline)', value: 6.8, threshold: { operator: '<=', value: 10 }, unit: ':1' },
    { key: 'cnp-false-decline-rate', name: 'CNP: false decline rate (legitimate transactions declined)', value: 0.31, threshold: { operator: '<=', value: 0.5 }, unit: '%' },
    { key: 'cp-auc', name: 'CP: AUC (transaction level, weighted)', value: 0.903, threshold: { operator: '>=', value: 0.9 } },
    {
      key: 'cp-vdr',
      name: 'CP: value detection rate at production thresholds',
      value: 0.46,
      threshold: { operator: '>=', value: 0.5 },
      note: 'Falcon (incumbent for CP) reaches 0.52 on the same holdout. Lost-and-stolen contactless fraud: 0.31 (Falcon 0.44).',
    },
    { key: 'cp-tdr', name: 'CP: transaction detection rate', value: 0.41, threshold: { operator: '>=', value: 0.4 } },
    { key: 'cp-fp-ratio', name: 'CP: false positive ratio', value: 13.9, threshold: { operator: '<=', value: 15 }, unit: ':1' },
    { key: 'cp-false-decline-rate', name: 'CP: false decline rate', value: 0.09, threshold: { operator: '<=', value: 0.2 }, unit: '%' },
    { key: 'account-detection', name: 'Compromised accounts detected by their third fraudulent transaction', value: 0.78, threshold: { operator: '>=', value: 0.7 } },
    { key: 'latency-p99', name: 'Scoring latency, 99th percentile (peak replay)', value: 14, threshold: { operator: '<=', value: 25 }, unit: 'ms' },
  ],
  notes:
    'Thresholds come from the Fraud Model Standard FMS-03 (tier 2 real-time models) and the fraud risk appetite. Weighted metrics undo the 2% sampling of legitimate transactions. Production thresholds are those proposed by Fraud Strategy for go-live (CNP decline at score 0.62, step-up at 0.35; CP decline at 0.70). Total expected annual fraud loss reduction against 7.0.4 for CNP: $9.8 million; for CP against Falcon: an increase of $1.4 million.',
};

const subgroupMetrics: SectionOfKind<'subgroup_table'>['metrics'] = [
  { key: 'false-decline-rate', name: 'False declines per 1,000 legitimate transactions', threshold: { operator: '<=', value: 5 } },
  { key: 'false-decline-ratio', name: 'False decline rate relative to the portfolio (3.0 per 1,000)', threshold: { operator: '<=', value: 1.5 } },
  { key: 'detection-rate', name: 'Fraud transaction detection rate (all channels)', threshold: { operator: '>=', value: 0.55 } },
];

function row(key: string, attribute: string, group: string, accounts: number, falseDeclineRate: number, detectionRate: number): SubgroupRow {
  return {
    key,
    attribute,
    group,
    sampleSize: accounts,
    values: { 'false-decline-rate': falseDeclineRate, 'false-decline-ratio': Math.round((falseDeclineRate / 3) * 100) / 100, 'detection-rate': detectionRate },
  };
}

const subgroupFairness: SectionOfKind<'subgroup_table'> = {
  key: 'subgroup_fairness',
  kind: 'subgroup_table',
  title: 'Subgroup fairness',
  referenceGroup: 'Whole active portfolio (false decline rate 3.0 per 1,000 legitimate transactions)',
  metrics: subgroupMetrics,
  rows: [
    row('age-18-24', 'Cardholder age band', '18 to 24', 1_104_220, 3.9, 0.66),
    row('age-25-44', 'Cardholder age band', '25 to 44', 4_871_530, 2.8, 0.69),
    row('age-45-64', 'Cardholder age band', '45 to 64', 4_630_115, 2.7, 0.7),
    row('age-65-plus', 'Cardholder age band', '65 and over', 2_512_905, 3.6, 0.64),
    row('tract-lmi', 'Census tract income (residence)', 'Low or moderate income tract', 3_410_880, 3.3, 0.67),
    row('tract-non-lmi', 'Census tract income (residence)', 'Middle or upper income tract', 9_707_890, 2.9, 0.69),
    row('product-secured', 'Card product', 'Secured credit card', 286_410, 4.4, 0.63),
    row('product-student', 'Card product', 'Student credit or debit card', 402_115, 4.1, 0.65),
    row('product-debit', 'Card product', 'Standard debit card', 7_940_300, 2.9, 0.68),
    row('product-credit', 'Card product', 'Standard and premium credit card', 4_489_945, 2.8, 0.71),
    row('cross-border', 'Usage pattern', 'Cardholders with cross-border transactions in the quarter', 918_300, 4.2, 0.72),
  ],
  notes:
    'Sample sizes are active accounts with at least one authorization in Q4 2024 (13,118,770 in total; cross-border cardholders overlap the other groups). Point-of-sale authorization refusals are not adverse action under Regulation B (12 CFR 1002.2(c)(2)(iii)), but declines on credit cards are an aspect of a credit transaction, so the Bank tests false declines by age and by tract income as a proxy for protected groups. All groups meet the thresholds; secured-card holders (1.47) are closest to the 1.5 limit because their short, thin transaction histories make more of their purchases look unfamiliar (finding MRV-04). Detection for cardholders aged 65 and over (0.64) is the lowest: elder-targeted scams often involve the genuine cardholder authorizing the purchase.',
};

const limitationsRisks: SectionOfKind<'risk_register'> = {
  key: 'limitations_risks',
  kind: 'risk_register',
  title: 'Known limitations, risks and mitigations',
  risks: [
    {
      key: 'cp-detection-gap',
      title: 'Weaker card-present detection than the incumbent',
      description: 'CP value detection rate 0.46, below the 0.50 threshold and the Falcon model (0.52); lost-and-stolen contactless fraud is the main gap. Replacing Falcon for CP would increase expected CP fraud losses by about $1.4 million a year.',
      likelihood: 'likely',
      impact: 'major',
      controls: [
        'Falcon kept in shadow for 6 months with the option to keep deciding CP',
        'Planned 7.2 features: Visa Advanced Authorization consortium score, mobile-app device presence at the time of a contactless purchase',
        'CP velocity rules unchanged',
      ],
      residualRisk: 'high',
      owner: 'Sofia Marchetti, Head of Fraud Decision Science',
    },
    {
      key: 'false-declines',
      title: 'Customer harm from false declines',
      description: 'Legitimate purchases declined at critical moments (travel, medical, utilities), with complaints and attrition.',
      likelihood: 'likely',
      impact: 'moderate',
      controls: ['Real-time alert with one-tap confirmation and 24-hour merchant whitelist', 'Weekly false decline monitoring against the risk appetite', 'Complaint tagging for fraud declines'],
      residualRisk: 'medium',
      owner: 'Daniel Reyes, Head of Fraud Strategy',
    },
    {
      key: 'adversarial-adaptation',
      title: 'Fraudsters adapting to the model',
      description: 'Organized groups probe thresholds (card testing, low-value purchases) and shift to merchants and channels where detection is weaker.',
      likelihood: 'likely',
      impact: 'major',
      controls: ['Hourly decline-rate anomaly monitoring', 'Velocity rules ahead of the model', 'Quarterly refresh of merchant risk tables; retraining at least twice a year'],
      residualRisk: 'medium',
      owner: 'Daniel Reyes, Head of Fraud Strategy',
    },
    {
      key: 'label-quality',
      title: 'Label delay and unlabelled declines',
      description: 'Fraud labels mature over 90 days and 23% of declines have no cardholder answer; first-party fraud may be mislabelled as third-party fraud.',
      likelihood: 'possible',
      impact: 'moderate',
      controls: ['Pessimistic-bound reporting of the false positive ratio (MRV-02)', 'Disputes team determinations used to exclude first-party fraud'],
      residualRisk: 'medium',
      owner: 'Sofia Marchetti, Head of Fraud Decision Science',
    },
    {
      key: 'scoring-outage',
      title: 'Scoring service outage or latency breach',
      description: 'Timeouts would force stand-in decisions without the model during an outage.',
      likelihood: 'unlikely',
      impact: 'major',
      controls: ['Active-active deployment in two data centers', 'Rules-only fallback strategy', '25 ms latency budget with real-time alerting'],
      residualRisk: 'low',
      owner: 'Priya Shah, Director, Card Platform Engineering',
    },
    {
      key: 'cardholder-data',
      title: 'Exposure of cardholder data',
      description: 'The service is in the CDE; a compromise could expose authorization data.',
      likelihood: 'rare',
      impact: 'severe',
      controls: ['Tokenization before scoring; no sensitive authentication data received', 'PCI DSS v4.0.1 controls listed in the Security section', 'Keyed-hash tokens only outside the CDE'],
      residualRisk: 'low',
      owner: 'Marcus Bell, Chief Information Security Officer',
    },
    {
      key: 'subgroup-false-declines',
      title: 'Higher false declines for secured and student card holders',
      description: 'False decline ratios of 1.47 and 1.37 against a 1.5 limit.',
      likelihood: 'possible',
      impact: 'moderate',
      controls: ['Quarterly subgroup testing with Fair Lending', 'Option of product-specific thresholds set by Fraud Strategy'],
      residualRisk: 'low',
      owner: 'Sofia Marchetti, Head of Fraud Decision Science',
    },
    {
      key: 'dispute-misuse',
      title: 'Use of the score in dispute decisions',
      description: 'Using the fraud score to deny an unauthorized-transaction claim would conflict with Regulation E and Regulation Z error resolution and liability rules.',
      likelihood: 'unlikely',
      impact: 'major',
      controls: ['Score not exposed in the disputes system', 'Disputes procedures reviewed by Consumer Compliance annually'],
      residualRisk: 'low',
      owner: 'Angela Moore, Head of Card Disputes',
    },
  ],
  notes: 'Scales follow the Bank\'s operational risk standard ORM-STD-02. The High residual risk applies only to card-present use.',
};

const references: SectionOfKind<'references'> = {
  key: 'regulatory_references',
  kind: 'references',
  title: 'Regulatory cross-references',
  references: [
    {
      key: 'pci-dss-3',
      framework: 'PCI DSS v4.0.1',
      citation: 'Requirements 3.3.1 and 3.5.1',
      title: 'Protect stored account data',
      url: 'https://www.pcisecuritystandards.org/document_library/',
      relevance: 'No sensitive authentication data after authorization; PAN unreadable wherever stored (tokenization and keyed hashing).',
    },
    {
      key: 'pci-dss-6-7-8',
      framework: 'PCI DSS v4.0.1',
      citation: 'Requirements 6.2.4, 7.2.1 and 8.4.2',
      relevance: 'Secure development of the scoring service, least-privilege access and MFA for access into the CDE.',
    },
    {
      key: 'pci-dss-10-11-12',
      framework: 'PCI DSS v4.0.1',
      citation: 'Requirements 10.2.1, 11.4.1 and 12.5.2',
      relevance: 'Audit logging of scores and actions, penetration testing, and scope documentation for the service and feature store.',
    },
    {
      key: 'reg-e-1005-6',
      framework: 'Regulation E',
      citation: '12 CFR 1005.6(b)',
      title: 'Liability of consumer for unauthorized transfers',
      url: 'https://www.ecfr.gov/current/title-12/chapter-X/part-1005/subpart-A/section-1005.6',
      relevance: 'Debit card fraud losses are largely the Bank\'s; the model reduces them but has no role in determining consumer liability.',
    },
    {
      key: 'reg-e-1005-11',
      framework: 'Regulation E',
      citation: '12 CFR 1005.11',
      title: 'Procedures for resolving errors',
      url: 'https://www.ecfr.gov/current/title-12/chapter-X/part-1005/subpart-A/section-1005.11',
      relevance: 'Unauthorized-transfer claims are investigated under these procedures, not decided by the score (out-of-scope use).',
    },
    {
      key: 'reg-z-1026-12-13',
      framework: 'Regulation Z',
      citation: '12 CFR 1026.12(b) and 1026.13',
      title: 'Liability of cardholder for unauthorized use; billing error resolution',
      relevance: 'Same separation for credit cards: liability and billing errors are handled by Disputes.',
    },
    {
      key: 'reg-b-1002-2c',
      framework: 'Regulation B',
      citation: '12 CFR 1002.2(c)(2)(iii) and 1002.4(a)',
      relevance: 'Point-of-sale authorization refusals are not adverse action, but credit card declines must not discriminate on a prohibited basis; basis of the subgroup false-decline testing.',
    },
    {
      key: 'glba-6802',
      framework: 'Gramm-Leach-Bliley Act',
      citation: '15 U.S.C. 6802(e)(3)',
      relevance: 'Processing of customer information to protect against fraud is an exception to the notice and opt-out requirements.',
    },
    {
      key: 'sr-11-7',
      framework: 'Federal Reserve / OCC supervisory guidance',
      citation: 'SR 11-7; OCC Bulletin 2011-12',
      title: 'Supervisory Guidance on Model Risk Management',
      url: 'https://www.federalreserve.gov/supervisionreg/srletters/sr1107.htm',
      relevance: 'Tier 2 validation, ongoing monitoring with matured labels, and benchmarking against the incumbent models.',
    },
    {
      key: 'ffiec-authentication',
      framework: 'FFIEC',
      citation: 'Authentication and Access to Financial Institution Services and Systems (August 2021)',
      relevance: 'Risk-based step-up authentication for CNP transactions and wallet provisioning uses the model score.',
    },
    {
      key: 'interagency-infosec',
      framework: 'Interagency Guidelines Establishing Information Security Standards',
      citation: '12 CFR Part 30, Appendix B',
      relevance: 'Information security program requirements for the scoring service and analytics environment.',
    },
  ],
};

const narrative = (key: string, title: string, markdown: string): SectionOfKind<'narrative'> => ({ key, kind: 'narrative', title, markdown });

export const cardFraudV1: PackageContent = {
  schemaVersion: packageSchemaVersion,
  sections: [
    identification,
    narrative('intended_use', 'Intended use and deployment scope', cardFraudIntendedUseMarkdown),
    narrative('design_methodology', 'Design and methodology', cardFraudDesignMarkdown),
    trainingData,
    evaluation,
    subgroupFairness,
    limitationsRisks,
    narrative('human_oversight', 'Human oversight and monitoring', cardFraudHumanOversightMarkdown),
    narrative('validation_findings', 'Independent validation findings', cardFraudValidationMarkdown),
    references,
    narrative('security_controls', 'Security and implementation controls', cardFraudSecurityMarkdown),
  ],
};
