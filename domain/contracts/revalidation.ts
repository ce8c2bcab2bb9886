import { z } from 'zod';
import { actorSchema } from './decisions.ts';
import { riskTierSchema } from './sections.ts';
import { tieringMethodSchema } from './risk-assessment.ts';

// Periodic revalidation (docs/decisions/0114): per risk tier, how many months an approval stands
// before its revalidation falls due. A schedule version is never edited; publishing makes the
// next one, and a scheduled revalidation keeps the version it was computed under.

const months = z.number({ error: 'Give a number of months' }).int('Whole months').min(1, 'At least 1 month').max(120, 'At most 120 months (ten years)');

export const revalidationMonthsSchema = z.object({ '1': months, '2': months, '3': months, '4': months });
export type RevalidationMonths = z.infer<typeof revalidationMonthsSchema>;

export const revalidationScheduleSchema = z.object({
  version: z.number().int().min(1),
  months: revalidationMonthsSchema,
  /** Null for the version the schema ships with (migration 034). */
  publishedBy: actorSchema.nullable(),
  publishedAt: z.iso.datetime(),
});
export type RevalidationSchedule = z.infer<typeof revalidationScheduleSchema>;

export const revalidationScheduleListSchema = z.object({ items: z.array(revalidationScheduleSchema) });

export const publishRevalidationScheduleRequestSchema = z.object({
  months: revalidationMonthsSchema,
  /** The version this one supersedes, as the administrator saw it: another publication since is 409. */
  replacesVersion: z.number().int().min(1),
});
export type PublishRevalidationScheduleRequest = z.infer<typeof publishRevalidationScheduleRequestSchema>;

export const revalidationTierSourceSchema = z.enum(['risk_assessment', 'declared']);

/** A package's scheduled revalidation, as lists and the package page show it. */
export const revalidationSchema = z.object({
  /** The approval that completed the chain and started the period. */
  decisionId: z.string(),
  versionNumber: z.number().int().min(1),
  tier: riskTierSchema,
  /** Where the tier came from: the applied risk assessment, or (without one) the tier the owner declared. */
  tierSource: revalidationTierSourceSchema,
  scheduleVersion: z.number().int().min(1),
  approvedOn: z.iso.date(),
  dueOn: z.iso.date(),
  /** Who answers for the revalidation: the package's owner. */
  ownerId: z.string(),
  /** When the sweep opened the re-review (the due date was reached); null before. */
  openedAt: z.iso.datetime().nullable(),
});
export type Revalidation = z.infer<typeof revalidationSchema>;

/** The inventory's "revalidation due within" filter, in days. */
export const revalidationWindowSchema = z.enum(['30', '60', '90']);
export type RevalidationWindow = z.infer<typeof revalidationWindowSchema>;

/** The tiering method versions, for the administration page (an administrator publishes the next one, decision record 0137). */
export const tieringMethodListSchema = z.object({
  items: z.array(z.object({ method: tieringMethodSchema, publishedAt: z.iso.datetime(), current: z.boolean() })),
});
export type TieringMethodList = z.infer<typeof tieringMethodListSchema>;
