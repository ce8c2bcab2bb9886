import { summaryValidUntil } from '#domain/workflow/summary-clock.ts';
import type { PackageSummary } from '#domain/contracts/packages.ts';
import type { SummaryText, SummaryToRefresh, SummaryWrite } from '../store/package-summaries.ts';
import type { Store } from '../store/store.ts';
import { loadPackageFacts, summarize, type PackageFacts } from './views.ts';

// Keeps the package summaries table (decision record 0129) fit to answer from: before a read,
// the rows an audit entry marked stale and those whose clock instant has passed are
// recomputed from their packages' facts (only theirs) and written back. The state is in the
// database, so every instance sees the same rows; the in-process part only stops concurrent
// requests of one instance from recomputing the same rows side by side.

/** Rows recomputed and written per transaction: a first fill of a large inventory takes a few rounds. */
const batch = 5_000;

/** What `summarize` gives, with the instant until which the clock leaves it as it is. */
export function summaryRow(facts: PackageFacts, changes: number, now: Date): SummaryWrite {
  const { summary, state } = summarize(facts, now);
  const validUntil = summaryValidUntil(
    {
      currentStepDueAt: summary.currentStep?.dueAt ?? null,
      reReviewDates: facts.decisions.flatMap((d) => (d.conditions ? [d.conditions.reReviewOn] : [])),
      openObligationDueDates: facts.obligations.filter((o) => o.status !== 'confirmed').map((o) => o.dueOn),
      revalidationDueOn: facts.revalidation?.dueOn ?? null,
    },
    now,
  );
  return { packageId: facts.pkg.id, changes, summary, steps: state.steps, validUntil: validUntil?.toISOString() ?? null };
}

/** A summary's text and keys as writeSummaries stores them (the inbox answered from facts in memory). */
export function summaryTextOf(summary: PackageSummary): SummaryText {
  return { id: summary.id, updatedAt: summary.updatedAt, submittedAt: summary.submittedAt, stepDueAt: summary.currentStep?.dueAt ?? null, stepOverdue: summary.currentStep?.overdue === true, json: JSON.stringify(summary) };
}

/** Earliest `validUntil` first (none last): the table's next clock change moves with the first write (0183). */
const earliestFirst = (a: SummaryToRefresh, b: SummaryToRefresh) => (a.validUntil ?? '\uffff').localeCompare(b.validUntil ?? '\uffff') || a.packageId.localeCompare(b.packageId);

async function refreshOnce(store: Store, now: Date): Promise<void> {
  const due = (await store.listSummariesToRefresh(now.toISOString())).sort(earliestFirst);
  for (let start = 0; start < due.length; start += batch) {
    const chunk = due.slice(start, start + batch);
    const changesOf = new Map(chunk.map((r) => [r.packageId, r.changes]));
    // Read after the mark counts: a change committed before them is in these facts; one after them fails the write-back below.
    const packages = await store.listPackagesById([...changesOf.keys()]);
    const facts = await loadPackageFacts(store, packages);
    const order = new Map(chunk.map((r, i) => [r.packageId, i]));
    const rows = facts.map((f) => summaryRow(f, changesOf.get(f.pkg.id) ?? -1, now)).sort((a, b) => (order.get(a.packageId) ?? 0) - (order.get(b.packageId) ?? 0));
    // SQLite: one transaction for the batch (one commit). PostgreSQL: row by row, so a refresh
    // never holds one summary's row lock while waiting for another's (no deadlock with a writer).
    if (store.engine === 'sqlite') await store.transaction((tx) => tx.writeSummaries(rows));
    else await store.writeSummaries(rows);
  }
}

interface Refreshing {
  running: Promise<void> | null;
  queued: Promise<void> | null;
  /** The latest clock reading of the callers waiting for the queued refresh. */
  queuedAt: number;
}
const inFlight = new WeakMap<Store, Refreshing>();

/**
 * Brings the summaries up to date as of `now`. A caller arriving while a refresh runs waits for
 * the next one, which starts after it (the running one may have listed the rows before the
 * caller's own writes); every caller arriving meanwhile shares that next one.
 */
export function refreshSummaries(store: Store, now: Date): Promise<void> {
  let state = inFlight.get(store);
  if (!state) inFlight.set(store, (state = { running: null, queued: null, queuedAt: 0 }));
  const s = state;
  if (!s.running) {
    s.running = refreshOnce(store, now).finally(() => {
      s.running = null;
    });
    return s.running;
  }
  s.queuedAt = Math.max(s.queuedAt, now.getTime());
  s.queued ??= s.running
    .catch(() => undefined)
    .then(() => {
      const at = new Date(s.queuedAt);
      s.queued = null;
      s.queuedAt = 0;
      return refreshSummaries(store, at);
    });
  return s.queued;
}
