import type { ControlEffectiveness, RiskCategory } from '#domain/contracts/risk-assessment.ts';
import { isApiProblem } from '#src/lib/api-problem.ts';

// How the assessment's vocabulary reads on screen.

export const categoryLabels: Record<RiskCategory, string> = {
  model_quality: 'Model quality',
  data: 'Data',
  security: 'Security',
  privacy: 'Privacy',
  fairness: 'Fairness',
  regulatory: 'Regulatory',
};

export const controlLabels: Record<ControlEffectiveness, string> = { none: 'None', partial: 'Partly effective', effective: 'Effective' };

export const likelihoodLabels = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] as const;
export const impactLabels = ['Minimal', 'Minor', 'Moderate', 'Major', 'Severe'] as const;

export const methodKindLabels = { scorecard: 'scorecard (sum of residual scores)', weighted_scorecard: 'weighted scorecard (weighted mean of residual scores)', risk_matrix: 'risk matrix (worst residual score)' } as const;

/** The server's message for a field, if its refusal named that field. */
export const fieldErrorOf = (error: unknown, pointer: string): string | undefined => (isApiProblem(error) ? error.fieldError(pointer) : undefined);
