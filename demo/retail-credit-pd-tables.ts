// Structured sections (lineage, metrics, subgroups, risks, references) of the
// Retail Credit PD 4.2.0 demo package. Objects shared by both versions are
// exported once so that the two versions are byte-identical where they agree.

import type { SectionOfKind } from '#domain/contracts/sections.ts';

type Risk = SectionOfKind<'risk_register'>['risks'][number];
type SubgroupMetric = SectionOfKind<'subgroup_table'>['metrics'][number];
type SubgroupRow = SectionOfKind<'subgroup_table'>['rows'][number];

export const trainingData: SectionOfKind<'lineage'> = {
  key: 'training_data',
  kind: 'lineage',
  title: 'Training data provenance',
  datasets: [
    {
      key: 'los-applications',
      name: 'Loan origination system applications (personal loan, card, overdraft line)',
      version: 'APPLICATIONS_V7, snapshot 2024-12-31',
      location: 'snowflake://CONSUMER_LENDING_PROD.ORIGINATION.APPLICATIONS_V7',
      rows: 3_286_410,
      period: '2019-07-01 to 2023-06-30 (application date)',
      authorization:
        'First-party application data collected under the Bank\'s consumer privacy notice (GLBA, 12 CFR 1016). Use for credit model development approved by Data Governance, request DG-REQ-2024-0877 (data owner: Head of Consumer Lending Operations).',
      sensitiveAttributes: [
        'Date of birth / age (prohibited as a model input; available to fair lending testing and the controlled development environment only)',
        'Marital status (collected for joint applications; excluded)',
        'Residential address and ZIP code (excluded as model inputs)',
        'Income source, including public assistance (counted as income, never as a feature)',
      ],
      derivedFrom: [],
      description: 'One row per application decision, including declined and withdrawn applications. Joint applications are represented by the primary applicant.',
    },
    {
      key: 'bureau-premier',
      name: 'Experian Premier Attributes archive (retro at application date)',
      version: 'Premier Attributes 2.4',
      location: 's3://ccra-model-dev-us-east-1/bureau/experian/premier-v2.4/archive/',
      rows: 3_286_410,
      period: '2019-07-01 to 2023-06-30',
      authorization:
        'Consumer reports obtained at application under FCRA §604(a)(3)(A) (15 U.S.C. 1681b); archived and used for model development under the Experian Master Services Agreement, schedule MD-7 (model development rights). Match rate 99.3%.',
      sensitiveAttributes: ['No protected attributes; several attributes correlate with age (file age, account age) and were reviewed by Fair Lending'],
      derivedFrom: ['los-applications'],
    },
    {
      key: 'bureau-trended',
      name: 'Experian Trended 3D attributes (24-month balance and payment history)',
      version: 'Trended 3D 2023.1',
      location: 's3://ccra-model-dev-us-east-1/bureau/experian/trended3d-2023.1/archive/',
      rows: 3_265_118,
      period: '2019-07-01 to 2023-06-30',
      authorization: 'As for the Premier Attributes archive (FCRA §604(a)(3)(A); Experian MSA schedule MD-7).',
      sensitiveAttributes: [],
      derivedFrom: ['los-applications'],
      description: 'Missing for 0.6% of applications whose files had fewer than three months of trended data.',
    },
    {
      key: 'deposit-relationship',
      name: 'Deposit relationship monthly summary (existing customers)',
      version: 'CUSTOMER_MONTHLY_SUMMARY v3',
      location: 'snowflake://RETAIL_DW.DEPOSITS.CUSTOMER_MONTHLY_SUMMARY',
      rows: 1_247_935,
      period: '12 months before each application date',
      authorization: 'First-party data; internal use for credit decisions on existing customers disclosed in the consumer privacy notice. Data Governance request DG-REQ-2024-0878.',
      sensitiveAttributes: ['Inflows labeled as Social Security or pension deposits (aggregated with all inflows; label not used)'],
      derivedFrom: ['los-applications'],
      description: 'Available for the 38% of applicants with a deposit relationship; features are missing (not zero) for others.',
    },
    {
      key: 'loan-performance',
      name: 'Loan performance, monthly status by account',
      version: 'LOAN_PERFORMANCE_MONTHLY, snapshot 2024-12-31',
      location: 'snowflake://CONSUMER_LENDING_PROD.SERVICING.LOAN_PERFORMANCE_MONTHLY',
      rows: 1_734_582,
      period: 'Account openings 2019-07 to 2023-06, performance through 2024-12',
      authorization: 'First-party servicing data; internal risk management use (Data Governance request DG-REQ-2024-0877).',
      sensitiveAttributes: ['Hardship and forbearance program flags (used only to define indeterminate outcomes)'],
      derivedFrom: ['los-applications'],
      description: 'Source of the 18-month default flag for booked accounts.',
    },
    {
      key: 'reject-outcomes',
      name: 'Declined-applicant retro outcome study',
      version: 'SOW-2024-113 delivery 2025-01-15',
      location: 's3://ccra-model-dev-us-east-1/bureau/experian/retro-sow-2024-113/',
      rows: 1_551_828,
      period: 'Declines 2019-07 to 2023-06, bureau outcomes 12 and 18 months after decline',
      authorization: 'Depersonalized retro study delivered by Experian under statement of work SOW-2024-113; not a consumer report on any individual and not used for any individual decision.',
      sensitiveAttributes: [],
      derivedFrom: ['los-applications'],
      description: 'Performance of trades opened elsewhere by declined applicants, used for reject inference.',
    },
    {
      key: 'pd-dev-sample',
      name: 'Retail PD 4.2 development sample (train and validation)',
      version: 'dev-sample-4.2-r3',
      location: 's3://ccra-model-dev-us-east-1/retail-pd/4.2/dev_sample/r3/ (Parquet, 96 files)',
      rows: 2_868_174,
      period: '2019-07-01 to 2022-12-31',
      authorization: 'Derived within the controlled development environment under DG-REQ-2024-0877; retained 7 years under the model documentation standard.',
      sensitiveAttributes: ['Age band retained in a separate, access-controlled column family for fair lending testing'],
      derivedFrom: ['los-applications', 'bureau-premier', 'bureau-trended', 'deposit-relationship', 'loan-performance', 'reject-outcomes'],
    },
    {
      key: 'pd-oot-holdout',
      name: 'Retail PD 4.2 out-of-time holdout',
      version: 'oot-2023h1-v3',
      location: 's3://ccra-model-dev-us-east-1/retail-pd/4.2/oot_holdout/v3/ (Parquet, 16 files)',
      rows: 418_236,
      period: '2023-01-01 to 2023-06-30, performance through 2024-12-31',
      authorization: 'As for the development sample; read-only to developers after 2024-11-04 (frozen before model selection).',
      sensitiveAttributes: ['Age band retained in a separate, access-controlled column family for fair lending testing'],
      derivedFrom: ['los-applications', 'bureau-premier', 'bureau-trended', 'deposit-relationship', 'loan-performance', 'reject-outcomes'],
    },
    {
      key: 'bisg-proxy',
      name: 'BISG / BIFSG proxy estimates for fair lending testing',
      version: 'bisg-2025.1',
      location: 's3://fl-analytics-restricted-us-east-1/bisg/2025.1/ (restricted account, Fair Lending Analytics only)',
      rows: 3_286_410,
      period: 'Same applications as the development sample and holdout',
      authorization:
        'Created by Fair Lending Compliance for disparate impact testing only, following the CFPB BISG methodology (2014), using the Census 2010 surname list and ACS 2018 to 2022 five-year block-group tables. Never available to model development or scoring.',
      sensitiveAttributes: ['Estimated race and ethnicity probabilities', 'Estimated sex (first-name based)'],
      derivedFrom: ['los-applications'],
    },
  ],
  notes:
    'Lineage was verified by Data Governance on 21 February 2025 (lineage certificate DG-LC-2025-0112). All Snowflake sources are production tables governed by the Consumer Lending data domain; S3 locations are in the model development account (encrypted with customer-managed KMS keys, 7-year retention).',
};

