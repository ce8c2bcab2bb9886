import { z } from 'zod';

// In-app notifications. They are not stored: each is derived, when asked for, from an audit
// entry and the workflow state, so it can never disagree with the record. Only how far a
// user has read (an audit seq) is stored.

export const notificationKindSchema = z.enum(['step_active', 'clarification_answered', 'package_rejected', 'clarification_requested', 're_review_due', 'package_approved', 'finding_assigned', 'finding_due', 'monitoring_alert', 'obligation_assigned', 'obligation_sent_back', 'obligation_lapsed', 'policy_rechecked']);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationSchema = z.object({
  /** `<audit seq>-<kind>`: stable, because the audit entry it comes from never changes. */
  id: z.string(),
  /** The audit entry the notification comes from; reading marks entries up to a seq. */
  seq: z.number().int().min(1),
  kind: notificationKindSchema,
  packageId: z.string(),
  modelName: z.string(),
  text: z.string(),
  at: z.iso.datetime(),
  /** An app path: the package, or the thread on it. */
  link: z.string().startsWith('/'),
  unread: z.boolean(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  /** Newest first, at most 50. */
  items: z.array(notificationSchema).max(50),
  /** Every unread notification, including any beyond the 50 listed. */
  unreadCount: z.number().int().min(0),
  lastReadSeq: z.number().int().min(0),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const markNotificationsReadRequestSchema = z.strictObject({
  /** Marks every notification up to and including this audit seq read. */
  upToSeq: z.number().int().min(0),
});
export type MarkNotificationsReadRequest = z.infer<typeof markNotificationsReadRequestSchema>;
