import { z } from 'zod';
import { sectionKeySchema } from './sections.ts';

// A resubmission answers what stopped the previous round: every concern of every rejection
// of the latest version, and every clarification request still waiting for the owner.
// The answers are stored with the version they came with, and are as immutable as it is.

/** What an answer answers: one concern of a rejection, or one clarification thread. */
export const answerTargetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('concern'),
    decisionId: z.string().min(1).max(64),
    /** Position of the concern in the decision's list of concerns, from 0. */
    index: z.number().int().min(0).max(999),
  }),
  z.object({ kind: z.literal('clarification'), threadId: z.string().min(1).max(64) }),
]);
export type AnswerTarget = z.infer<typeof answerTargetSchema>;

export const concernAnswerSchema = z.object({
  target: answerTargetSchema,
  /** What changed, e.g. "Addressed in Subgroup fairness: disparate impact ratio now 0.86 after reweighting." */
  answer: z.string().trim().min(1, 'Say what changed to answer this').max(20_000, 'An answer has at most 20,000 characters'),
  /** Sections the owner says carry the change (besides the concern's own section). */
  sectionKeys: z.array(sectionKeySchema).max(200).default([]),
});
export type ConcernAnswer = z.infer<typeof concernAnswerSchema>;

export const concernAnswersSchema = z.array(concernAnswerSchema).max(500);

/** A stable string for a target, used as a map key and a form field name. */
export function answerTargetKey(target: AnswerTarget): string {
  return target.kind === 'concern' ? `concern:${target.decisionId}:${target.index}` : `clarification:${target.threadId}`;
}
