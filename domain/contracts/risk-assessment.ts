import { z } from 'zod';
import { riskTierSchema } from './sections.ts';
import { roleSchema } from './roles.ts';
import { actorSchema } from './decisions.ts';
import { visibleReason } from './visible-text.ts';

// A package's risk assessment and the versioned method that turns it into a risk tier (the
// governance framework's likelihood x impact per category, controls, residual score). A method
// version is immutable once published; the assessment names the method version it was scored by.

export const riskCategorySchema = z.enum(['model_quality', 'data', 'security', 'privacy', 'fairness', 'regulatory']);
export type RiskCategory = z.infer<typeof riskCategorySchema>;
export const riskCategories = riskCategorySchema.options;

export const controlEffectivenessSchema = z.enum(['none', 'partial', 'effective']);
export type ControlEffectiveness = z.infer<typeof controlEffectivenessSchema>;

const oneToFive = (what: string) => z.number({ error: `${what} must be a number from 1 to 5` }).int(`${what} is a whole number from 1 to 5`).min(1, `${what} is at least 1`).max(5, `${what} is at most 5`);

export const categoryAssessmentSchema = z.object({
  category: riskCategorySchema,
  likelihood: oneToFive('Likelihood'),
  impact: oneToFive('Impact'),
  controls: controlEffectivenessSchema,
  rationale: visibleReason('Say why', 4_000),
});
export type CategoryAssessment = z.infer<typeof categoryAssessmentSchema>;

export const assessmentAnswersSchema = z
  .array(categoryAssessmentSchema)
  .length(riskCategories.length, `Assess each of the ${riskCategories.length} categories once`)
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      if (seen.has(row.category)) ctx.addIssue({ code: 'custom', path: [i, 'category'], message: `"${row.category}" is assessed twice` });
      seen.add(row.category);
    });
  });

/** Score bands, highest first: the first band whose minimum the score reaches gives the tier. */
const tierBandSchema = z.object({ minScore: z.number().min(0), tier: riskTierSchema });

export const tieringMethodSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/),
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(200),
  /**
   * scorecard: the sum of residual scores; weighted_scorecard: their weighted mean;
   * risk_matrix: the worst category's residual score.
   */
  kind: z.enum(['scorecard', 'weighted_scorecard', 'risk_matrix']),
  /** Per-category weights (weighted_scorecard only). */
  weights: z.partialRecord(riskCategorySchema, z.number().positive()).optional(),
  /** The categories the method scores (all when absent, as in version 1); the others are answered but not scored. */
  categories: z.array(riskCategorySchema).min(1).optional(),
  /**
   * risk_matrix only: the tier of each cell, grid[likelihood - 1][impact - 1] (5 x 5). Without
   * one (version 1), the worst residual score is read through the bands.
   */
  grid: z.array(z.array(riskTierSchema).length(5)).length(5).optional(),
  /** How much effective or partial controls take off the inherent score (0 to 1). */
  controlReduction: z.object({ partial: z.number().min(0).max(1), effective: z.number().min(0).max(1) }),
  /** Empty for a risk matrix scored by its grid. */
  bands: z.array(tierBandSchema),
});
export type TieringMethod = z.infer<typeof tieringMethodSchema>;

export const tierOverrideSchema = z.object({
  tier: riskTierSchema,
  reason: z.string().trim().min(1, 'An override needs a reason').max(4_000),
  requestedBy: z.object({ userId: z.string(), role: z.string() }),
  /** A second person in another role; the override applies only once confirmed. */
  confirmedBy: z.object({ userId: z.string(), role: z.string() }).nullable(),
});
export type TierOverride = z.infer<typeof tierOverrideSchema>;

// What the API takes and answers (decision record 0106).

export const recordRiskAssessmentRequestSchema = z.object({ answers: assessmentAnswersSchema });
export type RecordRiskAssessmentRequest = z.infer<typeof recordRiskAssessmentRequestSchema>;

export const requestTierOverrideSchema = z.object({
  tier: riskTierSchema,
  reason: visibleReason('An override needs a reason', 4_000),
  /** The role the requester acts in: one of their own. */
  role: roleSchema,
});
export type RequestTierOverride = z.infer<typeof requestTierOverrideSchema>;

export const confirmTierOverrideSchema = z.object({ role: roleSchema });
export type ConfirmTierOverride = z.infer<typeof confirmTierOverrideSchema>;

