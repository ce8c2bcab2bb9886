import type { GovernanceCounts, GovernanceTrends } from '../store/governance.ts';
import type { SummaryTierCounts } from '../store/package-summaries.ts';
import type { Store } from '../store/store.ts';

// The committee dashboard's counts over the whole inventory and its history, kept per store (so
// per API process) under the audit log's size (decision record 0177).
//
// Every row they count (packages, versions, policy checks and re-checks, risk assessments, tier
// overrides, decisions, rollbacks, audit entries) is written in a transaction that appends an
// audit entry, and appends are serialized up to their commit (SQLite's one writer, PostgreSQL's
// audit advisory lock): while the log's size is unchanged, so are these rows, whichever instance
// wrote. The caller reads the size first, so what is counted afterwards is at least as new as
// its key, never older; the next request sees the larger size and counts again.
//
// The summary table changes with the same entries (the append marks its package's row stale)
// and with the clock, only at each row's `valid_until` (decision record 0129): its counts are
// kept from the instant they were taken until the earliest `valid_until` after it, at the same
// log size. Time enters the stored counts only through the month windows, part of their key.

/** What is counted from stored rows, for one month window. */
export interface StoredFigures {
  counts: GovernanceCounts;
  /** Packages with a version submitted since the month's start: the `changed` list's size. */
  changesThisMonth: number;
  /** Approvals rolled back since the month's start, as the audit log has them. */
  rollbacksThisMonth: number;
  trends: GovernanceTrends;
}

/** What is counted over the summary table (brought up to date by the caller). */
export interface SummaryFigures {
  tiers: SummaryTierCounts[];
  /** The `approved` list's size. */
  approved: number;
}

/** The windows the stored figures are counted over (ISO times). */
export interface FigureWindow {
  /** The start of this month (UTC): "this month" figures count from here. */
  monthStart: string;
  /** The start of the trends' first month. */
  trendsFrom: string;
}

interface Kept<T> {
  logSize: number;
  /** The summary table's next clock change when counted (`nextSummaryChange`, as JSON); '' for the stored counts. */
  mark: string;
  /** The stored counts' window; the summary counts' span of time, [from, until) in ms. */
  window: string;
  from: number;
  until: number;
  value: Promise<T>;
}

interface KeptForStore {
  stored?: Kept<StoredFigures>;
  summary?: Kept<SummaryFigures>;
}

/** One entry of each kind per store: the latest; a request at another size, window or time replaces it. */
const kept = new WeakMap<Store, KeptForStore>();

/** How many times each kind was counted, per store: what the tests of the keeping read. */
const countings = new WeakMap<Store, { stored: number; summary: number }>();

export function keptFigureCountings(store: Store): { stored: number; summary: number } {
  return { ...(countings.get(store) ?? { stored: 0, summary: 0 }) };
}

function keep<K extends keyof KeptForStore>(store: Store, kind: K, entry: NonNullable<KeptForStore[K]>): void {
  const forStore = kept.get(store) ?? {};
  forStore[kind] = entry;
  kept.set(store, forStore);
  const counted = countings.get(store) ?? { stored: 0, summary: 0 };
  counted[kind] += 1;
  countings.set(store, counted);
  // A failed count (a database outage) is not kept: no size equals NaN, so the next request counts again.
  entry.value.catch(() => {
    entry.logSize = Number.NaN;
  });
}

/** The stored figures at log size `logSize` (read by the caller before anything else): counted once per size and window. */
export function storedFigures(store: Store, logSize: number, window: FigureWindow): Promise<StoredFigures> {
  const key = `${window.monthStart} ${window.trendsFrom}`;
  const found = kept.get(store)?.stored;
  if (found && found.logSize === logSize && found.window === key) return found.value;
  const value = countStoredFigures(store, window);
  keep(store, 'stored', { logSize, mark: '', window: key, from: -Infinity, until: Infinity, value });
  return value;
}

async function countStoredFigures(store: Store, window: FigureWindow): Promise<StoredFigures> {
  const [counts, changes, rollbacksThisMonth, trends] = await Promise.all([
    store.governanceCounts(),
    store.packagesSubmittedSince(window.monthStart),
    store.countAuditEntries({ action: rollbackAction, fromAt: window.monthStart }),
    store.governanceTrends(window.trendsFrom),
  ]);
  return { counts, changesThisMonth: changes.length, rollbacksThisMonth, trends };
}

/**
 * The summary counts at log size `logSize` (read before the caller refreshed the summaries) and
 * time `at`: kept while the size is the same, `at` lies between the instant they were counted
 * and the first `valid_until` of the table then, and that first change is still the table's.
 * The last: another instance whose clock runs ahead refreshes rows past our clock's instant and
 * appends no audit entry; our lists then read its rows at once, so must our counts (0183).
 */
export async function summaryFigures(store: Store, logSize: number, at: Date, count: () => Promise<SummaryFigures>): Promise<SummaryFigures> {
  const now = at.getTime();
  // Read before the counts: a row another instance refreshes meanwhile is then either in both or changes the mark next time.
  const next = await store.nextSummaryChange();
  const mark = JSON.stringify(next);
  const found = kept.get(store)?.summary;
  if (found && found.logSize === logSize && found.mark === mark && found.from <= now && now < found.until) return found.value;
  // Until then nothing of the table can change but through an audit entry (which moves the size) or another instance's refresh (which moves the mark).
  const value = count();
  keep(store, 'summary', { logSize, mark, window: '', from: now, until: next === null ? Infinity : Date.parse(next.at), value });
  return value;
}

/** The audit action of a rollback: an approval withdrawn, the previous approved version back in force (docs/decisions/0135). */
export const rollbackAction = 'package.rolled_back';
