import { z } from 'zod';
import { versionNumberSchema } from './version-number.ts';
import { actorSchema } from './decisions.ts';
import { roleSchema } from './roles.ts';
import { sectionKeySchema } from './sections.ts';

/** A W3C Web Annotation text-quote selector: the quoted text with some context either side. */
export const textQuoteSelectorSchema = z.object({
  exact: z.string().trim().min(1, 'Select some text to quote').max(5_000),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
});
export type TextQuoteSelector = z.infer<typeof textQuoteSelectorSchema>;

export const threadKindSchema = z.enum(['comment', 'clarification', 'finding']);
export type ThreadKind = z.infer<typeof threadKindSchema>;
export const threadStatusSchema = z.enum(['open', 'answered', 'resolved']);
export type ThreadStatus = z.infer<typeof threadStatusSchema>;
export const findingSeveritySchema = z.enum(['low', 'medium', 'high', 'critical']);

export const threadKindLabels: Record<ThreadKind, string> = { comment: 'Comment', clarification: 'Clarification request', finding: 'Finding' };

export const messageBodySchema = z.string().trim().min(1, 'Write a message').max(20_000, 'A message has at most 20,000 characters');

/** An earlier text of a message: edits never overwrite, they add to the history. */
export const messageRevisionSchema = z.object({ body: z.string(), replacedAt: z.iso.datetime() });

export const threadMessageSchema = z.object({
  id: z.string(),
  author: actorSchema,
  authorRole: roleSchema,
  /** The current text; empty once retracted (the text stays in the audit trail). */
  body: z.string(),
  createdAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
  retractedAt: z.iso.datetime().nullable(),
  history: z.array(messageRevisionSchema),
});
export type ThreadMessage = z.infer<typeof threadMessageSchema>;

export const threadSchema = z.object({
  id: z.string(),
  packageId: z.string(),
  versionNumber: versionNumberSchema,
  sectionKey: sectionKeySchema,
  kind: threadKindSchema,
  severity: findingSeveritySchema.nullable(),
  status: threadStatusSchema,
  anchor: textQuoteSelectorSchema.nullable(),
  createdBy: actorSchema,
  createdAt: z.iso.datetime(),
  resolvedBy: actorSchema.nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  messages: z.array(threadMessageSchema),
});
export type Thread = z.infer<typeof threadSchema>;

export const threadListSchema = z.object({ items: z.array(threadSchema) });

export const openThreadRequestSchema = z
  .object({
    versionNumber: versionNumberSchema,
    sectionKey: sectionKeySchema,
    kind: threadKindSchema,
    severity: findingSeveritySchema.nullable().default(null),
    anchor: textQuoteSelectorSchema.nullable().default(null),
    body: messageBodySchema,
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'finding' && !value.severity) ctx.addIssue({ code: 'custom', path: ['severity'], message: 'A finding needs a severity' });
    if (value.kind !== 'finding' && value.severity) ctx.addIssue({ code: 'custom', path: ['severity'], message: 'Only findings have a severity' });
  });
export type OpenThreadRequest = z.infer<typeof openThreadRequestSchema>;

export const messageRequestSchema = z.object({ body: messageBodySchema });

export const threadParamsSchema = z.object({ id: z.string().min(1).max(64), threadId: z.string().min(1).max(64) });
export const messageParamsSchema = threadParamsSchema.extend({ messageId: z.string().min(1).max(64) });

export const sectionReviewSchema = z.object({
  versionNumber: z.number().int(),
  sectionKey: z.string(),
  reviewer: actorSchema,
  reviewedAt: z.iso.datetime(),
  /** Made on an earlier version whose section had the same content (the mark follows the section's hash); null when made on this one. */
  carriedFrom: z.number().int().nullable().optional(),
});
export type SectionReview = z.infer<typeof sectionReviewSchema>;
export const sectionReviewListSchema = z.object({ items: z.array(sectionReviewSchema) });
export const sectionReviewParamsSchema = z.object({ id: z.string().min(1).max(64), n: z.coerce.number().int().min(1).max(1_000_000), key: sectionKeySchema });
