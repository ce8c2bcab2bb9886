import { z } from 'zod';
import { actorSchema } from './decisions.ts';
import { roleSchema } from './roles.ts';

// Obligations (issue 19, docs/decisions/0111): each condition of an approval with conditions,
// owed by a person of the owner team by a due date, optionally restricting where the model may
// be used in a form integrations can check. Signed inside the decision's payload; tracked
// afterwards with a lifecycle of its own (domain/obligations/lifecycle.ts).

const token = z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'Use lowercase letters, digits, "_", "-" or "."').max(64);

/**
 * A machine-readable scope: on `dimension` (channel, region, product, …) only the values in
 * `allow` are approved. Strict: a member it does not know is refused rather than ignored, so a
 * misspelt "alow" never reads as "no restriction".
 */
export const obligationScopeSchema = z.strictObject({
  dimension: token,
  allow: z.array(token).min(1, 'Name at least one allowed value').max(50),
});
export type ObligationScope = z.infer<typeof obligationScopeSchema>;

/** One condition as the signer states it, inside the signing payload (member `obligations`). */
export const signedObligationSchema = z.object({
  text: z.string().trim().min(1, 'State the condition').max(4_000),
  /** A person of the package's owner team: checked by the server at signing. */
  ownerId: z.string().min(1, 'Choose who owes this condition').max(64),
  /** Not before the day of signing, at most five years ahead: checked by the server at signing. */
  dueOn: z.iso.date({ error: 'Give a date as YYYY-MM-DD' }),
  scope: obligationScopeSchema.nullable(),
});
export type SignedObligation = z.infer<typeof signedObligationSchema>;

/** The most conditions one decision may carry. */
export const maxObligations = 20;

/**
 * open → fulfilment_recorded (the owner team, with evidence) → confirmed (a reviewer of the
 * approving step's role), or sent back to open. An open obligation past its due date becomes
 * lapsed (the sweep); the owner team may still record fulfilment of a lapsed one.
 */
export const obligationStatusSchema = z.enum(['open', 'fulfilment_recorded', 'confirmed', 'lapsed']);
export type ObligationStatus = z.infer<typeof obligationStatusSchema>;
export const obligationStatusLabels: Record<ObligationStatus, string> = {
  open: 'Open',
  fulfilment_recorded: 'Fulfilment recorded',
  confirmed: 'Confirmed',
  lapsed: 'Lapsed',
};

const evidenceLinkSchema = z
  .string()
  .trim()
  .max(2_000)
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'Give an http:// or https:// address');

export const obligationEvidenceSchema = z.object({
  text: z.string().trim().min(1, 'Describe the evidence of fulfilment').max(8_000),
  link: evidenceLinkSchema.nullable(),
});

/** Evidence as recorded: with who recorded it and when. */
export const recordedEvidenceSchema = obligationEvidenceSchema.extend({ by: actorSchema, at: z.iso.datetime() });

/** The last review of a recorded fulfilment: confirmed, or sent back with why. */
export const obligationReviewSchema = z.object({ outcome: z.enum(['confirmed', 'sent_back']), note: z.string(), by: actorSchema, at: z.iso.datetime() });

export const obligationSchema = z.object({
  id: z.string(),
  packageId: z.string(),
  decisionId: z.string(),
  versionNumber: z.number().int().min(1),
  stepKey: z.string(),
  /** The role of the approving step: its reviewers confirm. */
  role: roleSchema,
  /** Its place among the decision's conditions (0 first). */
  position: z.number().int().min(0),
  text: z.string(),
  owner: actorSchema,
  dueOn: z.iso.date(),
  scope: obligationScopeSchema.nullable(),
  status: obligationStatusSchema,
  evidence: recordedEvidenceSchema.nullable(),
  review: obligationReviewSchema.nullable(),
  /** When it last lapsed; null if it never did. */
  lapsedAt: z.iso.datetime().nullable(),
  revision: z.number().int().min(0),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Obligation = z.infer<typeof obligationSchema>;

export const obligationListSchema = z.object({ items: z.array(obligationSchema) });

export const obligationParamsSchema = z.object({ id: z.string().min(1).max(64), obligationId: z.string().min(1).max(64) });

const revision = z.number().int().min(0);
/** POST /api/packages/{id}/obligations/{obligationId}/transitions; `revision` is the one the caller saw. */
export const obligationTransitionRequestSchema = z.discriminatedUnion('to', [
  z.object({ to: z.literal('fulfilment_recorded'), revision, evidence: obligationEvidenceSchema }),
  z.object({ to: z.literal('confirmed'), revision, note: z.string().trim().max(4_000).default('') }),
  z.object({ to: z.literal('open'), revision, note: z.string().trim().min(1, 'Say why the fulfilment is sent back').max(4_000) }),
]);
export type ObligationTransitionRequest = z.infer<typeof obligationTransitionRequestSchema>;
