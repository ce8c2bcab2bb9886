import { z } from 'zod';
import { approvalBlockerSchema, governanceBlockerSchema } from './approval-gates.ts';
import { policyEvaluationSchema } from './policies.ts';
import { problemBaseSchema } from './problem-base.ts';

export { fieldProblemSchema, type FieldProblem } from './problem-base.ts';

/** RFC 9457 problem details, extended with every field-level problem and the refusals' own members. */
export const problemSchema = problemBaseSchema.extend({
  /** For an approval refused by its gates: every blocker that stands now. */
  blockers: z.array(approvalBlockerSchema).optional(),
  /** For a submission refused by the governance policy: the whole check, naming the policy version. */
  policy: policyEvaluationSchema.optional(),
  /** For an approval refused by the governance gate: each unmet blocking requirement (with its policy version) and a missing risk assessment. */
  governanceBlockers: z.array(governanceBlockerSchema).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

// The types live apart so that a page needing only a type's URI (the log-in page) loads none of
// the schemas above (bench budget: the log-in page's JavaScript).
export { problemTypes } from './problem-types.ts';
