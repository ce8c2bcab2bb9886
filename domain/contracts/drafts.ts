import { z } from 'zod';
import { versionNumberSchema } from './version-number.ts';
import { sectionKeySchema } from './sections.ts';
import { messageBodySchema, textQuoteSelectorSchema, threadSchema } from './threads.ts';

// Work in progress kept on the server and private to its author: a reviewer's unpublished
// comments and clarification requests, and an owner's unsubmitted revision of a package.

/** What a reviewer drafts: findings go to the findings register at once and are not drafted. */
export const reviewDraftKindSchema = z.enum(['comment', 'clarification']);
export type ReviewDraftKind = z.infer<typeof reviewDraftKindSchema>;

export const reviewDraftRequestSchema = z.object({
  versionNumber: versionNumberSchema,
  sectionKey: sectionKeySchema,
  kind: reviewDraftKindSchema,
  anchor: textQuoteSelectorSchema.nullable().default(null),
  body: messageBodySchema,
});
export type ReviewDraftRequest = z.infer<typeof reviewDraftRequestSchema>;

export const reviewDraftSchema = z.object({
  id: z.string(),
  packageId: z.string(),
  versionNumber: versionNumberSchema,
  sectionKey: sectionKeySchema,
  kind: reviewDraftKindSchema,
  anchor: textQuoteSelectorSchema.nullable(),
  body: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ReviewDraft = z.infer<typeof reviewDraftSchema>;

export const reviewDraftListSchema = z.object({ items: z.array(reviewDraftSchema) });
export const reviewDraftParamsSchema = z.object({ id: z.string().min(1).max(64), draftId: z.string().min(1).max(64) });

/** The threads a publication opened, in the order the drafts were written (none when there were no drafts). */
export const publishedReviewSchema = z.object({ published: z.array(threadSchema) });
export type PublishedReview = z.infer<typeof publishedReviewSchema>;

/**
 * An owner's resubmission in progress. The content may not pass the package contract yet (a
 * half-typed number, an empty required field): it is checked when submitted, not when saved.
 */
export const resubmitDraftRequestSchema = z.object({
  baseVersion: z.number().int().min(1).max(2_147_483_647),
  baseHash: z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 content hash in lowercase hex'),
  content: z.record(z.string(), z.unknown()),
  answers: z.record(z.string().max(200), z.object({ answer: z.string().max(20_000), sectionKeys: z.array(sectionKeySchema).max(200) })),
});
export type ResubmitDraftRequest = z.infer<typeof resubmitDraftRequestSchema>;

export const resubmitDraftSchema = resubmitDraftRequestSchema.extend({ savedAt: z.iso.datetime() });
export type ResubmitDraft = z.infer<typeof resubmitDraftSchema>;
/** The caller's draft for the package, or null when they have none. */
export const resubmitDraftResponseSchema = z.object({ draft: resubmitDraftSchema.nullable() });