export const evaluation: SectionOfKind<'metric_table'> = {
  key: 'evaluation',
  kind: 'metric_table',
  title: 'Evaluation against policy thresholds',
  dataset: { name: 'Retail PD out-of-time holdout (applications 2023-01 to 2023-06, 18-month performance)', version: 'oot-2023h1-v3', rows: 418_236 },
  metrics: [
    { key: 'auc', name: 'AUC (ROC)', value: 0.781, threshold: { operator: '>=', value: 0.75 } },
    { key: 'gini', name: 'Gini coefficient', value: 0.562, threshold: { operator: '>=', value: 0.5 } },
    { key: 'ks', name: 'Kolmogorov-Smirnov statistic', value: 0.421, threshold: { operator: '>=', value: 0.35 } },
    { key: 'brier', name: 'Brier score', value: 0.0412, threshold: { operator: '<=', value: 0.05 } },
    {
      key: 'ece',
      name: 'Expected calibration error (20 equal-population bins)',
      value: 0.0031,
      threshold: { operator: '<=', value: 0.005 },
    },
    {
      key: 'calibration-in-the-large',
      name: 'Relative calibration error (mean PD vs observed bad rate)',
      value: 0.034,
      threshold: { operator: '<=', value: 0.1 },
      note: 'Mean PD 5.79% against an observed bad rate of 5.60% (booked and inferred).',
    },
    { key: 'hosmer-lemeshow-p', name: 'Hosmer-Lemeshow test p-value (deciles)', value: 0.21, threshold: { operator: '>=', value: 0.05 } },
    { key: 'psi', name: 'Population stability index (development vs holdout score distribution)', value: 0.047, threshold: { operator: '<', value: 0.1 } },
    { key: 'top-decile-capture', name: 'Share of bads in the highest-risk decile', value: 0.387, threshold: { operator: '>=', value: 0.3 } },
    { key: 'rank-order-breaks', name: 'Rank-order breaks across score deciles', value: 0, threshold: { operator: '<=', value: 0 }, unit: 'count' },
    {
      key: 'approved-bad-rate',
      name: 'Bad rate of approved applications at production cut-offs',
      value: 3.41,
      threshold: { operator: '<=', value: 4 },
      unit: '%',
      note: 'Policy limit from the Consumer Lending risk appetite statement (RAS-CL-2025, limit 4.0%).',
    },
  ],
  notes:
    'All metrics were computed by the model owners on the frozen out-of-time holdout and reproduced independently by Model Risk Management (differences below 0.002). Declined applications contribute with their inferred outcomes; metrics on booked accounts only are in appendix C of the development document (AUC 0.768 on booked accounts). Thresholds are those of the Retail Credit Model Standard MS-CR-07, table 2, for tier 1 origination models.',
};

