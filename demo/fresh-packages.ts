import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { CategoryAssessment } from '#domain/contracts/risk-assessment.ts';
import { demoRiskAnswers } from './demo-risk-assessments.ts';
import { retailCreditPdV1 } from './retail-credit-pd.ts';

// A fresh copy of the demo credit model that can be approved (docs/decisions/0141): version 1's
// content, under a new version label, with the one blocking failure of the consumer-credit
// policy lifted (the approval ratio of applicants aged 62 and over at 0.81 instead of 0.78),
// and tier 1 risk assessment answers (model risk records them: an owner's own is a proposal,
// 0165), for tests and tours that take a new package through its chain. The rest is version 1
// as it was, so a spec resubmitting version 2's sections still changes them.

export function approvableCreditContent(versionLabel: string): PackageContent {
  return {
    ...retailCreditPdV1,
    sections: retailCreditPdV1.sections.map((s) => {
      if (s.kind === 'identification') return { ...s, versionLabel };
      if (s.kind !== 'subgroup_table') return s;
      return { ...s, rows: s.rows.map((row) => (row.key === 'age-62-plus' && row.values['approval-ratio'] !== undefined ? { ...row, values: { ...row.values, 'approval-ratio': 0.81 } } : row)) };
    }),
  };
}

export function creditRiskAnswers(): CategoryAssessment[] {
  const answers = demoRiskAnswers('retail-credit-pd');
  if (!answers) throw new Error('The demo credit model has risk answers');
  return answers;
}
