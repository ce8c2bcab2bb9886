import { z } from 'zod';
import { actorSchema, decisionKindSchema } from './decisions.ts';
import { findingSeveritySchema, findingStatusSchema } from './findings.ts';
import { packageSummarySchema } from './packages.ts';
import { roleSchema } from './roles.ts';
import { riskTierSchema } from './sections.ts';
import { governanceSchema, packageListLinkSchema } from './governance.ts';

// GET /api/dashboard: the committee's view across every package. The audit log's integrity
// is a separate call (GET /api/audit/verify), so a slow check never holds the page up.

export const riskTierRowSchema = z.object({
  riskTier: riskTierSchema,
  models: z.number().int().nonnegative(),
  inReview: z.number().int().nonnegative(),
  approved: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
});

export const reReviewItemSchema = z.object({
  packageId: z.string(),
  modelName: z.string(),
  versionLabel: z.string(),
  stepName: z.string(),
  approvedBy: actorSchema,
  reReviewOn: z.iso.date(),
  /** due: the date has come; upcoming: within the next 30 days. */
  state: z.enum(['due', 'upcoming']),
});

export const recentDecisionSchema = z.object({
  packageId: z.string(),
  modelName: z.string(),
  versionLabel: z.string(),
  decisionId: z.string(),
  decision: decisionKindSchema,
  meaning: z.string(),
  role: roleSchema,
  actor: actorSchema,
  decidedAt: z.iso.datetime(),
});

/** An emergency approval whose follow-up review (the normal chain) is not done yet. */
export const emergencyFollowUpItemSchema = z.object({
  packageId: z.string(),
  modelName: z.string(),
  versionLabel: z.string(),
  decisionId: z.string(),
  versionNumber: z.number().int(),
  approvedBy: actorSchema,
  decidedAt: z.iso.datetime(),
  incidentRef: z.string(),
  justification: z.string(),
  /** The step the follow-up waits on now, or null (none active: e.g. waiting for a new version). */
  waitingOn: z.string().nullable(),
});
export type EmergencyFollowUpItem = z.infer<typeof emergencyFollowUpItemSchema>;

/** A finding the committee should look at: overdue, or accepted as a risk whose acceptance runs out soon. */
export const dashboardFindingSchema = z.object({
  findingId: z.string(),
  packageId: z.string(),
  modelName: z.string(),
  versionLabel: z.string(),
  title: z.string(),
  severity: findingSeveritySchema,
  status: findingStatusSchema,
  owner: actorSchema,
  dueDate: z.iso.date(),
  /** The acceptance's expiry, for an accepted risk; null otherwise. */
  expiresOn: z.iso.date().nullable(),
});
export type DashboardFinding = z.infer<typeof dashboardFindingSchema>;

export const dashboardFindingsSchema = z.object({
  /** Findings not yet verified nor accepted as a risk, by severity. */
  openBySeverity: z.object({ critical: z.number().int().nonnegative(), high: z.number().int().nonnegative(), medium: z.number().int().nonnegative(), low: z.number().int().nonnegative() }),
  /** Unresolved findings past their due date, most overdue first. */
  overdue: z.array(dashboardFindingSchema),
  /** Accepted risks whose acceptance expired or expires within 30 days, soonest first. */
  acceptancesExpiring: z.array(dashboardFindingSchema),
});
export type DashboardFindings = z.infer<typeof dashboardFindingsSchema>;

/** How many packages each of the dashboard's package lists shows; the rest are behind its link (decision record 0159). */
export const dashboardListLimit = 10;

/**
 * A list of packages on the dashboard: its first `dashboardListLimit` packages in the list's
 * order, how many it holds in all, and the inventory list that shows every one of them (GET
 * /api/packages?governance=…, paged by cursor), so the dashboard's cost does not grow with the
 * inventory and the figure still leads to every package it counts (decision record 0159).
 */
export const dashboardPackageListSchema = z.object({
  items: z.array(packageSummarySchema).max(dashboardListLimit),
  total: z.number().int().nonnegative(),
  link: packageListLinkSchema,
});
export type DashboardPackageList = z.infer<typeof dashboardPackageListSchema>;

export const dashboardSchema = z.object({
  generatedAt: z.iso.datetime(),
  byRiskTier: z.array(riskTierRowSchema),
  /** In review or waiting for clarification, oldest first. */
  pending: dashboardPackageListSchema,
  /** Pending packages whose current step is past its due time, most overdue first. */
  overdue: dashboardPackageListSchema,
  reReviews: z.array(reReviewItemSchema),
  /** Approved packages a condition of which passed its due date unfulfilled (docs/decisions/0111). */
  conditionsLapsed: dashboardPackageListSchema,
  /** The latest decisions, newest first (at most 20). */
  recentDecisions: z.array(recentDecisionSchema),
  /** Emergency approvals awaiting their follow-up review, oldest first. */
  emergencyFollowUps: z.array(emergencyFollowUpItemSchema).default([]),
  /** Required: a server that could not count the findings must not look like one that found none. */
  findings: dashboardFindingsSchema,
  governance: governanceSchema,
});
export type Dashboard = z.infer<typeof dashboardSchema>;