const subgroupMetrics: SubgroupMetric[] = [
  { key: 'approval-ratio', name: 'Approval-rate ratio vs reference group (disparate impact ratio)', threshold: { operator: '>=', value: 0.8 } },
  { key: 'auc', name: 'AUC within group', threshold: { operator: '>=', value: 0.7 } },
  { key: 'calibration-gap', name: 'Absolute gap between mean PD and observed bad rate (percentage points)', threshold: { operator: '<=', value: 1 } },
];

const subgroupReference = 'Age 25 to 61 (age); non-Hispanic White (BISG race / ethnicity); male (BIFSG sex)';

function row(key: string, attribute: string, group: string, sampleSize: number, approvalRatio: number, auc: number, calibrationGap: number): SubgroupRow {
  return { key, attribute, group, sampleSize, values: { 'approval-ratio': approvalRatio, auc, 'calibration-gap': calibrationGap } };
}

export const subgroupFairnessV1: SectionOfKind<'subgroup_table'> = {
  key: 'subgroup_fairness',
  kind: 'subgroup_table',
  title: 'Subgroup fairness',
  referenceGroup: subgroupReference,
  metrics: subgroupMetrics,
  rows: [
    row('age-18-24', 'Age band', '18 to 24', 41_820, 0.83, 0.752, 0.6),
    row('age-25-61', 'Age band', '25 to 61 (reference)', 322_164, 1, 0.784, 0.2),
    row('age-62-plus', 'Age band', '62 and over', 54_252, 0.78, 0.771, 0.9),
    row('race-white', 'Race / ethnicity (BISG proxy)', 'Non-Hispanic White (reference)', 248_110, 1, 0.783, 0.2),
    row('race-black', 'Race / ethnicity (BISG proxy)', 'Black', 61_540, 0.84, 0.768, 0.5),
    row('race-hispanic', 'Race / ethnicity (BISG proxy)', 'Hispanic', 67_932, 0.87, 0.772, 0.4),
    row('race-asian-pi', 'Race / ethnicity (BISG proxy)', 'Asian / Pacific Islander', 25_118, 0.97, 0.789, 0.3),
    row('race-other', 'Race / ethnicity (BISG proxy)', 'Other or multiracial', 15_536, 0.91, 0.775, 0.4),
    row('sex-male', 'Sex (BIFSG proxy)', 'Male (reference)', 209_530, 1, 0.777, 0.3),
    row('sex-female', 'Sex (BIFSG proxy)', 'Female', 208_706, 0.97, 0.786, 0.2),
  ],
  notes:
    'Approval rates are computed at the production cut-offs on the out-of-time holdout. Age comes from the self-reported date of birth; race, ethnicity and sex are probability-weighted BISG / BIFSG estimates, so their sample sizes are effective counts. The policy threshold of 0.80 follows the Bank\'s Fair Lending Testing Standard FL-STD-03 (four-fifths screening rule); any group below it requires remediation or a documented business-necessity and less-discriminatory-alternative analysis before approval. **The 62 and over group fails (0.78)**; Fair Lending case FL-2025-014 is open. The model over-predicts risk for this group (calibration gap 0.9 point, predicted above observed).',
};

