import { z } from 'zod';
import { roleSchema } from './roles.ts';
import { riskTierSchema, sectionKeySchema } from './sections.ts';
import { findingSeveritySchema } from './threads.ts';

export const workflowStepSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
  name: z.string().min(1).max(200),
  /** The only role that may act on this step (or a delegate of it). */
  role: roleSchema,
  approvalsRequired: z.number().int().min(1).max(20),
  /** Hours from the step becoming active to its due time. */
  dueHours: z.number().int().min(1).max(24 * 365),
  /** Sections this step is responsible for: a change to one of them makes its approvals stale. */
  sections: z.array(sectionKeySchema).min(1),
});
export type WorkflowStep = z.infer<typeof workflowStepSchema>;

export const workflowTemplateSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/),
  version: z.number().int().min(1),
  name: z.string().min(1).max(200),
  riskTiers: z.array(riskTierSchema).min(1),
  /** If set, the template applies only to these business lines (it is then preferred). */
  businessLines: z.array(z.string().min(1).max(300)).optional(),
  /**
   * 'responsible_sections': an approval stands across versions unless a section its step is
   * responsible for changed. 'every_change': any new version makes every approval stale.
   */
  staleApprovals: z.enum(['responsible_sections', 'every_change']),
  steps: z.array(workflowStepSchema).min(1).max(20),
  /** Roles allowed to use the emergency approval path under this template; absent means none. */
  emergencyRoles: z.array(roleSchema).optional(),
  /**
   * Segregation of duties across the chain (domain/workflow/segregation-of-duties.ts): by
   * default a person decides at most one step of a package, the emergency approval counting
   * as one. Only `true` relaxes it, and the package and its record then say so.
   */
  allowSameDeciderAcrossSteps: z.boolean().optional(),
  /**
   * The severities of finding that block an approval until verified or accepted as a risk
   * (domain/workflow/approval-gates.ts); absent means critical and high, [] means none.
   */
  blockingFindingSeverities: z.array(findingSeveritySchema).max(4).optional(),
});
export type WorkflowTemplate = z.infer<typeof workflowTemplateSchema>;

export const workflowTemplateRefSchema = z.object({
  key: z.string(),
  version: z.number().int(),
  name: z.string(),
  /** Present only where the template relaxes segregation of duties: one person may decide several steps. */
  allowSameDeciderAcrossSteps: z.literal(true).optional(),
});
