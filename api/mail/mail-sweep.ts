import { effectiveModes } from '#domain/contracts/notification-preferences.ts';
import { composeDigestMail, composeImmediateMail, digestCutoff } from '#domain/mail/compose-mail.ts';
import { allNotificationsFor } from '../notifications/handlers.ts';
import type { Store, StoredMail } from '../store/store.ts';

// Turns notifications into queued mail (the outbox); the server's dispatcher sends it. Every
// API instance runs this on a timer, and it is safe for two to run at once: the notifications
// come from the audit log after a shared cursor, each message has a dedupe key the outbox
// holds unique (a notification for a user; a user's digest of one day), and a digest takes
// its items with a conditional update. So a notification is mailed once, by whichever
// instance gets there first, and a crash between the steps only means the next pass redoes
// them. Server only: the mocks run no sweep.

export interface MailSweepOptions {
  now: Date;
  newId: () => string;
  /** The public origin the links in mail point at (PUBLIC_URL). */
  baseUrl: string;
  /** The digest's hour, UTC. */
  digestHourUtc: number;
  /** A notification older than this when first seen is not mailed (mail switched on after a long pause sends no backlog); default one day. */
  maxAgeMs?: number;
}

const oneDayMs = 86_400_000;

function newMail(options: MailSweepOptions, fields: Pick<StoredMail, 'dedupeKey' | 'userId' | 'to' | 'subject' | 'text' | 'html' | 'kind'>): StoredMail {
  const at = options.now.toISOString();
  return { ...fields, id: `mail_${options.newId()}`, status: 'pending', attempts: 0, nextAttemptAt: at, lastError: null, sentAt: null, createdAt: at };
}

/** Queues immediate mail and digest items for the notifications of audit entries after the cursor. */
async function queueNew(store: Store, options: MailSweepOptions): Promise<void> {
  const size = await store.auditLogSize();
  const cursor = await store.findMailCursor();
  if (cursor === null) {
    // The first pass ever: mail starts now, the log's past is not mailed.
    await store.startMailCursor(size);
    return;
  }
  if (size <= cursor) return;
  const oldest = options.now.getTime() - (options.maxAgeMs ?? oneDayMs);
  for (const user of await store.listUsers()) {
    if (user.disabledAt) continue;
    const { all } = await allNotificationsFor(store, user);
    const fresh = all.filter((n) => n.seq > cursor && n.seq <= size && Date.parse(n.at) >= oldest);
    if (fresh.length === 0) continue;
    const modes = effectiveModes(await store.listMailModes(user.id));
    // Oldest first, so the mail arrives in the order things happened.
    for (const n of fresh.reverse()) {
      const mode = modes[n.kind];
      if (mode === 'immediate') {
        const composed = composeImmediateMail(n, options.baseUrl);
        await store.insertMail(newMail(options, { dedupeKey: `notification:${user.id}:${n.id}`, userId: user.id, to: user.email, kind: 'immediate', ...composed }));
      } else if (mode === 'digest') {
        await store.insertDigestItem({ userId: user.id, notificationId: n.id, kind: n.kind, text: n.text, link: n.link, at: n.at, digestMailId: null });
      }
    }
  }
  // Another instance that got here first has queued the same rows (each once): either way the cursor moves.
  await store.advanceMailCursor(cursor, size);
}

class NothingToSend extends Error {}

/** Once the day's digest hour has passed, one message per user with the items from before it. */
async function queueDigests(store: Store, options: MailSweepOptions): Promise<void> {
  const cutoff = digestCutoff(options.now, options.digestHourUtc);
  const before = cutoff.toISOString();
  for (const userId of await store.listUsersWithDigestItems(before)) {
    const user = await store.findUserById(userId);
    if (!user || user.disabledAt) continue;
    try {
      await store.transaction(async (tx) => {
        const mail = newMail(options, { dedupeKey: `digest:${userId}:${before}`, userId, to: user.email, kind: 'digest', subject: '', text: '', html: '' });
        const items = await tx.takeDigestItems(userId, before, mail.id);
        if (items.length === 0) throw new NothingToSend();
        const composed = composeDigestMail(items, options.baseUrl);
        // Today's digest already went (items that came late): they roll back and wait for tomorrow's.
        if (!(await tx.insertMail({ ...mail, ...composed }))) throw new NothingToSend();
      });
    } catch (error) {
      if (!(error instanceof NothingToSend)) throw error;
    }
  }
}

export async function runMailSweep(store: Store, options: MailSweepOptions): Promise<void> {
  await queueNew(store, options);
  await queueDigests(store, options);
}