export const subgroupFairnessV2: SectionOfKind<'subgroup_table'> = {
  key: 'subgroup_fairness',
  kind: 'subgroup_table',
  title: 'Subgroup fairness',
  referenceGroup: subgroupReference,
  metrics: subgroupMetrics,
  rows: [
    row('age-18-24', 'Age band', '18 to 24', 41_820, 0.85, 0.748, 0.5),
    row('age-25-61', 'Age band', '25 to 61 (reference)', 322_164, 1, 0.777, 0.2),
    row('age-62-plus', 'Age band', '62 and over', 54_252, 0.86, 0.769, 0.3),
    row('race-white', 'Race / ethnicity (BISG proxy)', 'Non-Hispanic White (reference)', 248_110, 1, 0.776, 0.2),
    row('race-black', 'Race / ethnicity (BISG proxy)', 'Black', 61_540, 0.88, 0.764, 0.3),
    row('race-hispanic', 'Race / ethnicity (BISG proxy)', 'Hispanic', 67_932, 0.9, 0.768, 0.3),
    row('race-asian-pi', 'Race / ethnicity (BISG proxy)', 'Asian / Pacific Islander', 25_118, 0.98, 0.783, 0.2),
    row('race-other', 'Race / ethnicity (BISG proxy)', 'Other or multiracial', 15_536, 0.93, 0.77, 0.3),
    row('sex-male', 'Sex (BIFSG proxy)', 'Male (reference)', 209_530, 1, 0.771, 0.2),
    row('sex-female', 'Sex (BIFSG proxy)', 'Female', 208_706, 0.98, 0.779, 0.2),
  ],
  notes:
    'Resubmitted model (LDA-17). Approval rates are computed at the production cut-offs on the same out-of-time holdout as the first submission. Age comes from the self-reported date of birth; race, ethnicity and sex are probability-weighted BISG / BIFSG estimates, so their sample sizes are effective counts. The policy threshold of 0.80 follows the Fair Lending Testing Standard FL-STD-03. **All groups now pass**: the ratio for applicants aged 62 and over rose from 0.78 to 0.86 and the calibration gap fell from 0.9 to 0.3 point. Fair Lending case FL-2025-014 was closed on 17 April 2025 subject to the monitoring in the Human oversight section. Overall holdout AUC of the resubmitted model: 0.774.',
};

