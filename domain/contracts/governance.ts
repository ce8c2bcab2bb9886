import { z } from 'zod';
import { riskTierSchema } from './sections.ts';

// The governance metrics of the committee dashboard (GET /api/dashboard, `governance`): each
// figure, the list behind it and its trend over the last 12 months.

/**
 * The lists a governance figure can open, each a filter the list's own endpoint applies on the
 * server (GET /api/packages?governance=…, GET /api/findings?acceptanceExpired=true, GET /api/audit?…),
 * so the figure and the list are the same set (docs/decisions/0117).
 */
export const governanceListSchema = z.enum([
  /** The newest package of each model: "the models". */
  'current',
  'pending',
  'overdue',
  'complete',
  'assessed',
  'approved',
  'blocking_failed',
  'overridden',
  're_review_due',
  /** Packages with a version submitted since the first of this month (UTC): new packages and resubmissions (decision record 0156). */
  'changed',
  /**
   * Approved packages a condition of which passed its due date unfulfilled (docs/decisions/0111):
   * the committee dashboard's "conditions lapsed" list in full (decision record 0159). Not a figure.
   */
  'conditions_lapsed',
]);
export type GovernanceList = z.infer<typeof governanceListSchema>;

/** An inventory list: GET /api/packages?governance=…, paged by cursor. */
export const packageListLinkSchema = z.object({ list: z.literal('packages'), query: z.object({ governance: governanceListSchema, riskTier: riskTierSchema.optional() }) });
export type PackageListLink = z.infer<typeof packageListLinkSchema>;

export const governanceLinkSchema = z.discriminatedUnion('list', [
  packageListLinkSchema,
  z.object({ list: z.literal('findings'), query: z.object({ status: z.literal('risk_accepted'), acceptanceExpired: z.literal('true') }) }),
  z.object({ list: z.literal('audit'), query: z.object({ action: z.string(), from: z.iso.date() }) }),
]);
export type GovernanceLink = z.infer<typeof governanceLinkSchema>;

/** A figure per tier of the models, one per other inventory list, and the two counted in the findings register and the audit log. */
export const governanceFigureKeySchema = z.enum(['tier_1', 'tier_2', 'tier_3', 'tier_4', ...governanceListSchema.exclude(['current', 'changed', 'conditions_lapsed']).options, 'acceptances_expired', 'changes_this_month', 'rollbacks_this_month']);
export type GovernanceFigureKey = z.infer<typeof governanceFigureKeySchema>;

/** A month's value; null for a month before any snapshot of a state figure was taken (docs/decisions/0136). */
export const trendPointSchema = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), value: z.number().int().nonnegative().nullable() });

export const governanceFigureSchema = z.object({
  key: governanceFigureKeySchema,
  value: z.number().int().nonnegative(),
  /** For a share: how many models it is a share of (value / of); null for a count. */
  of: z.number().int().nonnegative().nullable(),
  link: governanceLinkSchema,
  /**
   * The last 12 calendar months (UTC), oldest first, this month last: what the figure counts
   * happening in each month (trendMeasure says what), or for a state worked out now (overdue,
   * all approvals, re-reviews due, expired acceptances) its value at each month's close from
   * the monthly snapshots and this month's value now (docs/decisions/0136), a month before the
   * first snapshot null. Null where neither exists.
   */
  trend: z.array(trendPointSchema).length(12).nullable(),
  trendMeasure: z.string().nullable(),
});
export type GovernanceFigure = z.infer<typeof governanceFigureSchema>;

/**
 * Audit chain integrity over the last 12 months (decision record 0156): per month, the log's size
 * at the last tree head signed in it. A head is signed only over a log that verifies (hash chain,
 * Merkle root, every earlier head), so a point is "verified then, at this size"; a month with no
 * head published is null. Its list is the audit log (/audit), whose check is on the dashboard.
 */
export const auditChainTrendSchema = z.object({ trend: z.array(trendPointSchema).length(12), trendMeasure: z.string() });

export const governanceSchema = z.object({ figures: z.array(governanceFigureSchema), auditChain: auditChainTrendSchema });
export type Governance = z.infer<typeof governanceSchema>;


/** What each inventory list holds, as the inventory's governance filter names it. */
export const governanceListLabels: Record<GovernanceList, string> = {
  current: 'Models (newest package of each)',
  pending: 'Pending approval',
  overdue: 'Overdue reviews',
  complete: 'Complete package',
  assessed: 'With a risk assessment',
  approved: 'With all approvals',
  blocking_failed: 'Blocking policy failure',
  overridden: 'Overrides',
  re_review_due: 'Re-review due',
  changed: 'Submitted or resubmitted this month',
  conditions_lapsed: 'Conditions lapsed',
};
