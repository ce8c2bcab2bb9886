import { describe, expect, it } from 'vitest';
import type { Store } from '../store/store.ts';
import { keptFigureCountings, storedFigures, summaryFigures, type SummaryFigures } from './stored-figures.ts';

// When the dashboard's kept counts are counted again (decision record 0177): a store that
// answers the few calls the keeping makes, each counted, so a test sees every count taken.

function fakeStore(options: { next: string | null; rows?: number }) {
  const calls = { governanceCounts: 0, trends: 0 };
  const store = {
    nextSummaryChange: () => Promise.resolve(options.next === null ? null : { at: options.next, rows: options.rows ?? 1 }),
    governanceCounts: () => {
      calls.governanceCounts++;
      return Promise.resolve({ byTier: {}, current: 0, complete: 0, assessed: 0, blocking_failed: 0, overridden: 0 });
    },
    packagesSubmittedSince: () => Promise.resolve([]),
    countAuditEntries: () => Promise.resolve(0),
    governanceTrends: () => {
      calls.trends++;
      return Promise.resolve({ submittedByTier: { 1: {}, 2: {}, 3: {}, 4: {} }, versionsSubmitted: {}, completeVersions: {}, flaggedVersions: {}, assessments: {}, overrides: {}, changes: {}, rollbacks: {} });
    },
  };
  return { store: store as unknown as Store, calls };
}

const t0 = Date.parse('2026-12-06T10:00:00.000Z');
const figures: SummaryFigures = { tiers: [], approved: 3 };
const window = { monthStart: '2026-12-01T00:00:00.000Z', trendsFrom: '2026-01-01T00:00:00.000Z' };

describe('the summary counts kept under the log size and until the next summary change', () => {
  it('are counted again at another size, at or after the next change, and before the instant they were counted', async () => {
    const { store } = fakeStore({ next: new Date(t0 + 60_000).toISOString() });
    let counted = 0;
    const count = () => {
      counted++;
      return Promise.resolve(figures);
    };
    expect(await summaryFigures(store, 5, new Date(t0), count)).toEqual(figures);
    await summaryFigures(store, 5, new Date(t0 + 59_999), count);
    expect(counted).toBe(1);
    await summaryFigures(store, 5, new Date(t0 + 60_000), count);
    expect(counted).toBe(2);
    await summaryFigures(store, 6, new Date(t0 + 60_000), count);
    expect(counted).toBe(3);
    // A clock behind the count's instant (another instance's, a test's): not the same table.
    await summaryFigures(store, 6, new Date(t0 + 59_000), count);
    expect(counted).toBe(4);
    expect(keptFigureCountings(store).summary).toBe(4);
  });

  it('are counted again when the next change is no longer the table\'s: another instance refreshed rows by its clock (0183)', async () => {
    const options = { next: new Date(t0 + 60_000).toISOString(), rows: 2 };
    const { store } = fakeStore(options);
    let counted = 0;
    const count = () => Promise.resolve(figures).finally(() => counted++);
    await summaryFigures(store, 5, new Date(t0), count);
    await summaryFigures(store, 5, new Date(t0 + 1_000), count);
    expect(counted).toBe(1);
    // One of the two rows due then was rewritten: same size, same instant, fewer rows.
    options.rows = 1;
    await summaryFigures(store, 5, new Date(t0 + 2_000), count);
    expect(counted).toBe(2);
    // All of them: the next change is later.
    options.next = new Date(t0 + 120_000).toISOString();
    await summaryFigures(store, 5, new Date(t0 + 3_000), count);
    expect(counted).toBe(3);
  });

  it('with no summary due to change, are kept at the same size however late', async () => {
    const { store } = fakeStore({ next: null });
    let counted = 0;
    const count = () => Promise.resolve(figures).finally(() => counted++);
    await summaryFigures(store, 5, new Date(t0), count);
    await summaryFigures(store, 5, new Date(t0 + 400 * 86_400_000), count);
    expect(counted).toBe(1);
  });

  it('are not kept when the count failed: the next request counts again', async () => {
    const { store } = fakeStore({ next: null });
    await expect(summaryFigures(store, 5, new Date(t0), () => Promise.reject(new Error('database unavailable')))).rejects.toThrow('database unavailable');
    expect(await summaryFigures(store, 5, new Date(t0), () => Promise.resolve(figures))).toEqual(figures);
  });
});

describe('the stored counts kept under the log size and month windows', () => {
  it('are counted once per size and window', async () => {
    const { store, calls } = fakeStore({ next: null });
    await storedFigures(store, 7, window);
    await storedFigures(store, 7, window);
    expect(calls).toEqual({ governanceCounts: 1, trends: 1 });
    await storedFigures(store, 8, window);
    await storedFigures(store, 8, { ...window, monthStart: '2027-01-01T00:00:00.000Z' });
    expect(calls).toEqual({ governanceCounts: 3, trends: 3 });
  });
});
