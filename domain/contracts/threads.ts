import { z } from 'zod';
import { actorSchema } from './decisions.ts';
import { sectionKeySchema } from './sections.ts';

/** A W3C Web Annotation text-quote selector: the quoted text with some context either side. */
export const textQuoteSelectorSchema = z.object({
  exact: z.string().min(1).max(5_000),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
});
export type TextQuoteSelector = z.infer<typeof textQuoteSelectorSchema>;

export const threadKindSchema = z.enum(['comment', 'clarification', 'finding']);
export const threadStatusSchema = z.enum(['open', 'answered', 'resolved']);
export const findingSeveritySchema = z.enum(['low', 'medium', 'high', 'critical']);

export const threadMessageSchema = z.object({
  id: z.string(),
  author: actorSchema,
  body: z.string(),
  createdAt: z.iso.datetime(),
});

export const threadSchema = z.object({
  id: z.string(),
  packageId: z.string(),
  versionNumber: z.number().int().min(1),
  sectionKey: sectionKeySchema,
  kind: threadKindSchema,
  severity: findingSeveritySchema.nullable(),
  status: threadStatusSchema,
  anchor: textQuoteSelectorSchema.nullable(),
  messages: z.array(threadMessageSchema),
  createdAt: z.iso.datetime(),
});
export type Thread = z.infer<typeof threadSchema>;
