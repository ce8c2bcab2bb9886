import { z } from 'zod';
import { actorSchema } from './decisions.ts';

// Webhooks: endpoints an administrator registers, the workflow events delivered to them
// (signed in the Standard Webhooks style) and the log of each delivery's attempts.

export const webhookEventTypes = ['package.submitted', 'step.approved', 'package.rejected', 'package.approved', 'package.re_review_due', 'package.emergency_approved', 'obligation.lapsed', 'package.rolled_back'] as const;
export const webhookEventTypeSchema = z.enum(webhookEventTypes);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

export const webhookEventLabels: Record<WebhookEventType, string> = {
  'package.submitted': 'Package submitted (or resubmitted)',
  'step.approved': 'Step approved',
  'package.rejected': 'Package rejected',
  'package.approved': 'Package fully approved',
  'package.re_review_due': 'Re-review due',
  'package.emergency_approved': 'Emergency approval (follow-up review open)',
  'obligation.lapsed': 'A condition of an approval lapsed (past its due date)',
  'package.rolled_back': 'Approval rolled back (the previous approved version is back in force)',
};

/** Only http and https: a receiver is a web server, not a file or another scheme. */
const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'Give an http:// or https:// address');

export const registerWebhookRequestSchema = z.object({
  url: webhookUrlSchema,
  description: z.string().trim().max(500).default(''),
  events: z
    .array(webhookEventTypeSchema)
    .min(1, 'Choose at least one event')
    .refine((events) => new Set(events).size === events.length, 'Each event at most once'),
});
export type RegisterWebhookRequest = z.infer<typeof registerWebhookRequestSchema>;

export const webhookIdParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(webhookEventTypeSchema),
  enabled: z.boolean(),
  createdAt: z.iso.datetime(),
  createdBy: actorSchema,
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointListSchema = z.object({ items: z.array(webhookEndpointSchema) });

/** Registration answers the secret once; it is never shown again. */
export const registeredWebhookSchema = z.object({ endpoint: webhookEndpointSchema, secret: z.string().startsWith('whsec_') });

export const webhookDeliveryStatusSchema = z.enum(['pending', 'delivered', 'failed']);
export type WebhookDeliveryStatus = z.infer<typeof webhookDeliveryStatusSchema>;

/**
 * Why an attempt got no HTTP answer, as a class, never the network error itself: "connection
 * refused" against "timed out" against "reset" is what turns a delivery log into a port scanner.
 * "refused: …" means the dispatcher did not connect at all (domain/webhooks/address.ts).
 */
export const webhookAttemptFailures = [
  'refused: loopback address',
  'refused: private address',
  'refused: link-local address',
  'refused: metadata address',
  'refused: reserved address',
  'host not found',
  'connection failed',
  'TLS failure',
  'timeout',
] as const;
export const webhookAttemptFailureSchema = z.enum(webhookAttemptFailures);
export type WebhookAttemptFailure = z.infer<typeof webhookAttemptFailureSchema>;

export const webhookAttemptSchema = z.object({
  attempt: z.number().int().min(1),
  at: z.iso.datetime(),
  /** The receiver's HTTP status, or null when no answer came (refused, timed out). */
  statusCode: z.number().int().nullable(),
  error: webhookAttemptFailureSchema.nullable(),
  durationMs: z.number().int().nonnegative(),
});

export const webhookDeliverySchema = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: webhookEventTypeSchema,
  status: webhookDeliveryStatusSchema,
  attempts: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  nextAttemptAt: z.iso.datetime().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
  attemptLog: z.array(webhookAttemptSchema),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryListSchema = z.object({ endpoint: webhookEndpointSchema, items: z.array(webhookDeliverySchema) });

/** The JSON body every receiver gets. */
export const webhookPayloadSchema = z.object({
  type: webhookEventTypeSchema,
  id: z.string(),
  timestamp: z.iso.datetime(),
  data: z.object({
    packageId: z.string(),
    modelKey: z.string(),
    version: z.number().int(),
    versionLabel: z.string(),
    step: z.string().nullable(),
    decision: z.string().nullable(),
    actor: actorSchema.nullable(),
    /** Only on `obligation.lapsed`: the condition that lapsed (docs/decisions/0111). */
    obligation: z.object({ id: z.string(), text: z.string(), dueOn: z.string(), ownerId: z.string(), scope: z.object({ dimension: z.string(), allow: z.array(z.string()) }).nullable() }).optional(),
  }),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
