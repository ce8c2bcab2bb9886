// Demo package: Clinical Deterioration Risk 2.0.1, a tier 1 inpatient early-warning
// model of a five-hospital health system.

import type { PackageContent } from '#domain/contracts/package-content.ts';
import { packageSchemaVersion } from '#domain/contracts/package-content.ts';
import type { SectionOfKind } from '#domain/contracts/sections.ts';
import {
  clinicalChangeSummary,
  clinicalDesignMarkdown,
  clinicalHumanOversightMarkdown,
  clinicalIntendedUseMarkdown,
  clinicalSecurityMarkdown,
  clinicalValidationMarkdown,
} from './clinical-risk-narratives.ts';

type SubgroupRow = SectionOfKind<'subgroup_table'>['rows'][number];

const identification: SectionOfKind<'identification'> = {
  key: 'identification',
  kind: 'identification',
  title: 'Identification',
  modelKey: 'clinical-deterioration-risk',
  modelName: 'Clinical Deterioration Risk (adult inpatient early warning)',
  versionLabel: '2.0.1',
  ownerTeam: 'Clinical Data Science, Department of Clinical Informatics',
  ownerContact: 'owner@example.com',
  riskTier: 1,
  businessLine: 'Clinical operations',
  modelType: 'binary_classification',
  changeSummary: clinicalChangeSummary,
};

