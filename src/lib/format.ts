// Dates and durations for people, through Intl so they follow the reader's locale. Every
// function takes `now` so tests and a single render agree on one instant.

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "14 Mar 2025" (in the reader's locale). */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** "14 Mar 2025, 09:30" (in the reader's locale and time zone). */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

// [unit, its length, from how far away it is used]. Days up to six weeks: "9 days ago"
// says more to a reviewer than "last week".
const units: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ['year', 365 * day, 365 * day],
  ['month', 30 * day, 45 * day],
  ['day', day, day],
  ['hour', hour, hour],
  ['minute', minute, minute],
];

/** "3 days ago", "yesterday", "in 2 hours", "now". */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const diff = new Date(iso).getTime() - now.getTime();
  for (const [unit, size, from] of units) {
    if (Math.abs(diff) >= from) return relativeFormat.format(Math.trunc(diff / size), unit);
  }
  return relativeFormat.format(0, 'second');
}

/** "3 days", "1 hour": a whole amount of the largest unit that fits, at least a minute. */
export function formatDuration(ms: number): string {
  const amount = Math.abs(ms);
  const [unit, size] = amount >= day ? (['day', day] as const) : amount >= hour ? (['hour', hour] as const) : (['minute', minute] as const);
  const count = Math.max(1, Math.floor(amount / size));
  return new Intl.NumberFormat(undefined, { style: 'unit', unit, unitDisplay: 'long' }).format(count);
}

export interface DueStatus {
  overdue: boolean;
  /** "Overdue by 2 days", "Due in 3 days", "Overdue". */
  text: string;
}

/**
 * The server decides whether a step is overdue (its clock is the one that counts); the
 * amount comes from this device's clock, so a skewed clock can only blur the amount.
 */
export function dueStatus(dueAt: string, overdue: boolean, now: Date = new Date()): DueStatus {
  const diff = new Date(dueAt).getTime() - now.getTime();
  if (overdue) return { overdue, text: diff < 0 ? `Overdue by ${formatDuration(diff)}` : 'Overdue' };
  return { overdue, text: diff > 0 ? `Due in ${formatDuration(diff)}` : 'Due now' };
}

/** "Tier 1": risk tiers run from 1 (critical) to 4 (experimental). */
export function formatRiskTier(tier: number): string {
  return `Tier ${tier}`;
}

/**
 * "2026-03-01 14:05:22 UTC": evidence times in one unambiguous form, the same on screen,
 * on paper and in every reader's time zone.
 */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = date.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 19)} UTC`;
}
