import { describe, expect, it } from 'vitest';
import { methodFromRequest, publishTieringMethodRequestSchema, riskCategories, type CategoryAssessment, type TieringMethod } from '../contracts/risk-assessment.ts';
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

describe('computeTier by a published version (decision record 0137)', () => {
  // Tier 1 where likelihood + impact >= 8, tier 2 at 6-7, tier 3 at 4-5, tier 4 below.
  const grid = [1, 2, 3, 4, 5].map((l) => [1, 2, 3, 4, 5].map((i) => (l + i >= 8 ? 1 : l + i >= 6 ? 2 : l + i >= 4 ? 3 : 4)));

  it('reads a risk matrix by its grid: controls lower the likelihood (rounded up), the worst category decides', () => {
    const m = method('risk_matrix', { grid, bands: [] });
    expect(computeTier(answers(), m)).toMatchObject({ computedTier: 3 });
    // 4 x 4 without controls: cell (4, 4), tier 1; with effective controls likelihood 2: cell (2, 4), tier 2.
    expect(computeTier(answers({ data: { likelihood: 4, impact: 4 } }), m)).toMatchObject({ computedTier: 1 });
    expect(computeTier(answers({ data: { likelihood: 4, impact: 4, controls: 'effective' } }), m)).toMatchObject({ computedTier: 2 });
    // Partial controls: 5 x 0.75 = 3.75, rounded up to 4: cell (4, 4), still tier 1.
    expect(computeTier(answers({ data: { likelihood: 5, impact: 4, controls: 'partial' } }), m)).toMatchObject({ computedTier: 1 });
    // Likelihood 1 with effective controls stays at 1.
    expect(computeTier(answers({ privacy: { likelihood: 1, impact: 1, controls: 'effective' } }), m)).toMatchObject({ computedTier: 3 });
  });

  it('scores only the categories the method names', () => {
    const m = method('scorecard', { categories: ['fairness', 'data'] });
    expect(computeTier(answers(), m)).toMatchObject({ score: 8, computedTier: 2 });
    expect(computeTier(answers(), m).scores.map((s) => s.category)).toEqual(['data', 'fairness']);
    const matrix = method('risk_matrix', { grid, bands: [], categories: ['privacy'] });
    expect(computeTier(answers({ data: { likelihood: 5, impact: 5 } }), matrix)).toMatchObject({ computedTier: 3 });
  });

  it('weighs by percentages summing to 100', () => {
    const m = method('weighted_scorecard', { categories: ['fairness', 'data'], weights: { fairness: 75, data: 25 } });
    // 0.75 x 16 + 0.25 x 4 = 13
    expect(computeTier(answers({ fairness: { likelihood: 4, impact: 4 } }), m)).toMatchObject({ score: 13, computedTier: 1 });
  });
});

describe('publishTieringMethodRequestSchema', () => {
  const base = { name: 'MRM 2027', controlReduction: { partial: 0.25, effective: 0.5 }, replacesVersion: 1 };
  const fullGrid = () => [0, 1, 2, 3, 4].map(() => [4, 3, 2, 1, 1]);
  const paths = (body: unknown) => {
    const r = publishTieringMethodRequestSchema.safeParse(body);
    return r.success ? [] : r.error.issues.map((i) => i.path.join('/'));
  };

  it('takes each kind', () => {
    expect(paths({ ...base, kind: 'scorecard', categories: ['data', 'fairness'], thresholds: { '3': 4, '2': 8, '1': 12 } })).toEqual([]);
    expect(paths({ ...base, kind: 'weighted_scorecard', categories: ['data', 'fairness'], weights: { data: 40, fairness: 60 }, thresholds: { '3': 4, '2': 8, '1': 12 } })).toEqual([]);
    expect(paths({ ...base, kind: 'risk_matrix', categories: [...riskCategories], grid: fullGrid() })).toEqual([]);
  });

  it('names each bad field', () => {
    expect(paths({ ...base, kind: 'scorecard', categories: ['data', 'astrology'], thresholds: { '3': 4, '2': 4, '1': 3 } })).toEqual(['categories/1', 'thresholds/2', 'thresholds/1']);
    expect(paths({ ...base, kind: 'weighted_scorecard', categories: ['data', 'fairness'], weights: { data: 40, fairness: 50 }, thresholds: { '3': 4, '2': 8, '1': 12 } })).toEqual(['weights']);
    expect(paths({ ...base, kind: 'weighted_scorecard', categories: ['data', 'fairness'], weights: { data: 40, privacy: 60 }, thresholds: { '3': 4, '2': 8, '1': 12 } })).toEqual(['weights/privacy', 'weights/fairness']);
    const grid = fullGrid();
    grid[2] = [4, 3, 2, 1];
    grid[4] = [4, 3, 9, 1, 0];
    expect(paths({ ...base, kind: 'risk_matrix', categories: ['data'], grid })).toEqual(['grid/2/4', 'grid/4/2', 'grid/4/4']);
    expect(paths({ ...base, kind: 'risk_matrix', categories: ['data'] })).toEqual(['grid']);
  });

  it('keeps the key and takes the given version', () => {
    const m = methodFromRequest(publishTieringMethodRequestSchema.parse({ ...base, kind: 'scorecard', categories: ['data'], thresholds: { '3': 4, '2': 8, '1': 12 } }), 'standard', 2);
    expect(m).toMatchObject({ key: 'standard', version: 2, categories: ['data'], bands: [{ minScore: 12, tier: 1 }, { minScore: 8, tier: 2 }, { minScore: 4, tier: 3 }, { minScore: 0, tier: 4 }] });
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
