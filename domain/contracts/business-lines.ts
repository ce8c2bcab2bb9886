import { z } from 'zod';

// The organisation's business lines, a closed list its administrators keep (docs/decisions/0168).
// A package, a policy scope and a workflow template name a line of this list; the key (the
// line's normalised form, domain/text/business-line.ts) identifies it and is unique.

export const businessLineSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** When it was retired: no new package, policy or template may name it from then on. */
  retiredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type BusinessLine = z.infer<typeof businessLineSchema>;

export const businessLineListSchema = z.object({ items: z.array(businessLineSchema) });
export type BusinessLineList = z.infer<typeof businessLineListSchema>;

export const addBusinessLineRequestSchema = z.object({
  label: z.string().trim().min(1, 'Name the business line').max(300, 'At most 300 characters'),
});
export type AddBusinessLineRequest = z.infer<typeof addBusinessLineRequestSchema>;

export const businessLineParamsSchema = z.object({ key: z.string().min(1).max(300) });

/** What the audit log keeps of a line. */
export const businessLineAuditSchema = z.object({ key: z.string(), label: z.string() });