export const riskAssessmentParamsSchema = z.object({ id: z.string().min(1).max(64), number: z.coerce.number().int().min(1).max(1_000_000) });

const actorInRoleSchema = actorSchema.extend({ role: roleSchema });

export const tierOverrideViewSchema = z.object({
  tier: riskTierSchema,
  reason: z.string(),
  requestedBy: actorInRoleSchema,
  requestedAt: z.string(),
  confirmedBy: actorInRoleSchema.nullable(),
  confirmedAt: z.string().nullable(),
});
export type TierOverrideView = z.infer<typeof tierOverrideViewSchema>;

export const riskAssessmentSchema = z.object({
  packageId: z.string(),
  /** 1 for the package's first assessment; a reassessment is the next number, the earlier ones stay. */
  number: z.number().int().min(1),
  method: z.object({ key: z.string(), version: z.number().int(), name: z.string(), kind: tieringMethodSchema.shape.kind }),
  answers: z.array(categoryAssessmentSchema),
  scores: z.array(z.object({ category: riskCategorySchema, inherent: z.number(), residual: z.number() })),
  score: z.number(),
  computedTier: riskTierSchema,
  override: tierOverrideViewSchema.nullable(),
  /** The confirmed override's tier, otherwise the computed one. */
  effectiveTier: riskTierSchema,
  /**
   * Recorded by the package owner: a proposal, which decides the tier only once an override on it
   * is confirmed; a reviewer's assessment decides it (docs/decisions/0165).
   */
  proposal: z.boolean(),
  assessedBy: actorSchema,
  assessedAt: z.string(),
});
export type RiskAssessment = z.infer<typeof riskAssessmentSchema>;

export const riskAssessmentListSchema = z.object({
  /** The method a new assessment is scored by: the newest published version. */
  method: tieringMethodSchema,
  /** Oldest first; which applies is domain/policy/applied-assessment.ts's rule (0165). */
  items: z.array(riskAssessmentSchema),
});
export type RiskAssessmentList = z.infer<typeof riskAssessmentListSchema>;

// Publishing the next method version (decision record 0137): an administrator sets the method.

const weightValue = z.number({ error: 'Give a weight' }).positive('A weight is more than 0').max(100, 'A weight is at most 100');
const thresholdValue = z.number({ error: 'Give a minimum score' }).positive('A minimum score is more than 0').max(150, 'A minimum score is at most 150');
const cellTier = z.number({ error: 'Give a tier from 1 to 4' }).int('A tier is 1, 2, 3 or 4').min(1, 'A tier is 1, 2, 3 or 4').max(4, 'A tier is 1, 2, 3 or 4');
const reduction = z.number({ error: 'Give a share from 0 to 1' }).min(0, 'At least 0').max(1, 'At most 1 (all of the score)');

/**
 * Weights are percentages summing to 100; thresholds are the minimum score of tiers 3, 2 and 1
 * (tier 4 below tier 3's), strictly increasing; the grid is indexed likelihood then impact.
 */
