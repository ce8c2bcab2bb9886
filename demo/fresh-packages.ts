import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { CategoryAssessment } from '#domain/contracts/risk-assessment.ts';
import { demoRiskAnswers } from './demo-risk-assessments.ts';
import { retailCreditPdV2 } from './retail-credit-pd.ts';

// A fresh copy of the demo credit model that can be approved (docs/decisions/0141): the
// compliant version 2 content (version 1 fails the blocking four-fifths bar of the
// consumer-credit policy) under a new version label, and the owner's tier 1 risk assessment
// answers, for tests and tours that take a new package through its chain.

export function approvableCreditContent(versionLabel: string): PackageContent {
  return { ...retailCreditPdV2, sections: retailCreditPdV2.sections.map((s) => (s.kind === 'identification' ? { ...s, versionLabel } : s)) };
}

export function creditRiskAnswers(): CategoryAssessment[] {
  const answers = demoRiskAnswers('retail-credit-pd');
  if (!answers) throw new Error('The demo credit model has risk answers');
  return answers;
}
