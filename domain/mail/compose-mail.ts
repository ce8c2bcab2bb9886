import { notificationKindLabels } from '../contracts/notification-preferences.ts';
import type { NotificationKind } from '../contracts/notifications.ts';

// What a mail says, as plain text and HTML, from notifications: one at once, or a day's in a
// digest. Every link is absolute, on the public base URL, to the exact place (the package or
// the thread on it), and every message says where to change what is mailed.

export interface MailNotification {
  kind: NotificationKind;
  text: string;
  /** An app path, such as /packages/pkg_x?version=2#thread-thr_y. */
  link: string;
  at: string;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

export const preferencesPath = '/account/notifications';
/** When the daily digest goes out unless MAIL_DIGEST_HOUR_UTC says otherwise. */
export const defaultDigestHourUtc = 7;
const product = 'Model approval';

/** The absolute address of an app path on the public base URL (an origin, no path). */
export function absoluteLink(baseUrl: string, path: string): string {
  return new URL(path, `${baseUrl}/`).href;
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

function footer(baseUrl: string): { text: string; html: string } {
  const where = absoluteLink(baseUrl, preferencesPath);
  return {
    text: `You get this mail because of your notification preferences. Change them at ${where}`,
    html: `<p style="color:#475569;font-size:12px">You get this mail because of your notification preferences. <a href="${escapeHtml(where)}">Change them</a>.</p>`,
  };
}

/** One notification, mailed at once. */
export function composeImmediateMail(notification: MailNotification, baseUrl: string): ComposedMail {
  const link = absoluteLink(baseUrl, notification.link);
  const foot = footer(baseUrl);
  return {
    subject: `[${product}] ${notificationKindLabels[notification.kind]}`,
    text: `${notification.text}\n\nOpen it: ${link}\n\n-- \n${foot.text}\n`,
    html: `<p>${escapeHtml(notification.text)}</p><p><a href="${escapeHtml(link)}">Open it in ${product}</a></p>${foot.html}`,
  };
}

/** A day's notifications in one message, oldest first. */
export function composeDigestMail(items: readonly MailNotification[], baseUrl: string): ComposedMail {
  const foot = footer(baseUrl);
  const count = items.length === 1 ? '1 notification' : `${items.length} notifications`;
  const lines = items.map((item) => `- ${notificationKindLabels[item.kind]}: ${item.text}\n  ${absoluteLink(baseUrl, item.link)}`);
  const rows = items.map((item) => `<li><strong>${escapeHtml(notificationKindLabels[item.kind])}</strong>: ${escapeHtml(item.text)} <a href="${escapeHtml(absoluteLink(baseUrl, item.link))}">Open</a></li>`);
  return {
    subject: `[${product}] Your daily digest: ${count}`,
    text: `Your daily digest: ${count}.\n\n${lines.join('\n\n')}\n\n-- \n${foot.text}\n`,
    html: `<p>Your daily digest: ${count}.</p><ul>${rows.join('')}</ul>${foot.html}`,
  };
}

/** The latest digest time at or before `now`: today's at the hour (UTC), or yesterday's. */
export function digestCutoff(now: Date, hourUtc: number): Date {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  return today.getTime() <= now.getTime() ? today : new Date(today.getTime() - 86_400_000);
}