const trainingData: SectionOfKind<'lineage'> = {
  key: 'training_data',
  kind: 'lineage',
  title: 'Training data provenance',
  datasets: [
    {
      key: 'epic-adt-encounters',
      name: 'Inpatient encounters and ADT events (Epic Clarity)',
      version: 'Clarity extract 2024-10-15 (Epic February 2024 release)',
      location: 'snowflake://CLINICAL_EDW.EPIC_CLARITY.PAT_ENC_HSP and CLINICAL_EDW.EPIC_CLARITY.CLARITY_ADT',
      rows: 313_292,
      period: 'Admissions 2019-01-01 to 2024-09-30',
      authorization:
        'Use of PHI for health care operations (quality assessment and improvement, 45 CFR 164.501 and 164.506(c)(1)); Data Governance Council approval DGC-2023-041; IRB determination 2023-0417-QI (quality improvement, not human subjects research).',
      sensitiveAttributes: ['PHI: MRN, encounter dates, unit and bed', 'Age', 'Sex', 'Race and ethnicity (self-reported)', 'Payer', 'Preferred language'],
      derivedFrom: [],
    },
    {
      key: 'epic-flowsheets',
      name: 'Vital signs and nursing assessments (flowsheet measurements)',
      version: 'Clarity extract 2024-10-15; flowsheet row map fr-map-2.0.1',
      location: 'snowflake://CLINICAL_EDW.EPIC_CLARITY.IP_FLWSHT_MEAS',
      rows: 418_906_233,
      period: 'Admissions 2019-01-01 to 2024-09-30',
      authorization: 'As for the encounter extract (health care operations; DGC-2023-041).',
      sensitiveAttributes: ['PHI: measurement timestamps'],
      derivedFrom: ['epic-adt-encounters'],
      description: '42 flowsheet rows mapped to 11 vital-sign and assessment concepts; version 2.0.1 adds the two rows of the new monitor interface at Riverside and Westfield.',
    },
    {
      key: 'epic-lab-results',
      name: 'Laboratory results',
      version: 'Clarity extract 2024-10-15; LOINC map lab-map-7',
      location: 'snowflake://CLINICAL_EDW.EPIC_CLARITY.ORDER_RESULTS',
      rows: 96_412_870,
      period: 'Admissions 2019-01-01 to 2024-09-30',
      authorization: 'As for the encounter extract (health care operations; DGC-2023-041).',
      sensitiveAttributes: ['PHI: result timestamps', 'HIV and genetic test results excluded at extraction'],
      derivedFrom: ['epic-adt-encounters'],
      description: '12 analytes mapped by LOINC code. Lactate values before 2024-06-10 harmonized by -0.2 mmol/L for the analyzer change (method comparison study LAB-MC-2024-07).',
    },
    {
      key: 'outcome-registries',
      name: 'Outcome sources: code blue registry, procedure log, medication administration',
      version: 'Resuscitation registry 2024-10-01; MAR extract 2024-10-15',
      location: 'snowflake://CLINICAL_EDW.QUALITY.RESUSCITATION_EVENTS; CLINICAL_EDW.EPIC_CLARITY.MAR_ADMIN_INFO',
      rows: 1_284_118,
      period: '2019-01-01 to 2024-09-30',
      authorization: 'Quality program data (health care operations; Resuscitation Committee data use approval RC-2023-06).',
      sensitiveAttributes: ['PHI: event timestamps', 'Code status'],
      derivedFrom: ['epic-adt-encounters'],
    },
    {
      key: 'chart-review-labels',
      name: 'Chart review of sampled deterioration events',
      version: 'label-audit-2024-03',
      location: 'REDCap project 1187 (Clinical Data Science), export in abfss://cdr-dev@hsclinicalml.dfs.core.windows.net/label-audit/2024-03/',
      rows: 1_200,
      period: 'Events 2019 to 2023',
      authorization: 'Health care operations; abstractors are workforce members with role-based access (DGC-2023-041).',
      sensitiveAttributes: ['PHI: abstracted clinical details'],
      derivedFrom: ['outcome-registries', 'epic-adt-encounters'],
      description: 'Two nurse abstractors, inter-rater kappa 0.91; 96.8% of sampled events confirmed.',
    },
    {
      key: 'cdr-deid-dev',
      name: 'CDR development dataset (hourly snapshots, de-identified)',
      version: 'cdr-dev-2.0.1 (expert determination ED-2024-019)',
      location: 'abfss://cdr-dev@hsclinicalml.dfs.core.windows.net/datasets/cdr-dev-2.0.1/ (Delta)',
      rows: 26_105_519,
      period: 'Admissions 2019-01-01 to 2023-12-31 (Central, North, East)',
      authorization:
        'De-identified by expert determination under 45 CFR 164.514(b)(1) (Biostatistical Privacy Associates, certificate ED-2024-019, valid through 2026-06-30); dates shifted per patient, ages over 89 aggregated, free text removed.',
      sensitiveAttributes: ['Age (top-coded at 90)', 'Sex', 'Race and ethnicity', 'Payer (evaluation only, not model inputs)'],
      derivedFrom: ['epic-adt-encounters', 'epic-flowsheets', 'epic-lab-results', 'outcome-registries'],
      description: 'Train (17,644,518 patient-hours) and validation (8,461,001 patient-hours) splits.',
    },
    {
      key: 'cdr-holdout-2024',
      name: 'CDR temporal and external holdout (hourly snapshots, de-identified)',
      version: 'holdout-2024q1q3-v2',
      location: 'abfss://cdr-dev@hsclinicalml.dfs.core.windows.net/datasets/holdout-2024q1q3-v2/ (Delta, read-only)',
      rows: 5_862_417,
      period: 'Admissions 2024-01-01 to 2024-09-30, all five hospitals',
      authorization: 'As for the development dataset (expert determination ED-2024-019). Frozen on 2024-10-20, before any 2.0.x model selection.',
      sensitiveAttributes: ['Age (top-coded at 90)', 'Sex', 'Race and ethnicity', 'Payer (evaluation only, not model inputs)'],
      derivedFrom: ['epic-adt-encounters', 'epic-flowsheets', 'epic-lab-results', 'outcome-registries'],
      description: '58,214 encounters, 2,387 with a deterioration event.',
    },
  ],
  notes:
    'Identifiable extracts stay in the clinical EDW; only the de-identified datasets are available in the development workspace. Data lineage and the de-identification certificate were reviewed by the Privacy Office (Jennifer Walsh, Chief Privacy Officer) on 3 February 2025.',
};

