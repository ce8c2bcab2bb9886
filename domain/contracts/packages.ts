import { z } from 'zod';
import { policyEvaluationSchema } from './policies.ts';
import { actorSchema } from './decisions.ts';
import { signedDecisionSchema } from './signatures.ts';
import { packageContentSchema } from './package-content.ts';
import { roleSchema } from './roles.ts';
import { riskTierSchema } from './sections.ts';
import { revalidationWindowSchema } from './revalidation.ts';
import { workflowTemplateRefSchema } from './workflow-template.ts';
import { concernAnswersSchema } from './revisions.ts';
import { approvalBlockerSchema, governanceBlockerSchema } from './approval-gates.ts';
import { governanceListSchema } from './governance.ts';
import { parseJson } from '../json/parse-json.ts';

/**
 * emergency_approved: deployable now under an emergency approval of the latest version, while
 * the normal chain goes on as its follow-up review (then approved, or rejected).
 */
export const packageStatusSchema = z.enum(['in_review', 'clarification_requested', 'rejected', 'approved', 'approved_with_conditions', 'emergency_approved']);
export type PackageStatus = z.infer<typeof packageStatusSchema>;

export const packageStatusLabels: Record<PackageStatus, string> = {
  in_review: 'In review',
  clarification_requested: 'Clarification requested',
  rejected: 'Rejected',
  approved: 'Approved',
  approved_with_conditions: 'Approved with conditions',
  emergency_approved: 'Emergency approved (follow-up open)',
};

export const contentHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 as 64 lowercase hex digits');

export const stepStatusSchema = z.enum(['approved', 'active', 'clarification', 'rejected', 'waiting']);
export type StepStatus = z.infer<typeof stepStatusSchema>;

export const stepApprovalSchema = z.object({
  actor: actorSchema,
  decidedAt: z.iso.datetime(),
  versionNumber: z.number().int(),
  withConditions: z.boolean(),
  /** The re-review date of an approval with conditions, or null. */
  reReviewOn: z.iso.date().nullable(),
  /**
   * Only on a stale approval: why it no longer counts, as the reviewer reads it (a later version
   * changed the step's sections, the chain moved to a step asking for more, or the chain in
   * force's segregation of duties: docs/decisions/0193). Absent in records made before.
   */
  staleReason: z.string().max(2_000).optional(),
});

export const stepStateSchema = z.object({
  key: z.string(),
  name: z.string(),
  role: roleSchema,
  approvalsRequired: z.number().int(),
  status: stepStatusSchema,
  approvals: z.array(stepApprovalSchema),
  /** Approvals given on an earlier version that a later change made stale. */
  staleApprovals: z.array(stepApprovalSchema),
  activatedAt: z.iso.datetime().nullable(),
  dueAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
  /** A standing approval with conditions whose re-review date has come. */
  reReviewDue: z.boolean(),
});
export type StepState = z.infer<typeof stepStateSchema>;

export const currentStepSchema = z.object({
  key: z.string(),
  name: z.string(),
  role: roleSchema,
  dueAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
});

/**
 * Whose turn it is (domain/workflow/whose-turn.ts): the reviewers of `stepKey` (its step is
 * active, or paused for a clarification the owner has answered), the model owner (a
 * clarification request of the paused step is unanswered, or the version was rejected), or
 * nobody (the chain is through).
 */
export const turnSchema = z.object({
  party: z.enum(['reviewer', 'owner', 'nobody']),
  stepKey: z.string().nullable(),
  reason: z.enum(['step_active', 'clarification_asked', 'clarification_answered', 'rejected', 'decided']),
  /** Clarification requests on the latest version the owner has yet to answer (for clarification_asked). */
  unanswered: z.number().int().nonnegative(),
});
export type Turn = z.infer<typeof turnSchema>;

export const packageSummarySchema = z.object({
  id: z.string(),
  modelKey: z.string(),
  modelName: z.string(),
  versionLabel: z.string(),
  riskTier: riskTierSchema,
  businessLine: z.string(),
  ownerTeam: z.string(),
  status: packageStatusSchema,
  latestVersion: z.number().int().min(1),
  currentStep: currentStepSchema.nullable(),
  turn: turnSchema,
  /** Threads not yet resolved, and clarification requests still waiting for the owner. */
  openThreads: z.number().int().nonnegative(),
  openClarifications: z.number().int().nonnegative(),
  /** Some step's standing approval with conditions has reached its re-review date. */
  reReviewDue: z.boolean(),
  /** A condition of a standing approval passed its due date unfulfilled (docs/decisions/0111); absent in answers from before obligations, read as false. */
  conditionsLapsed: z.boolean().optional(),
  /** When the approved package's periodic revalidation falls due (decision record 0114); absent when none is scheduled or it is not approved. */
  revalidationDueOn: z.iso.date().optional(),
  submittedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /**
   * Ids of who set the risk tier in effect (recorded its assessment, confirmed its override): they
   * may reject but not approve (docs/decisions/0174), so it does not await their decision; absent
   * in summaries stored before it (migration 062 marks them for recomputing), read as none.
   */
  tierSetBy: z.array(z.string()).optional(),
});
export type PackageSummary = z.infer<typeof packageSummarySchema>;