const riskProxyRace: Risk = {
  key: 'proxy-race-disparity',
  title: 'Disparate impact by race or ethnicity through correlated bureau attributes',
  description: 'Utilization and delinquency attributes correlate with race and ethnicity. The ratio for Black applicants (BISG) is above threshold but within 0.04 of it.',
  likelihood: 'possible',
  impact: 'major',
  controls: ['Quarterly BISG testing with an amber trigger at 0.82', 'Feature-level review by Fair Lending before each model change'],
  residualRisk: 'medium',
  owner: 'Marisol Vega, Fair Lending Compliance Officer',
};

const riskDrift: Risk = {
  key: 'population-drift',
  title: 'Applicant population and macroeconomic drift',
  description: 'Higher interest rates since 2023 and student loan repayment restart change applicant mix and bureau behavior relative to the 2019 to 2022 development window.',
  likelihood: 'possible',
  impact: 'moderate',
  controls: ['Monthly PSI and CSI monitoring with amber 0.10 and red 0.25', 'Quarterly observed / expected backtesting by decile', 'Macro re-review trigger (unemployment +2 points in 12 months)'],
  residualRisk: 'medium',
  owner: 'Daniel Okafor, Director, Consumer Credit Risk Analytics',
};

const riskRejectInference: Risk = {
  key: 'reject-inference-bias',
  title: 'Bias from reject inference',
  description: 'Outcomes of 62% of declined applicants are inferred, not observed; a biased inference would distort the risk ranking near the cut-off.',
  likelihood: 'possible',
  impact: 'moderate',
  controls: ['Sensitivity runs at plus and minus 20% inferred bad rate (AUC change below 0.004)', 'Annual below-cut-off test program: 1,500 applications approved with reduced lines to observe performance'],
  residualRisk: 'low',
  owner: 'Daniel Okafor, Director, Consumer Credit Risk Analytics',
};

const riskCalibrationStress: Risk = {
  key: 'calibration-stress',
  title: 'Under-prediction of default in a downturn',
  description: 'The highest-risk decile was under-predicted by 0.9 point in the 2020 vintage (validation finding F-03).',
  likelihood: 'possible',
  impact: 'major',
  controls: ['Management overlay of +0.5 point on the top decile in the decision engine', 'Quarterly binomial test by decile', 'Rollback to 4.1.3 available within 4 hours'],
  residualRisk: 'medium',
  owner: 'Helen Cho, Head of Consumer Credit Policy',
};

const riskBureauChange: Risk = {
  key: 'bureau-attribute-change',
  title: 'Change or outage of bureau attributes',
  description: 'Experian may redefine or retire attributes, or the bureau connection may fail, changing model inputs without a model change.',
  likelihood: 'unlikely',
  impact: 'major',
  controls: ['Vendor change notices tracked by Data Governance with a re-review trigger', 'Input range and missing-rate checks in the scoring service, alerting at 2% missing', 'Fallback to the secondary bureau route and, beyond 30 minutes, to manual underwriting'],
  residualRisk: 'low',
  owner: 'Raj Patel, Head of Consumer Lending Technology',
};

const riskMisuse: Risk = {
  key: 'out-of-scope-use',
  title: 'Use outside the approved scope',
  description: 'Other teams may consume the PD for line management, collections or loss forecasting, for which it was not developed or validated.',
  likelihood: 'unlikely',
  impact: 'moderate',
  controls: ['Scoring service access restricted to DecisionHub origination flows (allow-listed service identities)', 'Model inventory lists approved uses; quarterly attestation by consuming teams'],
  residualRisk: 'low',
  owner: 'Daniel Okafor, Director, Consumer Credit Risk Analytics',
};