const evaluation: SectionOfKind<'metric_table'> = {
  key: 'evaluation',
  kind: 'metric_table',
  title: 'Evaluation against policy thresholds',
  dataset: { name: 'CDR temporal and external holdout, adult ward patient-hours (admissions 2024-01 to 2024-09)', version: 'holdout-2024q1q3-v2', rows: 5_862_417 },
  metrics: [
    { key: 'auroc', name: 'AUROC, 12-hour horizon (observation level)', value: 0.942, threshold: { operator: '>=', value: 0.85 } },
    {
      key: 'auroc-encounter',
      name: 'AUROC (encounter level, maximum score before event or discharge)',
      value: 0.873,
      threshold: { operator: '>=', value: 0.8 },
    },
    { key: 'auprc', name: 'Area under the precision-recall curve (prevalence 0.49%)', value: 0.214, threshold: { operator: '>=', value: 0.15 } },
    {
      key: 'sensitivity',
      name: 'Sensitivity at operating point 60 (event encounters alerted within 12 hours before the event)',
      value: 0.71,
      threshold: { operator: '>=', value: 0.65 },
    },
    { key: 'ppv', name: 'Positive predictive value at operating point 60 (alerts followed by an event within 12 hours)', value: 0.24, threshold: { operator: '>=', value: 0.2 } },
    { key: 'specificity', name: 'Specificity at operating point 60 (patient-hours)', value: 0.968, threshold: { operator: '>=', value: 0.95 } },
    { key: 'alert-rate', name: 'Alerts per 100 patient-days', value: 2.9, threshold: { operator: '<=', value: 4 }, unit: 'alerts' },
    { key: 'lead-time', name: 'Median lead time from first alert to event', value: 7.4, threshold: { operator: '>=', value: 4 }, unit: 'hours' },
    { key: 'brier', name: 'Brier score', value: 0.0043, threshold: { operator: '<=', value: 0.01 } },
    { key: 'ece', name: 'Expected calibration error (15 equal-mass bins)', value: 0.0036, threshold: { operator: '<=', value: 0.02 } },
    {
      key: 'calibration-drift',
      name: 'Calibration drift: change in ECE from the holdout to the prospective silent-mode period',
      value: 0.008,
      threshold: { operator: '<', value: 0.01 },
      note: 'ECE 0.0116 on 2.0.1 replayed over the silent-mode period (October to December 2024) against 0.0036 on the holdout. Mostly explained by a lower event rate in Q4; below the recalibration trigger.',
    },
    { key: 'availability', name: 'Score availability (eligible patient-hours with a valid score)', value: 0.991, threshold: { operator: '>=', value: 0.98 } },
  ],
  notes:
    'Thresholds are those of the Health System\'s Clinical AI Policy CAI-POL-002, appendix B, for tier 1 predictive decision support. Metrics were computed by Clinical Data Science and reproduced by the AI Assurance Lab (see Independent validation findings); confidence intervals (1,000 encounter-level bootstrap replicates) are in the development report, e.g. AUROC 0.942 (95% CI 0.938 to 0.946), sensitivity 0.71 (0.69 to 0.73).',
};

const subgroupMetrics: SectionOfKind<'subgroup_table'>['metrics'] = [
  { key: 'auroc', name: 'AUROC (observation level)', threshold: { operator: '>=', value: 0.85 } },
  { key: 'sensitivity', name: 'Sensitivity at operating point 60', threshold: { operator: '>=', value: 0.65 } },
  { key: 'ece', name: 'Expected calibration error', threshold: { operator: '<=', value: 0.02 } },
];

function row(key: string, attribute: string, group: string, encounters: number, auroc: number, sensitivity: number, ece: number): SubgroupRow {
  return { key, attribute, group, sampleSize: encounters, values: { auroc, sensitivity, ece } };
}