export const publishTieringMethodRequestSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the method a name').max(200),
    kind: z.enum(['scorecard', 'weighted_scorecard', 'risk_matrix'], { error: 'Choose scorecard, weighted scorecard or risk matrix' }),
    categories: z.array(z.string()).min(1, 'Score at least one category'),
    controlReduction: z.object({ partial: reduction, effective: reduction }),
    weights: z.record(z.string(), weightValue).optional(),
    thresholds: z.object({ '3': thresholdValue, '2': thresholdValue, '1': thresholdValue }).optional(),
    grid: z.array(z.unknown()).optional(),
    /** The version this one follows, as the administrator saw it: another publication since is 409. */
    replacesVersion: z.number().int().min(1),
  })
  .superRefine((body, ctx) => {
    const known = new Set<string>(riskCategories);
    const seen = new Set<string>();
    body.categories.forEach((c, i) => {
      if (!known.has(c)) ctx.addIssue({ code: 'custom', path: ['categories', i], message: `"${c}" is not a risk category` });
      else if (seen.has(c)) ctx.addIssue({ code: 'custom', path: ['categories', i], message: `"${c}" is listed twice` });
      seen.add(c);
    });
    if (body.controlReduction.partial > body.controlReduction.effective) ctx.addIssue({ code: 'custom', path: ['controlReduction', 'partial'], message: 'Partial controls take off no more than effective ones' });
    if (body.kind === 'weighted_scorecard') {
      const weights = body.weights ?? {};
      if (!body.weights) ctx.addIssue({ code: 'custom', path: ['weights'], message: 'A weighted scorecard gives each category a weight' });
      for (const c of Object.keys(weights)) if (!seen.has(c)) ctx.addIssue({ code: 'custom', path: ['weights', c], message: known.has(c) ? `"${c}" is not one of the method's categories` : `"${c}" is not a risk category` });
      for (const c of seen) if (known.has(c) && body.weights && weights[c] === undefined) ctx.addIssue({ code: 'custom', path: ['weights', c], message: 'Give this category a weight' });
      const total = Object.values(weights).reduce((sum, w) => sum + w, 0);
      if (body.weights && Math.abs(total - 100) > 1e-6) ctx.addIssue({ code: 'custom', path: ['weights'], message: `The weights add up to ${Math.round(total * 100) / 100}%, not 100%` });
    } else if (body.weights) ctx.addIssue({ code: 'custom', path: ['weights'], message: 'Only a weighted scorecard has weights' });
    if (body.kind === 'risk_matrix') {
      if (body.thresholds) ctx.addIssue({ code: 'custom', path: ['thresholds'], message: 'A risk matrix maps each cell to a tier; it has no thresholds' });
      if (!body.grid) ctx.addIssue({ code: 'custom', path: ['grid'], message: 'A risk matrix gives a tier for each of the 25 cells' });
      else {
        if (body.grid.length !== 5) ctx.addIssue({ code: 'custom', path: ['grid'], message: `The grid has 5 rows (likelihood 1 to 5), not ${body.grid.length}` });
        for (let l = 0; l < 5; l++) {
          const row = body.grid[l];
          if (row === undefined) continue;
          if (!Array.isArray(row)) {
            ctx.addIssue({ code: 'custom', path: ['grid', l], message: 'A row is a list of 5 tiers (impact 1 to 5)' });
            continue;
          }
          for (let i = 0; i < Math.max(5, row.length); i++) {
            if (i >= 5) {
              ctx.addIssue({ code: 'custom', path: ['grid', l, i], message: 'Impact goes up to 5' });
              continue;
            }
            const cell = cellTier.safeParse(row[i]);
            if (!cell.success) ctx.addIssue({ code: 'custom', path: ['grid', l, i], message: row[i] === undefined ? `Likelihood ${l + 1} x impact ${i + 1} has no tier` : (cell.error.issues[0]?.message ?? 'A tier is 1, 2, 3 or 4') });
          }
        }
      }
    } else {
      if (body.grid) ctx.addIssue({ code: 'custom', path: ['grid'], message: 'Only a risk matrix has a grid' });
      if (!body.thresholds) ctx.addIssue({ code: 'custom', path: ['thresholds'], message: 'Give the minimum score of tiers 3, 2 and 1' });
      else {
        const t = body.thresholds;
        if (t['2'] <= t['3']) ctx.addIssue({ code: 'custom', path: ['thresholds', '2'], message: "Tier 2's minimum score is above tier 3's" });
        if (t['1'] <= t['2']) ctx.addIssue({ code: 'custom', path: ['thresholds', '1'], message: "Tier 1's minimum score is above tier 2's" });
      }
    }
  });
export type PublishTieringMethodRequest = z.infer<typeof publishTieringMethodRequestSchema>;

/** The stored method a valid request describes: the key stays, the version is the next one. */
export function methodFromRequest(body: PublishTieringMethodRequest, key: string, version: number): TieringMethod {
  const categories = body.categories.filter((c): c is RiskCategory => (riskCategories as readonly string[]).includes(c));
  const t = body.thresholds;
  const bands = t ? [{ minScore: t['1'], tier: 1 }, { minScore: t['2'], tier: 2 }, { minScore: t['3'], tier: 3 }, { minScore: 0, tier: 4 }] : [];
  return tieringMethodSchema.parse({
    key,
    version,
    name: body.name,
    kind: body.kind,
    categories,
    controlReduction: body.controlReduction,
    ...(body.kind === 'weighted_scorecard' && body.weights ? { weights: body.weights } : {}),
    ...(body.kind === 'risk_matrix' && body.grid ? { grid: body.grid } : {}),
    bands,
  });
}
