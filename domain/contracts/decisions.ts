import { z } from 'zod';
import { roleSchema } from './roles.ts';
import { sectionKeySchema } from './sections.ts';

export const decisionKindSchema = z.enum(['approve', 'approve_with_conditions', 'reject', 'request_clarification']);
export type DecisionKind = z.infer<typeof decisionKindSchema>;

/** The meaning a signature carries, printed on every record (21 CFR 11.50). */
export const decisionMeanings: Record<DecisionKind, string> = {
  approve: 'Approved',
  approve_with_conditions: 'Approved with conditions',
  reject: 'Rejected',
  request_clarification: 'Clarification requested',
};

export const conditionsSchema = z.object({
  scope: z.string().trim().min(1, 'State the scope the approval is limited to').max(2_000),
  reReviewOn: z.iso.date(),
  text: z.string().max(20_000),
});
export type Conditions = z.infer<typeof conditionsSchema>;

/** One rejection concern: what is rejected, in which section, and what must change. */
export const concernSchema = z.object({
  sectionKey: sectionKeySchema,
  concern: z.string().trim().min(1).max(20_000),
  requiredChange: z.string().trim().min(1).max(20_000),
});
export type Concern = z.infer<typeof concernSchema>;

export const actorSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  title: z.string(),
});
export type Actor = z.infer<typeof actorSchema>;

export const decisionSchema = z.object({
  id: z.string(),
  packageId: z.string(),
  versionNumber: z.number().int().min(1),
  stepKey: z.string(),
  role: roleSchema,
  decision: decisionKindSchema,
  meaning: z.string(),
  reason: z.string(),
  conditions: conditionsSchema.nullable(),
  concerns: z.array(concernSchema),
  actor: actorSchema,
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  decidedAt: z.iso.datetime(),
});
export type Decision = z.infer<typeof decisionSchema>;