const subgroupFairness: SectionOfKind<'subgroup_table'> = {
  key: 'subgroup_fairness',
  kind: 'subgroup_table',
  title: 'Subgroup fairness',
  referenceGroup: 'Whole holdout population (AUROC 0.942, sensitivity 0.71, ECE 0.0036)',
  metrics: subgroupMetrics,
  rows: [
    row('age-18-44', 'Age band', '18 to 44', 9_812, 0.951, 0.69, 0.0051),
    row('age-45-64', 'Age band', '45 to 64', 17_406, 0.944, 0.72, 0.0042),
    row('age-65-79', 'Age band', '65 to 79', 19_377, 0.937, 0.72, 0.004),
    row('age-80-plus', 'Age band', '80 and over', 11_619, 0.921, 0.67, 0.0061),
    row('sex-female', 'Sex', 'Female', 30_106, 0.945, 0.7, 0.0045),
    row('sex-male', 'Sex', 'Male', 28_108, 0.939, 0.72, 0.0042),
    row('race-white', 'Race and ethnicity (self-reported)', 'White, non-Hispanic', 33_910, 0.943, 0.71, 0.0041),
    row('race-black', 'Race and ethnicity (self-reported)', 'Black, non-Hispanic', 12_486, 0.938, 0.7, 0.0052),
    row('race-hispanic', 'Race and ethnicity (self-reported)', 'Hispanic or Latino', 6_905, 0.944, 0.72, 0.0057),
    row('race-asian', 'Race and ethnicity (self-reported)', 'Asian, non-Hispanic', 2_614, 0.947, 0.69, 0.0078),
    row('race-other-unknown', 'Race and ethnicity (self-reported)', 'Other, multiple, unknown or declined', 2_299, 0.929, 0.68, 0.0094),
    row('payer-medicare', 'Primary payer', 'Medicare (including Medicare Advantage)', 27_015, 0.935, 0.71, 0.0044),
    row('payer-medicaid', 'Primary payer', 'Medicaid', 11_240, 0.941, 0.7, 0.0055),
    row('payer-commercial', 'Primary payer', 'Commercial', 16_890, 0.95, 0.72, 0.0039),
    row('payer-self-pay', 'Primary payer', 'Self-pay or uninsured', 3_069, 0.918, 0.66, 0.0121),
  ],
  notes:
    'Sample sizes are encounters in the 2024 holdout (58,214 in total). All groups meet the thresholds of CAI-POL-002. Closest to threshold: sensitivity for patients aged 80 and over (0.67; validation finding V-01) and for self-pay or uninsured patients (0.66, n = 3,069, 95% CI 0.60 to 0.72), who more often arrive late in their illness through the emergency department. Race and ethnicity are not model inputs. Because pulse oximetry can overestimate saturation in patients with darker skin, a sensitivity analysis with simulated occult hypoxemia was run (finding V-02): sensitivity for Black patients fell from 0.70 to 0.67, still above threshold. The analysis supports the Health System\'s obligation under 45 CFR 92.210 to identify and mitigate discrimination risk in patient care decision support tools.',
};

