import { closedMonth } from '#domain/governance/governance-figures.ts';
import { refreshSummaries } from '../package-access/summaries.ts';
import type { Store } from '../store/store.ts';
import { countSummaryFigures, governanceFigures, snapshotFigures } from './governance.ts';

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
  // The summary table as of `now` (decision record 0129), counted as the dashboard counts it; the
  // log's size first, as the dashboard reads it (decision record 0177).
  const logSize = await store.auditLogSize();
  await refreshSummaries(store, now);
  const { figures } = await governanceFigures(store, await countSummaryFigures(store), logSize, now);
  const takenAt = now.toISOString();
  const rows = figures.flatMap((f) => (snapshotFigures.some((key) => key === f.key) ? [{ month, figure: f.key, value: f.value, takenAt }] : []));
  return store.insertGovernanceSnapshots(rows);
}
