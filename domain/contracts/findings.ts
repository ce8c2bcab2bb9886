import { z } from 'zod';
import { versionNumberSchema } from './version-number.ts';
import { actorSchema } from './decisions.ts';
import { roleSchema } from './roles.ts';
import { sectionKeySchema } from './sections.ts';
import { findingSeveritySchema, textQuoteSelectorSchema } from './threads.ts';

// Findings: a reviewer's issue with a package, owed a remediation by the owner team, with a
// lifecycle of its own (domain/findings/lifecycle.ts) and a place in the approval gate.

export { findingSeveritySchema };
export type FindingSeverity = z.infer<typeof findingSeveritySchema>;
export const findingSeverities: readonly FindingSeverity[] = ['critical', 'high', 'medium', 'low'];

export const findingTypeSchema = z.enum(['validation_finding', 'limitation', 'policy_exception']);
export type FindingType = z.infer<typeof findingTypeSchema>;
export const findingTypeLabels: Record<FindingType, string> = { validation_finding: 'Validation finding', limitation: 'Limitation', policy_exception: 'Policy exception' };

/**
 * open → remediation_proposed → remediated → verified (closed); from open or a proposal, the
 * raising role may instead accept the risk (with a rationale and an expiry date), and may send a
 * proposal or a remediation back to open.
 */
export const findingStatusSchema = z.enum(['open', 'remediation_proposed', 'remediated', 'verified', 'risk_accepted']);
export type FindingStatus = z.infer<typeof findingStatusSchema>;
export const findingStatusLabels: Record<FindingStatus, string> = {
  open: 'Open',
  remediation_proposed: 'Remediation proposed',
  remediated: 'Remediated',
  verified: 'Verified and closed',
  risk_accepted: 'Accepted as risk',
};
export const findingSeverityLabels: Record<FindingSeverity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

/** A calendar date, as YYYY-MM-DD (due dates and expiry dates are days, not instants). */
export const calendarDateSchema = z.iso.date({ error: 'Give a date as YYYY-MM-DD' });

export const riskAcceptanceSchema = z.object({
  rationale: z.string(),
  /** The role that accepted the risk: the raising reviewer's. */
  role: roleSchema,
  expiresOn: z.iso.date(),
  by: actorSchema,
  at: z.iso.datetime(),
});
export type RiskAcceptance = z.infer<typeof riskAcceptanceSchema>;

/** One step of a finding's life, as its history and the audit log keep it. */
export const findingEventSchema = z.object({
  at: z.iso.datetime(),
  by: actorSchema,
  role: roleSchema,
  /** null when the finding was raised. */
  from: findingStatusSchema.nullable(),
  to: findingStatusSchema,
  /** The version that was latest when it happened (remediation usually lands in a resubmission). */
  versionNumber: versionNumberSchema,
  /** The plan, the note, or the rationale written with it. */
  note: z.string(),
});
export type FindingEvent = z.infer<typeof findingEventSchema>;

export const findingSchema = z.object({
  id: z.string(),
  packageId: z.string(),
  modelKey: z.string(),
  modelName: z.string(),
  /** The version it was raised on; it carries over to later versions with its section. */
  versionNumber: versionNumberSchema,
  sectionKey: sectionKeySchema,
  anchor: textQuoteSelectorSchema.nullable(),
  title: z.string(),
  description: z.string(),
  severity: findingSeveritySchema,
  type: findingTypeSchema,
  owner: actorSchema,
  dueDate: z.iso.date(),
  remediationPlan: z.string(),
  status: findingStatusSchema,
  raisedBy: actorSchema,
  /** The reviewer role it was raised in: only this role verifies it or accepts its risk. */
  raisedRole: roleSchema,
  acceptance: riskAcceptanceSchema.nullable(),
  /** Counts the transitions; a transition names the revision it was made on (optimistic check). */
  revision: z.number().int().min(0),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Past its due date and not closed (today, on the server's clock). */
  overdue: z.boolean(),
  /** Accepted as risk and past the acceptance's expiry date. */
  acceptanceExpired: z.boolean(),
  history: z.array(findingEventSchema),
});
export type Finding = z.infer<typeof findingSchema>;
export const findingListSchema = z.object({ items: z.array(findingSchema) });

// The limit's message is written when a text is refused, not as the module is evaluated: it is
// the first Intl use of a page that imports the contracts, which would otherwise load the
// locale data inside the page's longest task (docs/decisions/0219).
const text = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Write ${what}`)
    .max(max, { error: () => `At most ${max.toLocaleString('en')} characters` });

export const raiseFindingRequestSchema = z.object({
  versionNumber: versionNumberSchema,
  sectionKey: sectionKeySchema,
  anchor: textQuoteSelectorSchema.nullable().default(null),
  title: text('a title', 200),
  description: text('a description', 20_000),
  severity: z.enum(findingSeveritySchema.options, { error: (issue) => (issue.input == null ? 'A finding needs a severity' : 'Choose critical, high, medium or low') }),
  type: z.enum(findingTypeSchema.options, { error: 'Choose a type: validation finding, limitation or policy exception' }),
  ownerId: z.string().min(1, 'Name the owner').max(64),
  dueDate: calendarDateSchema,
  remediationPlan: z.string().trim().max(20_000).default(''),
});
export type RaiseFindingRequest = z.input<typeof raiseFindingRequestSchema>;

/** A transition names the revision the caller saw: of two concurrent ones, the second is refused. */
const revision = z.number().int().min(0);
export const findingTransitionRequestSchema = z.discriminatedUnion('to', [
  z.object({ to: z.literal('remediation_proposed'), revision, plan: text('the remediation plan', 20_000) }),
  z.object({ to: z.literal('remediated'), revision, note: text('what was done', 20_000) }),
  z.object({ to: z.literal('verified'), revision, note: text('how you verified it', 20_000) }),
  z.object({ to: z.literal('open'), revision, note: text('why it is reopened', 20_000) }),
  z.object({ to: z.literal('risk_accepted'), revision, rationale: text('the rationale for accepting the risk', 20_000), expiresOn: calendarDateSchema }),
]);
export type FindingTransitionRequest = z.infer<typeof findingTransitionRequestSchema>;

export const findingParamsSchema = z.object({ id: z.string().min(1).max(64), findingId: z.string().min(1).max(64) });

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
/** GET /api/findings: the register across the inventory (every package the caller may see). */
export const findingRegisterQuerySchema = z.object({
  severity: findingSeveritySchema.optional(),
  status: findingStatusSchema.optional(),
  ownerId: z.string().max(64).optional(),
  modelKey: z.string().max(200).optional(),
  overdue: flag.optional(),
  /** Accepted risks whose acceptance has run out (expiresOn before today), still accepted: a policy violation. */
  acceptanceExpired: flag.optional(),
  sort: z.enum(['due', 'severity', 'raised', 'updated']).default('due'),
  limit: z.coerce.number().int().min(1).max(1_000).default(200),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type FindingRegisterQuery = z.infer<typeof findingRegisterQuerySchema>;
export const findingRegisterSchema = z.object({ items: z.array(findingSchema), total: z.number().int().min(0) });