const limitationsRisks: SectionOfKind<'risk_register'> = {
  key: 'limitations_risks',
  kind: 'risk_register',
  title: 'Known limitations, risks and mitigations',
  risks: [
    {
      key: 'alert-fatigue',
      title: 'Alert fatigue',
      description: 'False alerts (76% of alerts at the operating point are not followed by an event within 12 hours) may lead nurses to dismiss alerts without assessment.',
      likelihood: 'likely',
      impact: 'moderate',
      controls: ['Operating point chosen with the nursing practice council (2.9 alerts per 100 patient-days)', '8-hour suppression after acknowledgement', 'Weekly alert-volume monitoring per unit; response-time monitoring'],
      residualRisk: 'medium',
      owner: 'Karen O\'Neill, RN, Director of Nursing Informatics',
    },
    {
      key: 'automation-bias',
      title: 'Over-reliance on a low score',
      description: 'Clinicians may be falsely reassured by a low score and delay escalation of a patient they are worried about; 29% of deteriorations are not preceded by an alert.',
      likelihood: 'possible',
      impact: 'major',
      controls: ['Education module required before go-live (score does not replace judgment or RRT criteria)', 'RRT calling criteria and MEWS unchanged', 'Safety event category for AI-related events'],
      residualRisk: 'medium',
      owner: 'Dr. Anita Desai, Chief Medical Information Officer',
    },
    {
      key: 'pulse-oximetry-bias',
      title: 'Pulse oximetry bias in patients with darker skin pigmentation',
      description: 'SpO2 can overestimate arterial saturation, hiding hypoxemia and lowering the score for Black patients (finding V-02).',
      likelihood: 'possible',
      impact: 'major',
      controls: ['Arterial blood gas values take precedence when present', 'Quarterly subgroup monitoring by race and ethnicity', 'Reassessment at monitor fleet replacement'],
      residualRisk: 'medium',
      owner: 'Dr. Samuel Ortiz, Director, AI Assurance Lab',
    },
    {
      key: 'intervention-feedback',
      title: 'Measured performance degraded by the model\'s own success',
      description: 'Interventions prompted by alerts prevent some events, so post-go-live metrics understate discrimination and a later retraining would learn from confounded labels.',
      likelihood: 'almost_certain',
      impact: 'moderate',
      controls: ['5% withheld-alert evaluation stream', 'Retraining only on pre-go-live data or with the withheld stream, decided by the oversight committee'],
      residualRisk: 'medium',
      owner: 'Dr. Marcus Lee, Lead Data Scientist',
    },
    {
      key: 'source-system-change',
      title: 'Silent input changes from source systems',
      description: 'EHR upgrades, new monitors or laboratory method changes alter inputs without any model change; two such changes were found during the silent run.',
      likelihood: 'possible',
      impact: 'major',
      controls: ['Daily score availability and weekly PSI monitoring per hospital', 'Change notices from Epic, biomedical engineering and the laboratory routed to Clinical Data Science', 'Re-review trigger on source system changes'],
      residualRisk: 'medium',
      owner: 'Dr. Marcus Lee, Lead Data Scientist',
    },
    {
      key: 'stale-data',
      title: 'Scores based on stale vital signs',
      description: '2.7% of scores use vital signs older than 4 hours, mostly overnight (finding V-03).',
      likelihood: 'likely',
      impact: 'minor',
      controls: ['"Last vitals" timestamp shown next to the score', 'Values carried forward for at most 12 hours'],
      residualRisk: 'low',
      owner: 'Karen O\'Neill, RN, Director of Nursing Informatics',
    },
    {
      key: 'fda-device-status',
      title: 'Regulatory status as a medical device',
      description: 'Under FDA\'s 2022 CDS guidance, software that alerts clinicians to time-critical deterioration is a device function (criterion 3 is not met). Use of an in-house device function creates regulatory exposure.',
      likelihood: 'possible',
      impact: 'major',
      controls: ['Regulatory Affairs memo RA-2025-003 on file', 'Design controls, risk management and complaint handling aligned with ISO 14971 and 21 CFR 820', 'Pre-submission (Q-Sub) request to CDRH planned for Q2 2025'],
      residualRisk: 'medium',
      owner: 'Lauren Fisher, Director of Regulatory Affairs',
    },
    {
      key: 'phi-exposure',
      title: 'Exposure of PHI from development or scoring environments',
      description: 'A breach of the scoring store or development workspace would expose patient information.',
      likelihood: 'rare',
      impact: 'severe',
      controls: ['De-identified development data (expert determination)', 'HIPAA technical safeguards listed in the Security section', 'Annual risk analysis and penetration test'],
      residualRisk: 'low',
      owner: 'Victor Huang, Chief Information Security Officer',
    },
    {
      key: 'subgroup-under-performance',
      title: 'Lower sensitivity for patients aged 80 and over and for uninsured patients',
      description: 'Both groups are within 0.02 of the sensitivity threshold.',
      likelihood: 'possible',
      impact: 'moderate',
      controls: ['Quarterly subgroup monitoring with health equity review', 'Structured delirium screen to be added to flowsheets (Q3 2025)'],
      residualRisk: 'low',
      owner: 'Dr. Samuel Ortiz, Director, AI Assurance Lab',
    },
  ],
  notes: 'Scales follow the Health System\'s enterprise risk management standard ERM-02. Residual risks of medium require oversight-committee acceptance, recorded in the minutes of 11 February 2025.',
};

