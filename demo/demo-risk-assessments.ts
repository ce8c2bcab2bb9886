import { riskCategories, type CategoryAssessment, type RiskCategory } from '#domain/contracts/risk-assessment.ts';

// The demo packages' risk assessments, scored by the standard method version 1 (migration 031)
// to the tier each package declares, so the demo shows tiers without re-routing a workflow
// already under way. Every category is low (2 x 2, no controls: residual 4) except the ones
// that drive the tier, with the owner's rationale.

type Driver = Partial<Record<RiskCategory, Pick<CategoryAssessment, 'likelihood' | 'impact' | 'controls' | 'rationale'>>>;

const drivers: Record<string, Driver> = {
  // Tier 1: fairness 4 x 4 without controls (16).
  'retail-credit-pd': {
    fairness: { likelihood: 4, impact: 4, controls: 'none', rationale: 'Credit decisions for consumers; disparate impact on protected classes is likely and costly (ECOA, Regulation B).' },
    regulatory: { likelihood: 3, impact: 4, controls: 'partial', rationale: 'Capital and provisioning figures depend on it (SR 11-7, IFRS 9); validation partly covers it.' },
  },
  // Tier 1: model quality 5 x 4 with partial controls (20 less 25 %: 15).
  'clinical-deterioration-risk': {
    model_quality: { likelihood: 5, impact: 4, controls: 'partial', rationale: 'A missed deterioration harms a patient; calibration drifts with case mix, watched monthly.' },
    privacy: { likelihood: 2, impact: 5, controls: 'effective', rationale: 'Protected health information; access controls and de-identification in place.' },
  },
  // Tier 2: security 4 x 4 with partial controls (12).
  'card-fraud-detection': {
    security: { likelihood: 4, impact: 4, controls: 'partial', rationale: 'Adversaries probe the scoring service; segmentation and rate limits partly contain it.' },
  },
  // Tier 2: privacy 4 x 3 without controls (12).
  'support-assistant-llm': {
    privacy: { likelihood: 4, impact: 3, controls: 'none', rationale: 'Customers paste personal data into chats; answers may repeat it.' },
  },
};

/** The answers for a demo model, or null for a model without a demo assessment. */
export function demoRiskAnswers(modelKey: string): CategoryAssessment[] | null {
  const driver = drivers[modelKey];
  if (!driver) return null;
  return riskCategories.map((category) => ({ category, likelihood: 2, impact: 2, controls: 'none', rationale: `Low ${category.replace('_', ' ')} risk for this use.`, ...driver[category] }));
}
