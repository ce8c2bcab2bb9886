import { z } from 'zod';
import { actorSchema } from './decisions.ts';
import { findingSeverities, findingSeverityLabels, findingSeveritySchema } from './findings.ts';
import { requiredSections } from './package-content.ts';
import { roleSchema } from './roles.ts';
import { riskTierSchema } from './sections.ts';
import { workflowTemplateSchema } from './workflow-template.ts';

// Administration of workflow templates. A template is never edited: publishing makes a new
// version (the server numbers it), and a package keeps the version it started under.

/** The sections a step may be responsible for: those every package has. */
export const templateSectionKeys: readonly string[] = requiredSections.map((s) => s.key);

const stepKeySchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'A step key is 1 to 64 lowercase letters, digits or "_", starting with a letter');

const stepRequestSchema = z.object({
  key: stepKeySchema,
  name: z.string().trim().min(1, 'Give the step a name').max(200),
  role: z.enum(roleSchema.options, { error: (issue) => (issue.input === undefined || issue.input === '' ? 'Choose the role that acts on this step' : `Unknown role ${JSON.stringify(issue.input)}`) }),
  approvalsRequired: z.number().int('A whole number of approvals').min(1, 'A step needs at least 1 approval').max(20, 'At most 20 approvals'),
  dueHours: z.number().int('A whole number of hours').min(1, 'Due at least 1 hour after the step becomes active').max(24 * 365, 'At most a year (8760 hours)'),
  sections: z.array(z.string()).min(1, 'Choose at least one section this step is responsible for'),
});

export const createTemplateRequestSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,63}$/, 'A template key is 1 to 64 lowercase letters, digits, "_" or "-", starting with a letter')
      // The admin pages' address for a new template is /admin/templates/new.
      .refine((key) => key !== 'new', '"new" is reserved; choose another key'),
    name: z.string().trim().min(1, 'Give the template a name').max(200),
    riskTiers: z.array(riskTierSchema).min(1, 'Choose at least one risk tier'),
    /** Empty or absent: the template applies to every business line of its tiers. */
    businessLines: z.array(z.string().trim().min(1, 'A business line cannot be blank').max(300)).max(50).optional(),
    staleApprovals: z.enum(['responsible_sections', 'every_change']),
    steps: z.array(stepRequestSchema).min(1, 'A template needs at least one step').max(20, 'At most 20 steps'),
    emergencyRoles: z.array(roleSchema).max(20).optional(),
    /** Relax segregation of duties: one person may decide several steps of a package. Explicit, and said on every package and record under it. */
    allowSameDeciderAcrossSteps: z.boolean().optional(),
    /** The severities of open finding that block an approval (decision record 0074); absent: critical and high; [] none. */
    blockingFindingSeverities: z.array(findingSeveritySchema).max(4).optional(),
    /** The key's version this one supersedes, as the editor saw it; 0 for a new key (refused if the key is taken). Absent: whatever is current. */
    replacesVersion: z.number().int().min(0).optional(),
  })
  .superRefine((body, ctx) => {
    const seenSteps = new Map<string, number>();
    body.steps.forEach((step, i) => {
      const first = seenSteps.get(step.key);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['steps', i, 'key'], message: `Step key "${step.key}" is already used by step ${first + 1}` });
      else seenSteps.set(step.key, i);
      step.sections.forEach((section, j) => {
        if (!templateSectionKeys.includes(section)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'sections', j], message: `Unknown section "${section}"` });
      });
    });
    const seenTiers = new Set<number>();
    body.riskTiers.forEach((tier, i) => {
      if (seenTiers.has(tier)) ctx.addIssue({ code: 'custom', path: ['riskTiers', i], message: `Risk tier ${tier} is listed twice` });
      seenTiers.add(tier);
    });
    const blocking = body.blockingFindingSeverities;
    if (blocking) {
      const problem = blockingSeveritiesProblem(blocking);
      if (problem) ctx.addIssue({ code: 'custom', path: ['blockingFindingSeverities'], message: problem });
    }
  });

/**
 * What is wrong with a template's blocking severities, or null: each named once, and a
 * severity blocks only with every more severe one (blocking on medium findings while letting
 * critical ones through is never what an administrator means).
 */
export function blockingSeveritiesProblem(severities: readonly string[]): string | null {
  const duplicate = severities.find((s, i) => severities.indexOf(s) !== i);
  if (duplicate !== undefined) return `The severity "${duplicate}" is listed twice`;
  const lowest = Math.max(-1, ...severities.map((s) => findingSeverities.indexOf(s as (typeof findingSeverities)[number])));
  const missing = findingSeverities.slice(0, lowest + 1).filter((s) => !severities.includes(s));
  if (missing.length > 0) {
    const named = findingSeverities[lowest];
    return `Findings of ${missing.map((s) => findingSeverityLabels[s].toLowerCase()).join(' and ')} severity must block too when ${named ? findingSeverityLabels[named].toLowerCase() : 'lower'} ones do`;
  }
  return null;
}
export type CreateTemplateRequest = z.infer<typeof createTemplateRequestSchema>;

export const templateVersionParamsSchema = z.object({
  key: z.string().min(1).max(64),
  version: z.coerce.number().int().min(1),
});

export const templateUsageSchema = z.object({ id: z.string(), modelName: z.string(), versionLabel: z.string() });

/** One version of a template, as the admin pages show it. */
export const templateVersionEntrySchema = z.object({
  template: workflowTemplateSchema,
  /** The newest version of its key: what packages submitted from now on get. */
  current: z.boolean(),
  /** Packages that started under this version and keep it. */
  usedBy: z.array(templateUsageSchema),
  /** Who published it and when; null for the versions an installation starts with. */
  publishedBy: actorSchema.nullable(),
  publishedAt: z.iso.datetime().nullable(),
});
export type TemplateVersionEntry = z.infer<typeof templateVersionEntrySchema>;

/** Every version of every template: keys alphabetically, each key's versions newest first. */
export const templateListSchema = z.object({ items: z.array(templateVersionEntrySchema) });

/** What the audit log keeps of a template version: everything that decides a package's chain. */
export const templateAuditSummarySchema = z.object({
  version: z.number().int(),
  name: z.string(),
  riskTiers: z.array(z.number().int()),
  businessLines: z.array(z.string()).nullable(),
  staleApprovals: z.string(),
  emergencyRoles: z.array(z.string()),
  /** Only when the version relaxes segregation of duties. */
  allowSameDeciderAcrossSteps: z.literal(true).optional(),
  /** The severities of finding that block approval; absent in entries written before templates could say. */
  blockingFindingSeverities: z.array(z.string()).optional(),
  steps: z.array(z.object({ key: z.string(), name: z.string(), role: z.string(), approvalsRequired: z.number().int(), dueHours: z.number().int(), sections: z.array(z.string()) })),
});
export type TemplateAuditSummary = z.infer<typeof templateAuditSummarySchema>;