const riskImplementation: Risk = {
  key: 'implementation-error',
  title: 'Implementation error in the scoring service',
  description: 'A difference between the validated model and the deployed artifact (feature mapping, version mismatch) would produce wrong decisions at scale.',
  likelihood: 'rare',
  impact: 'severe',
  controls: ['Signed artifact with digest checked at admission', 'Golden-set parity test (10,000 applications, tolerance 1e-6) in the deployment pipeline', 'Eight-week parallel run before go-live'],
  residualRisk: 'low',
  owner: 'Raj Patel, Head of Consumer Lending Technology',
};

export const limitationsRisksV1: SectionOfKind<'risk_register'> = {
  key: 'limitations_risks',
  kind: 'risk_register',
  title: 'Known limitations, risks and mitigations',
  risks: [
    {
      key: 'age-disparate-impact',
      title: 'Disparate impact on applicants aged 62 and over',
      description: 'The approval-rate ratio for applicants aged 62+ is 0.78, below the 0.80 threshold, and the model over-predicts their risk. Features describing account-opening activity appear to penalize long, inactive credit files.',
      likelihood: 'likely',
      impact: 'major',
      controls: ['Fair Lending case FL-2025-014 opened; root-cause analysis in progress', 'Model not to be deployed until the case is closed'],
      residualRisk: 'high',
      owner: 'Marisol Vega, Fair Lending Compliance Officer',
    },
    riskProxyRace,
    {
      key: 'adverse-action-accuracy',
      title: 'Inaccurate adverse action reasons',
      description: 'Reasons derived from SHAP contributions may not reflect the principal reasons for a decline; two features map to "Insufficient recent credit history", which can be inaccurate for long, inactive files (finding F-02).',
      likelihood: 'possible',
      impact: 'major',
      controls: ['Legal review of all 48 reason statements', 'Monthly monitoring of the reason distribution'],
      residualRisk: 'medium',
      owner: 'Alan Whitaker, Senior Counsel, Consumer Lending',
    },
    riskDrift,
    riskRejectInference,
    riskCalibrationStress,
    riskBureauChange,
    riskMisuse,
    riskImplementation,
  ],
  notes: 'Likelihood and impact use the Bank\'s operational risk scales (ORM-STD-02). Residual risk is after the controls listed. The High residual risk on age disparate impact blocks deployment.',
};

export const limitationsRisksV2: SectionOfKind<'risk_register'> = {
  key: 'limitations_risks',
  kind: 'risk_register',
  title: 'Known limitations, risks and mitigations',
  risks: [
    {
      key: 'age-disparate-impact',
      title: 'Disparate impact on applicants aged 62 and over',
      description: 'The first submission had an approval-rate ratio of 0.78 for applicants aged 62+. The resubmitted model reaches 0.86 with a calibration gap of 0.3 point; the risk remains that the ratio erodes in production.',
      likelihood: 'unlikely',
      impact: 'major',
      controls: [
        'Monotonic constraints on 38 features, including file age and months since most recent trade opened',
        'Training sample reweighed by age band and outcome (age not a model input)',
        'Documented LDA search (46 candidates, rule fixed in advance)',
        'Monthly approval-rate ratio monitoring by age band, amber at 0.82, red at 0.80 with re-review',
      ],
      residualRisk: 'low',
      owner: 'Marisol Vega, Fair Lending Compliance Officer',
    },
    { ...riskProxyRace, description: 'Utilization and delinquency attributes correlate with race and ethnicity. After remediation the ratio for Black applicants (BISG) is 0.88, 0.08 above threshold.', likelihood: 'unlikely', residualRisk: 'low' },
    {
      key: 'adverse-action-accuracy',
      title: 'Inaccurate adverse action reasons',
      description: 'Reasons derived from SHAP contributions may not reflect the principal reasons for a decline. Finding F-02 (reasons for long, inactive files) was closed by the monotonic constraints and a reworded statement.',
      likelihood: 'unlikely',
      impact: 'major',
      controls: ['Legal review of all 48 reason statements, including the reworded statement', 'Monthly monitoring of the reason distribution', 'Quarterly sample review of 200 adverse action notices by Consumer Compliance'],
      residualRisk: 'low',
      owner: 'Alan Whitaker, Senior Counsel, Consumer Lending',
    },
    {
      key: 'lda-performance-cost',
      title: 'Lower discrimination of the less discriminatory alternative',
      description: 'The resubmitted model has AUC 0.774 instead of 0.781; the approved-population bad rate rises by an expected 0.05 point (about $1.6 million a year).',
      likelihood: 'almost_certain',
      impact: 'minor',
      controls: ['Cost accepted by the Consumer Credit Risk Committee on 15 April 2025', 'Quarterly AUC monitoring with amber below 0.74'],
      residualRisk: 'low',
      owner: 'Helen Cho, Head of Consumer Credit Policy',
    },
    riskDrift,
    riskRejectInference,
    riskCalibrationStress,
    riskBureauChange,
    riskMisuse,
    riskImplementation,
  ],
  notes: 'Likelihood and impact use the Bank\'s operational risk scales (ORM-STD-02). Residual risk is after the controls listed. Changes against the first submission: age disparate impact (High to Low), adverse action accuracy (Medium to Low), proxy race disparity (Medium to Low), new risk on the LDA performance cost.',
};

