import type { MailMode } from '#domain/contracts/notification-preferences.ts';
import type { NotificationKind } from '#domain/contracts/notifications.ts';

// The mail slice of the storage port: each user's choices per kind of notification, the
// mail outbox (one row per message, sent by the server's dispatcher with retries), the items
// waiting for a user's daily digest, and how far the audit log has been turned into mail.

export interface StoredMail {
  id: string;
  /** One message per key, however often (and on however many instances) it is queued. */
  dedupeKey: string;
  userId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  kind: 'immediate' | 'digest';
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  /** When the dispatcher may next take it (also its lease while an attempt runs); null once settled. */
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface StoredDigestItem {
  userId: string;
  /** The notification's stable id (`<audit seq>-<kind>`). */
  notificationId: string;
  kind: NotificationKind;
  text: string;
  /** An app path (the package, or the thread on it). */
  link: string;
  /** When the notification happened. */
  at: string;
  digestMailId: string | null;
}

export interface MailStore {
  /** The user's stored choices (kinds never chosen are absent: their default applies). */
  listMailModes(userId: string): Promise<Partial<Record<NotificationKind, MailMode>>>;
  setMailModes(userId: string, modes: Partial<Record<NotificationKind, MailMode>>, at: string): Promise<void>;
  /** Queues a message; false when one with its dedupe key is queued already (nothing changes). */
  insertMail(mail: StoredMail): Promise<boolean>;
  listMailFor(userId: string): Promise<StoredMail[]>;
  listDueMail(at: string, limit: number): Promise<StoredMail[]>;
  /** Takes a due message for one attempt: true for exactly one of several callers. */
  claimMail(id: string, expectedNextAttemptAt: string, leaseUntil: string): Promise<boolean>;
  /**
   * Writes an attempt's outcome. With `heldLease`, only while the message is still pending under
   * that lease (its sender's claim): false when another sender has taken it since, and nothing changes.
   */
  updateMail(id: string, update: Pick<StoredMail, 'attempts' | 'status' | 'nextAttemptAt' | 'lastError' | 'sentAt'>, heldLease?: string): Promise<boolean>;
  /** Keeps a notification for the user's digest; false when it is kept already. */
  insertDigestItem(item: StoredDigestItem): Promise<boolean>;
  /** Users with items not yet in a digest, from before `before`. */
  listUsersWithDigestItems(before: string): Promise<string[]>;
  /** Gives the user's waiting items from before `before` to one digest message, and answers them. */
  takeDigestItems(userId: string, before: string, mailId: string): Promise<StoredDigestItem[]>;
  /** The audit seq up to which notifications have been turned into mail; null before the first pass. */
  findMailCursor(): Promise<number | null>;
  /** Starts the cursor (first pass ever); a concurrent start by another instance wins silently. */
  startMailCursor(seq: number): Promise<void>;
  /** Moves the cursor from `from` to `to`; false when another instance moved it first. */
  advanceMailCursor(from: number, to: number): Promise<boolean>;
}
