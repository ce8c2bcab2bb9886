import { describe, expect, it } from 'vitest';
import { riskCategories, type CategoryAssessment, type TieringMethod } from '../contracts/risk-assessment.ts';
import { computeTier, effectiveTier, overrideProblem } from './risk-tiering.ts';

const bands = [
  { minScore: 12, tier: 1 },
  { minScore: 8, tier: 2 },
  { minScore: 4, tier: 3 },
  { minScore: 0, tier: 4 },
];
const method = (kind: TieringMethod['kind'], extra: Partial<TieringMethod> = {}): TieringMethod => ({ key: 'mrm', version: 1, name: 'MRM', kind, controlReduction: { partial: 0.25, effective: 0.5 }, bands, ...extra });

function answers(overrides: Partial<Record<CategoryAssessment['category'], Partial<CategoryAssessment>>> = {}): CategoryAssessment[] {
  return riskCategories.map((category) => ({ category, likelihood: 2, impact: 2, controls: 'none', rationale: 'Assessed.', ...overrides[category] }));
}

describe('computeTier', () => {
  it('reduces inherent scores by the controls, then reads the worst residual on a risk matrix', () => {
    const result = computeTier(answers({ fairness: { likelihood: 4, impact: 5, controls: 'effective' }, data: { likelihood: 3, impact: 4, controls: 'partial' } }), method('risk_matrix'));
    expect(result.scores.find((s) => s.category === 'fairness')).toEqual({ category: 'fairness', inherent: 20, residual: 10 });
    expect(result.scores.find((s) => s.category === 'data')).toEqual({ category: 'data', inherent: 12, residual: 9 });
    expect(result).toMatchObject({ score: 10, computedTier: 2, method: { key: 'mrm', version: 1 } });
  });

  it('sums residuals on a scorecard, and weighs them on a weighted scorecard', () => {
    expect(computeTier(answers(), method('scorecard'))).toMatchObject({ score: 24, computedTier: 1 });
    const weighted = computeTier(answers({ fairness: { likelihood: 5, impact: 5 } }), method('weighted_scorecard', { weights: { fairness: 4 } }));
    // (4 x 25 + 5 x 4) / 9 = 13.33
    expect(weighted).toMatchObject({ score: 13.33, computedTier: 1 });
    expect(computeTier(answers(), method('weighted_scorecard', { weights: { fairness: 4 } }))).toMatchObject({ score: 4, computedTier: 3 });
  });
});

describe('tier overrides', () => {
  const result = computeTier(answers(), method('risk_matrix'));
  const base = { tier: 1, reason: 'Customer-facing credit decisions.', requestedBy: { userId: 'usr_a', role: 'model_risk' } };

  it('apply only with a reason and a second person in another role', () => {
    expect(effectiveTier(result, null)).toBe(3);
    expect(overrideProblem({ ...base, confirmedBy: null })).toMatch(/second person/);
    expect(overrideProblem({ ...base, confirmedBy: { userId: 'usr_a', role: 'committee' } })).toMatch(/cannot confirm/);
    expect(overrideProblem({ ...base, confirmedBy: { userId: 'usr_b', role: 'model_risk' } })).toMatch(/another role/);
    expect(overrideProblem({ ...base, reason: '  ', confirmedBy: { userId: 'usr_b', role: 'committee' } })).toMatch(/reason/);
    expect(effectiveTier(result, { ...base, confirmedBy: { userId: 'usr_b', role: 'model_risk' } })).toBe(3);
    expect(effectiveTier(result, { ...base, confirmedBy: { userId: 'usr_b', role: 'committee' } })).toBe(1);
  });
});
