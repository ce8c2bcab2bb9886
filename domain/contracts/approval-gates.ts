import { z } from 'zod';
import { actorSchema } from './decisions.ts';
import { sectionKeySchema } from './sections.ts';

/** What can stand in the way of an approval; a later gate (blocking findings) adds its kind here. */
export const approvalBlockerKindSchema = z.enum(['open_clarification']);
export type ApprovalBlockerKind = z.infer<typeof approvalBlockerKindSchema>;

/** One thing that blocks an approval of a version, as the sign dialog lists it and a 409 names it. */
export const approvalBlockerSchema = z.object({
  kind: approvalBlockerKindSchema,
  /** The thread that blocks. */
  ref: z.string(),
  sectionKey: sectionKeySchema,
  /** unanswered: the owner has not answered yet; answered: answered, not resolved. */
  state: z.enum(['unanswered', 'answered']),
  askedBy: actorSchema,
  /** One sentence, for a person. */
  description: z.string(),
});
export type ApprovalBlocker = z.infer<typeof approvalBlockerSchema>;
