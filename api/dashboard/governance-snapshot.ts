import { closedMonth } from '#domain/governance/governance-figures.ts';
import { loadPackageFacts, summarize } from '../package-access/views.ts';
import type { Store } from '../store/store.ts';
import { governanceFigures, snapshotFigures } from './governance.ts';

// The monthly snapshot pass (docs/decisions/0136): the governance figures that are a state
// worked out now (overdue reviews, models with all approvals, expired acceptances, re-reviews
// due) have no history to count, so their value is kept once a month. The first pass after a
// month ends records each one, counted by the dashboard's own rule, as that month's close. The
// server runs it on a timer (server/timers/governance-snapshot.ts); every instance may, and the
// primary key keeps the first. Months before the first pass stay unrecorded.

/** Records the month just closed, if not yet recorded; returns how many figures it wrote. */
export async function takeGovernanceSnapshot(store: Store, now: Date): Promise<number> {
  const month = closedMonth(now);
  const recorded = new Set((await store.listGovernanceSnapshots(month)).filter((r) => r.month === month).map((r) => r.figure));
  if (snapshotFigures.every((key) => recorded.has(key))) return 0;
  const summaries = (await loadPackageFacts(store, await store.listPackages())).map((facts) => summarize(facts, now).summary);
  const { figures } = await governanceFigures(store, summaries, now);
  const takenAt = now.toISOString();
  const rows = figures.flatMap((f) => (snapshotFigures.some((key) => key === f.key) ? [{ month, figure: f.key, value: f.value, takenAt }] : []));
  return store.insertGovernanceSnapshots(rows);
}
