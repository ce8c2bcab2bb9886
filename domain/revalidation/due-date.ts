import type { RevalidationMonths } from '../contracts/revalidation.ts';

// When a revalidation falls due: the approval day plus the tier's months (UTC calendar days).
// A day the target month lacks (31 January + 1 month) is its last day, not a day of the next.

export function monthsForTier(months: RevalidationMonths, tier: number): number {
  const key = String(tier) as keyof RevalidationMonths;
  return months[key];
}

export function addMonths(day: string, count: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + count, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function revalidationDueOn(approvedOn: string, months: RevalidationMonths, tier: number): string {
  return addMonths(approvedOn, monthsForTier(months, tier));
}

/** Whether `dueOn` falls within the next `days` days of `today` (overdue ones included: they are due). */
export function dueWithin(dueOn: string, today: string, days: number): boolean {
  const limit = new Date(`${today}T00:00:00.000Z`);
  limit.setUTCDate(limit.getUTCDate() + days);
  return dueOn <= limit.toISOString().slice(0, 10);
}

/** Of a package's scheduled revalidations, the one that stands: the latest scheduled. */
export function latestScheduled<T extends { scheduledAt: string }>(rows: readonly T[]): T | null {
  return rows.reduce<T | null>((latest, r) => (latest === null || r.scheduledAt >= latest.scheduledAt ? r : latest), null);
}
