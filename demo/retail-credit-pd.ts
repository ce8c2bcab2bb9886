// Demo package: Retail Credit PD 4.2.0, a tier 1 consumer lending model.
// Version 1 fails the fair lending threshold for applicants aged 62 and over;
// version 2 is the resubmission that fixes it. Sections that did not change are
// the same objects in both versions, so their canonical bytes are identical.

import type { PackageContent } from '#domain/contracts/package-content.ts';
import { packageSchemaVersion } from '#domain/contracts/package-content.ts';
import type { SectionOfKind } from '#domain/contracts/sections.ts';
import {
  designMethodologyV1Markdown,
  designMethodologyV2Markdown,
  humanOversightMarkdown,
  intendedUseMarkdown,
  securityControlsMarkdown,
  validationFindingsV1Markdown,
  validationFindingsV2Markdown,
} from './retail-credit-pd-narratives.ts';
import {
  evaluation,
  evaluationV2,
  limitationsRisksV1,
  limitationsRisksV2,
  regulatoryReferences,
  subgroupFairnessV1,
  subgroupFairnessV2,
  trainingData,
} from './retail-credit-pd-tables.ts';

const identificationV1: SectionOfKind<'identification'> = {
  key: 'identification',
  kind: 'identification',
  title: 'Identification',
  modelKey: 'retail-credit-pd',
  modelName: 'Retail Credit PD',
  versionLabel: '4.2.0',
  ownerTeam: 'Consumer Credit Risk Analytics',
  ownerContact: 'owner@example.com',
  riskTier: 1,
  businessLine: 'Consumer lending',
  modelType: 'binary_classification',
  changeSummary: `## Changes from 4.1.3 (in production since September 2022)

- **Algorithm**: LightGBM 4.3.0 replaces XGBoost 1.6; isotonic calibration replaces Platt scaling.
- **Data window**: applications from July 2019 to December 2022 (4.1.3: 2016 to 2019), so the model has seen post-pandemic behavior; pandemic-era applications are down-weighted by 0.5.
- **Features**: 64 features (4.1.3: 41), including 11 Experian Trended 3D attributes and 7 deposit relationship attributes for existing customers.
- **Reject inference**: fuzzy augmentation using bureau outcomes of declined applicants (4.1.3: simple parceling).
- **Calibration target**: long-run average default rate updated from 4.6% to 5.2%.
- **Adverse action reasons**: reason library revised to 48 statements, derived from TreeSHAP contributions instead of points-below-maximum.
- **Scope**: overdraft lines of credit added to personal loans and credit cards.

## Expected effect

AUC on the out-of-time holdout rises from 0.752 to 0.781. At constant approval rate, the bad rate of approved applications falls from 3.74% to 3.41%.

## Submission

First submission, 10 March 2025, by Daniel Okafor (Director, Consumer Credit Risk Analytics). Validation report VR-2025-031 is attached in the Independent validation findings section.
`,
};

const identificationV2: SectionOfKind<'identification'> = {
  ...identificationV1,
  changeSummary: `## Resubmission 2 of 4.2.0

This version answers the rejection by Fair Lending Compliance of 28 March 2025. Sections changed: identification, design and methodology, subgroup fairness, limitations and risks, independent validation findings.

| Rejection concern | What changed | Where |
| --- | --- | --- |
| Approval-rate ratio for applicants aged 62+ is 0.78, below 0.80 | Less discriminatory alternative LDA-17: monotonic constraints extended to 38 features, income-ratio feature replaced with verified DTI, training sample reweighed by age band and outcome. Ratio now **0.86**. | Design and methodology; Subgroup fairness |
| Model over-predicts risk for 62+ applicants | Calibration gap reduced from 0.9 to 0.3 percentage point. | Subgroup fairness |
| Reason statement inaccurate for long, inactive files (F-02) | Constraint removes the adverse contribution above 48 months; statement reworded and approved by Legal. | Design and methodology; Independent validation findings |
| Residual risk on age disparate impact was High | Now Low, with monthly monitoring by age band (amber 0.82, red 0.80). | Known limitations, risks and mitigations |

## Performance trade-off

Holdout AUC falls from 0.781 to **0.774** (policy threshold 0.75), KS from 0.421 to 0.412. The expected additional charge-offs (about $1.6 million a year at constant approval rate) were accepted by the Consumer Credit Risk Committee on 15 April 2025.

## Changes from 4.1.3 (unchanged from the first submission)

LightGBM 4.3.0 with isotonic calibration; July 2019 to December 2022 development window; 64 features including Trended 3D and deposit relationship attributes; fuzzy-augmentation reject inference; 48 TreeSHAP-based reason statements; overdraft lines of credit added to scope.

## Submission

Resubmitted 22 April 2025 by Daniel Okafor (Director, Consumer Credit Risk Analytics), with MRM revalidation addendum VR-2025-031-A1.
`,
};

const intendedUse: SectionOfKind<'narrative'> = {
  key: 'intended_use',
  kind: 'narrative',
  title: 'Intended use and deployment scope',
  markdown: intendedUseMarkdown,
};

const designMethodologyV1: SectionOfKind<'narrative'> = {
  key: 'design_methodology',
  kind: 'narrative',
  title: 'Design and methodology',
  markdown: designMethodologyV1Markdown,
};

const designMethodologyV2: SectionOfKind<'narrative'> = { ...designMethodologyV1, markdown: designMethodologyV2Markdown };

const humanOversight: SectionOfKind<'narrative'> = {
  key: 'human_oversight',
  kind: 'narrative',
  title: 'Human oversight and monitoring',
  markdown: humanOversightMarkdown,
};

const validationFindingsV1: SectionOfKind<'narrative'> = {
  key: 'validation_findings',
  kind: 'narrative',
  title: 'Independent validation findings',
  markdown: validationFindingsV1Markdown,
};

const validationFindingsV2: SectionOfKind<'narrative'> = { ...validationFindingsV1, markdown: validationFindingsV2Markdown };

const securityControls: SectionOfKind<'narrative'> = {
  key: 'security_controls',
  kind: 'narrative',
  title: 'Security and implementation controls',
  markdown: securityControlsMarkdown,
};

/** First submission: fails the fair lending threshold for applicants aged 62 and over. */
export const retailCreditPdV1: PackageContent = {
  schemaVersion: packageSchemaVersion,
  sections: [
    identificationV1,
    intendedUse,
    designMethodologyV1,
    trainingData,
    evaluation,
    subgroupFairnessV1,
    limitationsRisksV1,
    humanOversight,
    validationFindingsV1,
    regulatoryReferences,
    securityControls,
  ],
};

/** Resubmission after the fair lending rejection; unchanged sections are the same objects as in version 1. */
export const retailCreditPdV2: PackageContent = {
  schemaVersion: packageSchemaVersion,
  sections: [
    identificationV2,
    intendedUse,
    designMethodologyV2,
    trainingData,
    evaluationV2,
    subgroupFairnessV2,
    limitationsRisksV2,
    humanOversight,
    validationFindingsV2,
    regulatoryReferences,
    securityControls,
  ],
};
