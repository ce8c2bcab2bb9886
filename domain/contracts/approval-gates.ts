import { z } from 'zod';
import { actorSchema } from './decisions.ts';
import { policyCheckSchema, policyRefSchema } from './policies.ts';
import { sectionKeySchema } from './sections.ts';

/** What can stand in the way of an approval: an unresolved clarification request, a blocking finding not yet verified, an accepted risk past its expiry. */
export const approvalBlockerKindSchema = z.enum(['open_clarification', 'open_finding', 'expired_risk_acceptance']);
export type ApprovalBlockerKind = z.infer<typeof approvalBlockerKindSchema>;

/** One thing that blocks an approval of a version, as the sign dialog lists it and a 409 names it. */
export const approvalBlockerSchema = z.object({
  kind: approvalBlockerKindSchema,
  /** The thread or finding that blocks. */
  ref: z.string(),
  sectionKey: sectionKeySchema,
  /**
   * A clarification: unanswered (the owner has not answered yet) or answered, not resolved. A
   * finding: its status (open, remediation_proposed, remediated), or risk_expired.
   */
  state: z.enum(['unanswered', 'answered', 'open', 'remediation_proposed', 'remediated', 'risk_expired']),
  askedBy: actorSchema,
  /** One sentence, for a person. */
  description: z.string(),
});
export type ApprovalBlocker = z.infer<typeof approvalBlockerSchema>;

/**
 * What the governance gate refuses every approval for (docs/decisions/0141), with no override: a
 * blocking policy requirement the version does not meet, no risk assessment by the current
 * tiering method, or a business line the organisation does not list (0176). Rejecting and requesting changes stay open.
 */
export const governanceBlockerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('policy_requirement'), policy: policyRefSchema, check: policyCheckSchema, description: z.string() }),
  z.object({ kind: z.literal('risk_assessment_missing'), description: z.string() }),
  z.object({ kind: z.literal('risk_assessment_outdated'), description: z.string() }),
  /** The package is filed under a line that is not on the organisation's list (filed before 0168): no policy or chain was chosen for it (0176). */
  /** `listedAfterFiling`: the line is on the list now, added after the package was filed under it; the owner's re-filing still lifts it (0182). */
  z.object({ kind: z.literal('unlisted_business_line'), businessLine: z.string(), listedAfterFiling: z.literal(true).optional(), description: z.string() }),
]);
export type GovernanceBlocker = z.infer<typeof governanceBlockerSchema>;
