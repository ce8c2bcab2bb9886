import { z } from 'zod';
import { riskTierSchema } from './sections.ts';
import { roleSchema } from './roles.ts';
import { actorSchema } from './decisions.ts';

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
  rationale: z.string().trim().min(1, 'Say why').max(4_000),
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
  /** How much effective or partial controls take off the inherent score (0 to 1). */
  controlReduction: z.object({ partial: z.number().min(0).max(1), effective: z.number().min(0).max(1) }),
  bands: z.array(tierBandSchema).min(1),
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
  reason: z.string().trim().min(1, 'An override needs a reason').max(4_000),
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
  assessedBy: actorSchema,
  assessedAt: z.string(),
});
export type RiskAssessment = z.infer<typeof riskAssessmentSchema>;

export const riskAssessmentListSchema = z.object({
  /** The method a new assessment is scored by: the newest published version. */
  method: tieringMethodSchema,
  /** Oldest first; the last is the one that applies. */
  items: z.array(riskAssessmentSchema),
});
export type RiskAssessmentList = z.infer<typeof riskAssessmentListSchema>;
