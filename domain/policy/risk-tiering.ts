import type { CategoryAssessment, ControlEffectiveness, TierOverride, TieringMethod } from '../contracts/risk-assessment.ts';
import { hasVisibleText } from '../text/visible-text.ts';

// Risk tiering by a versioned method: each category's inherent score is likelihood x impact
// (1 to 25), reduced by its controls' effectiveness to a residual score; the method combines
// the residual scores and maps the result to a tier through its bands (highest first).

export interface CategoryScore {
  category: CategoryAssessment['category'];
  inherent: number;
  residual: number;
}

export interface TierResult {
  method: { key: string; version: number };
  scores: CategoryScore[];
  /** What the bands were read with: the sum, the weighted mean or the worst residual. */
  score: number;
  computedTier: number;
}

const reductionOf = (method: TieringMethod, controls: ControlEffectiveness) => (controls === 'none' ? 0 : method.controlReduction[controls]);

/** Two decimals: the scores are shown and compared, and must be the same everywhere. */
const round = (n: number) => Math.round(n * 100) / 100;

export function scoreCategories(answers: readonly CategoryAssessment[], method: TieringMethod): CategoryScore[] {
  return answers.map((a) => {
    const inherent = a.likelihood * a.impact;
    return { category: a.category, inherent, residual: round(inherent * (1 - reductionOf(method, a.controls))) };
  });
}

function combined(scores: readonly CategoryScore[], method: TieringMethod): number {
  switch (method.kind) {
    case 'scorecard':
      return round(scores.reduce((sum, s) => sum + s.residual, 0));
    case 'weighted_scorecard': {
      const weightOf = (s: CategoryScore) => method.weights?.[s.category] ?? 1;
      const total = scores.reduce((sum, s) => sum + weightOf(s), 0);
      return round(scores.reduce((sum, s) => sum + weightOf(s) * s.residual, 0) / total);
    }
    case 'risk_matrix':
      return Math.max(...scores.map((s) => s.residual));
  }
}

/**
 * A risk matrix with a grid (decision record 0137): controls reduce the likelihood by the
 * method's share, rounded up (never understating risk, never below 1); the cell of the
 * residual likelihood and the impact gives the category's tier; the worst (lowest) tier decides.
 */
function gridTier(answers: readonly CategoryAssessment[], method: TieringMethod, grid: readonly (readonly number[])[]): number {
  const tiers = answers.map((a) => {
    const likelihood = Math.max(1, Math.ceil(round(a.likelihood * (1 - reductionOf(method, a.controls)))));
    const tier = grid[likelihood - 1]?.[a.impact - 1];
    if (tier === undefined) throw new Error(`The grid of ${method.key}@${method.version} has no cell ${likelihood} x ${a.impact}`);
    return tier;
  });
  return Math.min(...tiers);
}

export function computeTier(allAnswers: readonly CategoryAssessment[], method: TieringMethod): TierResult {
  // A method scores its categories; the others are answered and kept, not scored.
  const scored = method.categories;
  const answers = scored ? allAnswers.filter((a) => scored.includes(a.category)) : allAnswers;
  const scores = scoreCategories(answers, method);
  const score = combined(scores, method);
  if (method.kind === 'risk_matrix' && method.grid) {
    return { method: { key: method.key, version: method.version }, scores, score, computedTier: gridTier(answers, method, method.grid) };
  }
  const bands = [...method.bands].sort((a, b) => b.minScore - a.minScore);
  const band = bands.find((b) => score >= b.minScore) ?? bands.at(-1);
  if (!band) throw new Error('A tiering method has at least one band');
  return { method: { key: method.key, version: method.version }, scores, score, computedTier: band.tier };
}

/** Why an override cannot apply yet (null: it applies): a reason, and a second person in another role. */
export function overrideProblem(override: TierOverride): string | null {
  if (!hasVisibleText(override.reason)) return 'An override needs a reason';
  if (!override.confirmedBy) return 'An override applies only once a second person confirms it';
  if (override.confirmedBy.userId === override.requestedBy.userId) return 'The person who asked for an override cannot confirm it';
  if (override.confirmedBy.role === override.requestedBy.role) return 'An override is confirmed by someone in another role';
  return null;
}

/** The tier that applies: a confirmed override's, otherwise the method's. */
export function effectiveTier(result: TierResult, override: TierOverride | null): number {
  return override && overrideProblem(override) === null ? override.tier : result.computedTier;
}
