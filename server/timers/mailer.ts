import type { Store, StoredMail } from '#api/store/store.ts';
import { runMailSweep } from '#api/mail/mail-sweep.ts';
import { retryDelayMs } from '#domain/webhooks/backoff.ts';
import type { MailSender } from '../mail/smtp.ts';
import { repeatPass } from './repeating-pass.ts';

// Email's background pass, on every API instance while SMTP is configured: turn new
// notifications into queued mail (api/mail/mail-sweep.ts), then send what is due. Sending
// follows the webhook dispatcher: each due message is claimed with a conditional update that
// moves its next attempt forward by a lease, renewed while the send runs, so two instances never
// send the same attempt; a temporary refusal (4xx, a connection that fails) is retried on the
// webhooks' backoff schedule; a permanent one (5xx) fails the message at once.

export interface MailerOptions {
  store: Store;
  sender: MailSender;
  intervalMs: number;
  backoffBaseMs: number;
  /** PUBLIC_URL: the links' base. */
  baseUrl: string;
  digestHourUtc: number;
  newId: () => string;
  now?: () => Date;
  batchSize?: number;
  /** How long one send may hold its message before another instance may take it again. */
  leaseMs?: number;
  logError?: (error: unknown) => void;
}

export interface Mailer {
  /** One pass: queue, then send what is due (the timer calls this; tests may too). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/** What is kept of a failure: the SMTP reply code or the error's class, never a whole server answer. */
function describeFailure(error: unknown): { message: string; permanent: boolean } {
  const detail = error as { responseCode?: unknown; code?: unknown };
  if (typeof detail.responseCode === 'number') return { message: `SMTP ${detail.responseCode}`, permanent: detail.responseCode >= 500 };
  if (typeof detail.code === 'string') return { message: detail.code, permanent: false };
  return { message: 'send failed', permanent: false };
}

export function startMailer(options: MailerOptions): Mailer {
  const { store, sender } = options;
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 120_000;
  const logError = options.logError ?? ((error: unknown) => console.error('[mail] error', error));

  const leaseFromNow = () => new Date(now().getTime() + leaseMs).toISOString();

  /** A logger that throws must not turn a renewal into an unhandled rejection. */
  const logQuietly = (error: unknown) => {
    try {
      logError(error);
    } catch {
      // Nothing more to do: the renewal's outcome is in `held()`.
    }
  };

  /**
   * Renews a claimed message's lease every third of it while its send runs. SMTP has no deadline
   * for a whole send (each of nodemailer's timeouts is per step or per silence), so a slow server
   * can hold one past any fixed lease, and another instance would then take the message and send
   * it again. Renewed, the lease ends only when this process stops renewing it: it crashed or
   * stalled, or its renewals failed for two thirds of a lease; the message is then another
   * sender's, and this one stops renewing and, at the end, writes nothing (`held()`).
   */
  function keepLease(id: string, claimed: string): { stop(): Promise<void>; held(): string | null } {
    let lease: string | null = claimed;
    let stopped = false;
    let renewal: Promise<void> = Promise.resolve();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const every = Math.max(leaseMs / 3, 100);
    const renew = () => {
      renewal = (async () => {
        if (lease === null) return;
        const next = leaseFromNow();
        lease = (await store.claimMail(id, lease, next)) ? next : null;
      })()
        .catch(logQuietly)
        .finally(() => {
          if (!stopped && lease !== null) timer = setTimeout(renew, every);
        });
    };
    timer = setTimeout(renew, every);
    return {
      async stop() {
        stopped = true;
        clearTimeout(timer);
        await renewal;
      },
      held: () => lease,
    };
  }

  async function attempt(mail: StoredMail): Promise<void> {
    if (mail.nextAttemptAt === null) return;
    const leaseUntil = leaseFromNow();
    if (!(await store.claimMail(mail.id, mail.nextAttemptAt, leaseUntil))) return;
    const number = mail.attempts + 1;
    let failure: { message: string; permanent: boolean } | null = null;
    const lease = keepLease(mail.id, leaseUntil);
    try {
      await sender.send({ id: mail.id, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    } catch (error) {
      failure = describeFailure(error);
    } finally {
      await lease.stop();
    }
    const finishedAt = now();
    const delay = failure === null || failure.permanent ? null : retryDelayMs(number, options.backoffBaseMs);
    const status = failure === null ? 'sent' : delay === null ? 'failed' : 'pending';
    const held = lease.held();
    // The lease was lost (renewals failed, or the process stalled) and another sender may have
    // taken the message: its outcome is the one kept, never overwritten by this one.
    if (held === null) {
      logQuietly(new Error(`mail ${mail.id}: its lease was lost during the send; this attempt's outcome (${status}) is not written`));
      return;
    }
    const written = await store.updateMail(
      mail.id,
      {
        attempts: number,
        status,
        nextAttemptAt: status === 'pending' && delay !== null ? new Date(finishedAt.getTime() + delay).toISOString() : null,
        lastError: failure?.message ?? null,
        sentAt: failure === null ? finishedAt.toISOString() : null,
      },
      held,
    );
    if (!written) logQuietly(new Error(`mail ${mail.id}: another sender took it before this attempt's outcome (${status}) was written; not written`));
  }

  async function tick(): Promise<void> {
    await runMailSweep(store, { now: now(), newId: options.newId, baseUrl: options.baseUrl, digestHourUtc: options.digestHourUtc });
    const due = await store.listDueMail(now().toISOString(), batchSize);
    // One at a time: an SMTP server is happier with one connection per instance than twenty.
    for (const mail of due) await attempt(mail).catch(logError);
  }

  const timer = repeatPass(tick, { intervalMs: options.intervalMs, atStart: true, logError });
  return {
    tick,
    async stop() {
      await timer.stop();
      sender.close();
    },
  };
}