export const versionSummarySchema = z.object({
  number: z.number().int().min(1),
  contentHash: contentHashSchema,
  submittedBy: actorSchema,
  submittedAt: z.iso.datetime(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const packageDetailSchema = packageSummarySchema.extend({
  template: workflowTemplateRefSchema,
  steps: z.array(stepStateSchema),
  versions: z.array(versionSummarySchema),
  decisions: z.array(signedDecisionSchema),
  /** Roles that may sign an emergency approval under the package's template version (none: the path is closed). */
  emergencyRoles: z.array(roleSchema).default([]),
  /** What an approval of the latest version would have to override now (domain/workflow/approval-gates.ts). */
  approvalBlockers: z.array(approvalBlockerSchema).default([]),
  /** What refuses any approval of the latest version, with no override (docs/decisions/0141): unmet blocking policy requirements, no current risk assessment. */
  governanceBlockers: z.array(governanceBlockerSchema).default([]),
  /** The summary's `tierSetBy`, always present in a detail (docs/decisions/0174). */
  tierSetBy: z.array(z.string()).default([]),
});
export type PackageDetail = z.infer<typeof packageDetailSchema>;

export const packageVersionSchema = z.object({
  packageId: z.string(),
  number: z.number().int().min(1),
  content: packageContentSchema,
  /** Lowercase hex SHA-256 of the RFC 8785 canonical form of `content`. */
  contentHash: contentHashSchema,
  submittedBy: actorSchema,
  submittedAt: z.iso.datetime(),
  /** The owner's answers to the concerns and clarifications of the version before (empty for version 1). */
  answers: concernAnswersSchema,
  /** The check against the organisation's governance policy at submission; null where no policy applied. */
  policy: policyEvaluationSchema.nullable().default(null),
});
export type PackageVersion = z.infer<typeof packageVersionSchema>;

/**
 * The inbox's tabs (docs/decisions/0140): awaiting my decision (my step is current and it is the
 * reviewers' turn), waiting on others (open, not awaiting me), clarifications for me (a model
 * owner's packages with open clarification requests), done (decided), all.
 */
export const inboxTabIds = ['awaiting', 'waiting', 'clarifications', 'done', 'all'] as const;
export const inboxTabSchema = z.enum(inboxTabIds);
export type InboxTabId = z.infer<typeof inboxTabSchema>;
/** Statuses of a package someone still has to act on; an emergency approval's chain is its follow-up review. */
export const openPackageStatuses = ['in_review', 'clarification_requested', 'emergency_approved'] as const satisfies readonly PackageStatus[];
export const donePackageStatuses = ['approved', 'approved_with_conditions', 'rejected'] as const satisfies readonly PackageStatus[];

export const packageListQuerySchema = z.object({
  /** One tab of the inbox, for the caller's acting roles; absent: every package (as `all`). */
  tab: inboxTabSchema.optional(),
  status: packageStatusSchema.optional(),
  riskTier: z.coerce.number().int().min(1).max(4).optional(),
  model: z.string().max(64).optional(),
  stepRole: roleSchema.optional(),
  /** A list behind a governance figure of the committee dashboard (domain/contracts/governance.ts). */
  governance: governanceListSchema.optional(),
  /** Approved packages whose revalidation falls due within this many days (overdue included). */
  revalidationDue: revalidationWindowSchema.optional(),
  /** Where the page starts: the `nextCursor` of the page before (decision record 0129). */
  cursor: z.string().max(512).optional(),
  /** Packages per page (50 when not given). */
  limit: z.coerce.number().int().min(1).max(200).optional(),
  /** `true`: the page carries `total`, the count over every page (it costs a pass over every matching row, so only when asked). */
  count: z.enum(['true']).optional(),
});
export type PackageListQuery = z.infer<typeof packageListQuerySchema>;

/** Packages per page of the inbox when the query names no limit. */
export const defaultPackagePageSize = 50;

/** A position in the inbox's order (newest change first, then by id): after this package. */
export interface PackageCursor {
  updatedAt: string;
  id: string;
}

const cursorSchema = z.tuple([z.iso.datetime(), z.string().min(1).max(64)]);

/** The opaque cursor of a position: base64url of [updatedAt, id]. */
export function encodePackageCursor(position: PackageCursor): string {
  return btoa(JSON.stringify([position.updatedAt, position.id])).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The position a cursor names, or null when it is not one this list gave out. */
export function decodePackageCursor(cursor: string): PackageCursor | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const parsed = cursorSchema.safeParse(parseJson(atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))));
    return parsed.success ? { updatedAt: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

export const packageListSchema = z.object({
  items: z.array(packageSummarySchema),
  /** The next page's `cursor`; null on the last page. */
  nextCursor: z.string().nullable(),
  /** How many packages match the query in all (every page), when `count=true` was asked: what a tab's count says; otherwise null. */
  total: z.number().int().nonnegative().nullable(),
});
export type PackageList = z.infer<typeof packageListSchema>;

/** GET /api/package-models: every model the caller may see a package of, by name: the inbox's model filter. */
export const packageModelsSchema = z.object({
  models: z.array(z.object({ key: z.string(), name: z.string() })),
});
export type PackageModels = z.infer<typeof packageModelsSchema>;

export const submitPackageRequestSchema = z.object({
  modelKey: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'Use 1 to 64 lowercase letters, digits, "_", "-" or "."'),
  versionLabel: z.string().trim().min(1).max(64),
  content: packageContentSchema,
});
export type SubmitPackageRequest = z.infer<typeof submitPackageRequestSchema>;

export const submitVersionRequestSchema = z.object({
  content: packageContentSchema,
  /** One answer per rejection concern of the latest version and per open clarification request. */
  answers: concernAnswersSchema.default([]),
});
export type SubmitVersionRequest = z.infer<typeof submitVersionRequestSchema>;

export const packageIdParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const versionParamsSchema = z.object({ id: z.string().min(1).max(64), n: z.coerce.number().int().min(1).max(1_000_000) });
