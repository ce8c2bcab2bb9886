import { z } from 'zod';
import { versionNumberSchema } from './version-number.ts';
import { roleSchema } from './roles.ts';
import { sectionKeySchema } from './sections.ts';
import { hasVisibleText } from '../text/visible-text.ts';

export const decisionKindSchema = z.enum(['approve', 'approve_with_conditions', 'reject', 'request_clarification', 'emergency_approve']);
export type DecisionKind = z.infer<typeof decisionKindSchema>;

/** The meaning a signature carries, printed on every record (21 CFR 11.50). */
export const decisionMeanings: Record<DecisionKind, string> = {
  approve: 'Approved',
  approve_with_conditions: 'Approved with conditions',
  reject: 'Rejected',
  request_clarification: 'Clarification requested',
  emergency_approve: 'Emergency approval for deployment before the review chain completes; a follow-up review is required',
};

export const conditionsSchema = z.object({
  scope: z.string().trim().min(1, 'State the scope the approval is limited to').max(2_000),
  reReviewOn: z.iso.date(),
  text: z.string().max(20_000),
});
export type Conditions = z.infer<typeof conditionsSchema>;

/** How far ahead a re-review may be set: an approval with conditions is looked at again within this. */
export const maxReReviewYears = 3;

/**
 * What is wrong with the re-review date of a new approval with conditions decided at `now`:
 * not before that day (UTC), at most maxReReviewYears after it. Null when it is fine. Stored
 * decisions are read with conditionsSchema alone, so an old record stays readable.
 */
export function reReviewDateProblem(reReviewOn: string, now: Date): string | null {
  const today = now.toISOString().slice(0, 10);
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + maxReReviewYears);
  const last = latest.toISOString().slice(0, 10);
  if (reReviewOn < today) return `The re-review date is already past; give ${today} or later`;
  if (reReviewOn > last) return `The re-review date may be at most ${maxReReviewYears} years ahead (${last} at the latest)`;
  return null;
}

/** One rejection concern: what is rejected, in which section, and what must change. */
export const concernSchema = z.object({
  sectionKey: sectionKeySchema,
  concern: z.string().trim().min(1).max(20_000),
  requiredChange: z.string().trim().min(1).max(20_000),
});
export type Concern = z.infer<typeof concernSchema>;

/**
 * What an emergency approval states besides its meaning: why it cannot wait for the chain,
 * and the incident it answers. Signed (it is part of the payload) and kept on the decision.
 * Read leniently here, so a record stays readable if the rules below ever tighten; the
 * rules a new emergency approval must meet are `emergencyDetailsProblems`.
 */
export const emergencyDetailsSchema = z.object({
  justification: z.string().max(4_000),
  incidentRef: z.string().max(64),
});
export type EmergencyDetails = z.infer<typeof emergencyDetailsSchema>;

export const emergencyJustificationMin = 20;
/** An incident ticket such as INC-4821 or SEC1-77: a capital, capitals or digits, a dash, digits. */
export const incidentRefPattern = /^[A-Z][A-Z0-9]+-[0-9]+$/;

/** What is wrong with the emergency details of a new approval, by field (the sign dialog and the server say the same). */
export function emergencyDetailsProblems(details: EmergencyDetails): Partial<Record<keyof EmergencyDetails, string>> {
  const out: Partial<Record<keyof EmergencyDetails, string>> = {};
  const justification = details.justification.trim();
  if (justification.length < emergencyJustificationMin || !hasVisibleText(justification)) {
    out.justification = `Justify the emergency in at least ${emergencyJustificationMin} characters: why deployment cannot wait for the review chain`;
  } else if (justification.length > 4_000) out.justification = 'Keep the justification under 4,000 characters';
  if (!incidentRefPattern.test(details.incidentRef)) out.incidentRef = 'Give the incident reference as its ticket id, for example INC-4821';
  return out;
}

/**
 * Where the follow-up review of an emergency approval stands: open until the normal chain
 * fully approves (completed) or rejects (rejected); `at` is when it ended, null while open.
 */
export const emergencyFollowUpSchema = z.object({
  state: z.enum(['open', 'completed', 'rejected']),
  at: z.iso.datetime().nullable(),
});
export type EmergencyFollowUp = z.infer<typeof emergencyFollowUpSchema>;

/**
 * A signer's override of what blocks an approval (domain/workflow/approval-gates.ts): the
 * blockers they approved over, each by kind and reference (a thread id), and why. Signed with
 * the rest of the payload, so it is part of the record. Read leniently (any kind), so a
 * record made after another gate adds a kind stays readable; the server accepts only the
 * blockers it finds itself.
 */
export const approvalOverrideSchema = z.object({
  reason: z.string().max(4_000),
  blockers: z.array(z.object({ kind: z.string().min(1).max(64), ref: z.string().min(1).max(64) })).max(200),
});
export type ApprovalOverride = z.infer<typeof approvalOverrideSchema>;

export const actorSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  title: z.string(),
});
export type Actor = z.infer<typeof actorSchema>;

export const decisionSchema = z.object({
  id: z.string(),
  packageId: z.string(),
  versionNumber: versionNumberSchema,
  stepKey: z.string(),
  role: roleSchema,
  decision: decisionKindSchema,
  meaning: z.string(),
  reason: z.string(),
  conditions: conditionsSchema.nullable(),
  concerns: z.array(concernSchema),
  actor: actorSchema,
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  decidedAt: z.iso.datetime(),
  /** Only on an emergency approval (decision `emergency_approve`): its justification and incident. */
  emergency: emergencyDetailsSchema.optional(),
  /** Only on an approval signed over open blockers: what was overridden and why. */
  override: approvalOverrideSchema.optional(),
});
export type Decision = z.infer<typeof decisionSchema>;