const references: SectionOfKind<'references'> = {
  key: 'regulatory_references',
  kind: 'references',
  title: 'Regulatory cross-references',
  references: [
    {
      key: 'hipaa-164-502',
      framework: 'HIPAA Privacy Rule',
      citation: '45 CFR 164.502(a) and (b)',
      title: 'Uses and disclosures of protected health information: general rules; minimum necessary',
      url: 'https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.502',
      relevance: 'PHI is used for health care operations and treatment only, limited to the data elements the model needs.',
    },
    {
      key: 'hipaa-164-506',
      framework: 'HIPAA Privacy Rule',
      citation: '45 CFR 164.506(c)(1)',
      title: 'Uses and disclosures to carry out treatment, payment, or health care operations',
      relevance: 'Development and monitoring are quality assessment and improvement activities (health care operations, 164.501).',
    },
    {
      key: 'hipaa-164-514',
      framework: 'HIPAA Privacy Rule',
      citation: '45 CFR 164.514(b)(1)',
      title: 'De-identification by expert determination',
      url: 'https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.514',
      relevance: 'The development and holdout datasets are de-identified under certificate ED-2024-019.',
    },
    {
      key: 'hipaa-164-312',
      framework: 'HIPAA Security Rule',
      citation: '45 CFR 164.312(a) to (e)',
      title: 'Technical safeguards',
      url: 'https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C/section-164.312',
      relevance: 'Access control, audit controls, integrity, authentication and transmission security of the scoring service (Security section).',
    },
    {
      key: 'hipaa-164-308',
      framework: 'HIPAA Security Rule',
      citation: '45 CFR 164.308(a)(1)(ii)(A)',
      title: 'Risk analysis',
      relevance: 'The scoring service is included in the annual security risk analysis.',
    },
    {
      key: 'part-2',
      framework: 'Confidentiality of SUD patient records',
      citation: '42 CFR Part 2',
      relevance: 'Records of the Health System\'s Part 2 substance use disorder programs are excluded from extraction.',
    },
    {
      key: 'fda-cds',
      framework: 'FDA guidance',
      citation: 'Clinical Decision Support Software: Guidance for Industry and FDA Staff (September 2022); FD&C Act section 520(o)(1)(E)',
      url: 'https://www.fda.gov/regulatory-information/search-fda-guidance-documents/clinical-decision-support-software',
      relevance: 'Time-critical alerts for patient deterioration do not meet criterion 3 and are device functions; the Health System\'s position and planned pre-submission are in memo RA-2025-003 (risk register).',
    },
    {
      key: 'fda-pulse-ox',
      framework: 'FDA safety communication',
      citation: 'Pulse Oximeter Accuracy and Limitations: FDA Safety Communication (19 February 2021)',
      relevance: 'Basis of the occult hypoxemia sensitivity analysis (validation finding V-02).',
    },
    {
      key: 'onc-hti-1-dsi',
      framework: 'ONC HTI-1 final rule',
      citation: '45 CFR 170.315(b)(11)(iv) and (vi); Predictive DSI definition in 45 CFR 170.102',
      title: 'Decision support interventions: source attributes; intervention risk management',
      url: 'https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-D/part-170/subpart-C/section-170.315',
      relevance: 'CDR is a predictive DSI delivered through certified health IT; the Health System completes the source attributes (intended use, training data, performance, subgroup results, monitoring) so that users can review them in the EHR. This package is the source of those attributes.',
    },
    {
      key: 'aca-1557-92-210',
      framework: 'ACA Section 1557 final rule',
      citation: '45 CFR 92.210',
      title: 'Nondiscrimination in the use of patient care decision support tools',
      relevance: 'Requires reasonable efforts to identify tools that use protected characteristics as inputs (age is an input here) and to mitigate discrimination risk; addressed by the Subgroup fairness section and quarterly equity review.',
    },
    {
      key: 'cms-cop-482-21',
      framework: 'CMS Conditions of Participation',
      citation: '42 CFR 482.21',
      title: 'Quality assessment and performance improvement program',
      relevance: 'Deployment and monitoring of CDR are part of the hospitals\' QAPI program, reported to the Board Quality and Patient Safety Committee.',
    },
  ],
};

const narrative = (key: string, title: string, markdown: string): SectionOfKind<'narrative'> => ({ key, kind: 'narrative', title, markdown });

export const clinicalRiskV1: PackageContent = {
  schemaVersion: packageSchemaVersion,
  sections: [
    identification,
    narrative('intended_use', 'Intended use and deployment scope', clinicalIntendedUseMarkdown),
    narrative('design_methodology', 'Design and methodology', clinicalDesignMarkdown),
    trainingData,
    evaluation,
    subgroupFairness,
    limitationsRisks,
    narrative('human_oversight', 'Human oversight and monitoring', clinicalHumanOversightMarkdown),
    narrative('validation_findings', 'Independent validation findings', clinicalValidationMarkdown),
    references,
    narrative('security_controls', 'Security and implementation controls', clinicalSecurityMarkdown),
  ],
};
