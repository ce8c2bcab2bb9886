import { z } from 'zod';
import { actorSchema } from './decisions.ts';

// Package events: what happened to a package that other systems may need to act on (a
// submission, a step or package approved or rejected, an approval lapsing or falling due for
// review, an approval rolled back or ended by a move of its chain). A capability publishes them in the transaction of the change (api/events/); each
// subscriber turns them into its own queued work.

export const packageEventTypes = ['package.submitted', 'step.approved', 'package.rejected', 'package.approved', 'package.re_review_due', 'package.emergency_approved', 'obligation.lapsed', 'package.rolled_back', 'package.approval_ended'] as const;
export type PackageEventType = (typeof packageEventTypes)[number];

/** How each event reads to a person choosing which to receive. */
export const packageEventLabels: Record<PackageEventType, string> = {
  'package.submitted': 'Package submitted (or resubmitted)',
  'step.approved': 'Step approved',
  'package.rejected': 'Package rejected',
  'package.approved': 'Package fully approved',
  'package.re_review_due': 'Re-review due',
  'package.emergency_approved': 'Emergency approval (follow-up review open)',
  'obligation.lapsed': 'A condition of an approval lapsed (past its due date)',
  'package.rolled_back': 'Approval rolled back (the previous approved version is back in force)',
  'package.approval_ended': 'Approval ended by a chain move (a new tier or business line; in review again)',
};

/** What every event says: the package version, and the step, decision and actor when a person caused it. */
export const packageEventDataSchema = z.object({
  packageId: z.string(),
  modelKey: z.string(),
  version: z.number().int(),
  versionLabel: z.string(),
  step: z.string().nullable(),
  decision: z.string().nullable(),
  actor: actorSchema.nullable(),
  /** Only on `obligation.lapsed`: the condition that lapsed (docs/decisions/0111). */
  obligation: z.object({ id: z.string(), text: z.string(), dueOn: z.string(), ownerId: z.string(), scope: z.object({ dimension: z.string(), allow: z.array(z.string()) }).nullable() }).optional(),
  /** Only on `package.approval_ended`: the chain move that ended it, and the status before and after (docs/decisions/0193, S30). */
  approvalEnded: z.object({ reason: z.string(), from: z.string(), to: z.string() }).optional(),
});
export type PackageEventData = z.infer<typeof packageEventDataSchema>;

export interface PackageEvent {
  type: PackageEventType;
  data: PackageEventData;
}