export const regulatoryReferences: SectionOfKind<'references'> = {
  key: 'regulatory_references',
  kind: 'references',
  title: 'Regulatory cross-references',
  references: [
    {
      key: 'ecoa',
      framework: 'Equal Credit Opportunity Act',
      citation: '15 U.S.C. 1691',
      url: 'https://www.law.cornell.edu/uscode/text/15/1691',
      relevance: 'Prohibits discrimination in any aspect of a credit transaction on the basis of race, color, religion, national origin, sex, marital status or age, receipt of public assistance, or good-faith exercise of CCPA rights.',
    },
    {
      key: 'reg-b-1002-4',
      framework: 'Regulation B',
      citation: '12 CFR 1002.4(a)',
      title: 'General rules: discrimination',
      url: 'https://www.ecfr.gov/current/title-12/chapter-X/part-1002/section-1002.4',
      relevance: 'The model and its cut-offs must not discriminate on a prohibited basis; disparate impact testing (Subgroup fairness section) evidences compliance, following the effects test in Official Interpretation 1002.6(a)-2.',
    },
    {
      key: 'reg-b-1002-2p',
      framework: 'Regulation B',
      citation: '12 CFR 1002.2(p)',
      title: 'Empirically derived, demonstrably and statistically sound credit scoring system',
      url: 'https://www.ecfr.gov/current/title-12/chapter-X/part-1002/section-1002.2',
      relevance: 'The model is developed from the Bank\'s own applicants, validated on a holdout and periodically revalidated, which qualifies it as such a system.',
    },
    {
      key: 'reg-b-1002-6',
      framework: 'Regulation B',
      citation: '12 CFR 1002.6(b)(2) and (b)(5)',
      title: 'Rules concerning evaluation of applications: age; income',
      url: 'https://www.ecfr.gov/current/title-12/chapter-X/part-1002/section-1002.6',
      relevance: 'Age is not a model input; applicants aged 62 or older must not be assigned a negative factor or value. Public assistance, pension and part-time income must be considered like other income.',
    },
    {
      key: 'reg-b-1002-9',
      framework: 'Regulation B',
      citation: '12 CFR 1002.9(a)(2) and (b)(2)',
      title: 'Notifications: statement of specific reasons',
      url: 'https://www.ecfr.gov/current/title-12/chapter-X/part-1002/section-1002.9',
      relevance: 'Adverse action notices must state the specific principal reasons for the decline; the model produces the top four reasons (Official Interpretation 1002.9(b)(2)-1 and -4 on credit scoring systems).',
    },
    {
      key: 'reg-b-1002-12',
      framework: 'Regulation B',
      citation: '12 CFR 1002.12(b)(1)',
      title: 'Record retention',
      url: 'https://www.ecfr.gov/current/title-12/chapter-X/part-1002/section-1002.12',
      relevance: 'Scoring records and notices are retained for 25 months after notice of action taken (Security and implementation controls section).',
    },
    {
      key: 'cfpb-circular-2022-03',
      framework: 'CFPB guidance',
      citation: 'CFPB Circular 2022-03',
      title: 'Adverse action notification requirements in connection with credit decisions based on complex algorithms',
      url: 'https://www.consumerfinance.gov/compliance/circulars/circular-2022-03-adverse-action-notification-requirements-in-connection-with-credit-decisions-based-on-complex-algorithms/',
      relevance: 'Creditors may not use models whose reasons they cannot explain accurately; supports the TreeSHAP reason method and its Legal review.',
    },
    {
      key: 'cfpb-circular-2023-03',
      framework: 'CFPB guidance',
      citation: 'CFPB Circular 2023-03',
      title: 'Adverse action notification requirements and the proper use of the CFPB\'s sample forms provided in Regulation B',
      relevance: 'Sample checklist reasons may be used only if they reflect the actual principal reasons; drove the rewording of reason statements.',
    },
    {
      key: 'fcra-604',
      framework: 'Fair Credit Reporting Act',
      citation: '15 U.S.C. 1681b(a)(3)(A) (FCRA §604)',
      url: 'https://www.law.cornell.edu/uscode/text/15/1681b',
      relevance: 'Permissible purpose for the consumer reports used at application and archived for development.',
    },
    {
      key: 'fcra-615',
      framework: 'Fair Credit Reporting Act',
      citation: '15 U.S.C. 1681m(a) (FCRA §615(a))',
      url: 'https://www.law.cornell.edu/uscode/text/15/1681m',
      relevance: 'Adverse action based on a consumer report requires the bureau\'s contact details, the credit score used and its key factors in the notice.',
    },
    {
      key: 'sr-11-7',
      framework: 'Federal Reserve / OCC supervisory guidance',
      citation: 'SR 11-7, sections IV (development, implementation and use), V (validation) and VI (governance)',
      title: 'Supervisory Guidance on Model Risk Management',
      url: 'https://www.federalreserve.gov/supervisionreg/srletters/sr1107.htm',
      relevance: 'Basis of the Bank\'s MRM policy MRM-001: independent validation (Independent validation findings section), ongoing monitoring and outcomes analysis (Human oversight section), model inventory.',
    },
    {
      key: 'occ-2011-12',
      framework: 'OCC',
      citation: 'OCC Bulletin 2011-12',
      title: 'Sound Practices for Model Risk Management',
      url: 'https://www.occ.gov/news-issuances/bulletins/2011/bulletin-2011-12.html',
      relevance: 'OCC adoption of the interagency model risk guidance for national banks; same requirements as SR 11-7.',
    },
    {
      key: 'occ-2023-17',
      framework: 'Interagency guidance',
      citation: 'OCC Bulletin 2023-17',
      title: 'Third-Party Relationships: Interagency Guidance on Risk Management',
      relevance: 'The bureau data vendor (Experian) is a critical third party; attribute changes and outages are managed under the Bank\'s third-party risk program.',
    },
    {
      key: 'ffiec-fair-lending',
      framework: 'FFIEC',
      citation: 'Interagency Fair Lending Examination Procedures (2009)',
      relevance: 'Examiners review credit scoring systems for prohibited-basis variables and disparate impact; the testing and LDA documentation in this package are prepared for that review.',
    },
  ],
};

/** Version 2: the retrained, mitigated model; discrimination slightly lower, still passing. */
export const evaluationV2: SectionOfKind<'metric_table'> = {
  ...evaluation,
  metrics: evaluation.metrics.map((metric) => {
    const updated: Record<string, number> = { auc: 0.774, gini: 0.548, ks: 0.412, brier: 0.0415 };
    const value = updated[metric.key];
    return value === undefined ? metric : { ...metric, value };
  }),
};
