import { z } from 'zod';
import { notificationKindSchema, type NotificationKind } from './notifications.ts';

// Per-user email preferences: for each kind of notification, mail it at once, gather it into
// the daily digest, or send no mail (the in-app notification is there either way).

export const mailModeSchema = z.enum(['immediate', 'digest', 'off']);
export type MailMode = z.infer<typeof mailModeSchema>;

/** What a user who never chose gets: the three that need someone to act now are immediate. */
export const defaultMailModes: Readonly<Record<NotificationKind, MailMode>> = {
  step_active: 'immediate',
  clarification_requested: 'immediate',
  clarification_answered: 'immediate',
  package_rejected: 'immediate',
  package_approved: 'immediate',
  re_review_due: 'digest',
  finding_assigned: 'immediate',
  finding_due: 'immediate',
  monitoring_alert: 'immediate',
  obligation_assigned: 'immediate',
  obligation_sent_back: 'immediate',
  obligation_lapsed: 'immediate',
  policy_rechecked: 'immediate',
};

/** The order a person reads them in: what needs them now first, the digest's usual content last. */
export const mailKindOrder: readonly NotificationKind[] = ['step_active', 'clarification_requested', 'clarification_answered', 'package_rejected', 'package_approved', 'finding_assigned', 'finding_due', 'obligation_assigned', 'obligation_sent_back', 'obligation_lapsed', 'monitoring_alert', 'policy_rechecked', 're_review_due'];

export const notificationKindLabels: Readonly<Record<NotificationKind, string>> = {
  step_active: 'Your step is active',
  clarification_requested: 'A clarification is asked of you',
  clarification_answered: 'Your clarification request was answered',
  package_rejected: 'Your package was rejected',
  package_approved: 'Your package was approved',
  re_review_due: 'A re-review is due',
  finding_assigned: 'A finding is assigned to you',
  finding_due: 'A finding of yours falls due',
  monitoring_alert: 'A monitoring alert put an approval under re-review',
  obligation_assigned: 'A condition of an approval is yours to fulfil',
  obligation_sent_back: 'Your fulfilment of a condition was sent back',
  obligation_lapsed: 'A condition you owe lapsed',
  policy_rechecked: 'A new policy version changed your package’s check',
};

const modesShape = Object.fromEntries(notificationKindSchema.options.map((kind) => [kind, mailModeSchema])) as Record<NotificationKind, typeof mailModeSchema>;

/** Every kind with its mode. */
export const mailModesSchema = z.strictObject(modesShape);
export type MailModes = z.infer<typeof mailModesSchema>;

export const notificationPreferencesSchema = z.object({
  /** Where mail goes: the account's email address. */
  email: z.string(),
  /** Whether this server sends mail at all (SMTP configured); the choices are kept either way. */
  mailEnabled: z.boolean(),
  modes: mailModesSchema,
  /** The hour (UTC, 0–23) at which the daily digest is sent. */
  digestHourUtc: z.number().int().min(0).max(23),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

/** PUT: the kinds to change; a kind left out keeps its mode. */
export const updateNotificationPreferencesRequestSchema = z.strictObject({
  modes: z.strictObject(Object.fromEntries(notificationKindSchema.options.map((kind) => [kind, mailModeSchema.optional()])) as Record<NotificationKind, z.ZodOptional<typeof mailModeSchema>>),
});
export type UpdateNotificationPreferencesRequest = z.infer<typeof updateNotificationPreferencesRequestSchema>;

/** The stored choices over the defaults. */
export function effectiveModes(stored: Partial<Record<NotificationKind, MailMode>>): MailModes {
  return { ...defaultMailModes, ...stored };
}
