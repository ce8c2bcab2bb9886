// When the clock alone changes a package summary (decision record 0129). A summary is a
// function of the package's facts and of the time; between writes, the time changes it only
// at the instants below. The inbox keeps a computed summary until the first of them.

const day = 86_400_000;

export interface SummaryClockFacts {
  /** The current step's due time as the summary shows it (after the owner's pauses), if any. */
  currentStepDueAt: string | null;
  /** The re-review dates (YYYY-MM-DD) of the package's approvals with conditions. */
  reReviewDates: readonly string[];
  /** The due dates (YYYY-MM-DD) of obligations neither confirmed nor lapsed. */
  openObligationDueDates: readonly string[];
  /** The due date (YYYY-MM-DD) of its latest scheduled revalidation, if any. */
  revalidationDueOn: string | null;
}

const startOf = (date: string) => Date.parse(`${date}T00:00:00.000Z`);

/**
 * The first instant after `now` at which a summary computed at `now` may read differently: the
 * step turns overdue the millisecond after its due time; a re-review and a revalidation come
 * due at the start of their day (UTC); an open obligation lapses at the start of the day after
 * its due date. Null when none lies ahead. Early is safe (the row is recomputed for nothing);
 * late never is, so every date of the facts counts, whether or not it matters today.
 */
export function summaryValidUntil(facts: SummaryClockFacts, now: Date): Date | null {
  const instants = [
    ...(facts.currentStepDueAt ? [Date.parse(facts.currentStepDueAt) + 1] : []),
    ...facts.reReviewDates.map(startOf),
    ...facts.openObligationDueDates.map((d) => startOf(d) + day),
    ...(facts.revalidationDueOn ? [startOf(facts.revalidationDueOn)] : []),
  ].filter((t) => Number.isFinite(t) && t > now.getTime());
  return instants.length > 0 ? new Date(Math.min(...instants)) : null;
}
