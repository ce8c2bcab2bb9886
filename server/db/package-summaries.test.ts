import { describe, expect, it } from 'vitest';
import { cleanUpAfterEach } from '#tests/support/cleanups.ts';
import { demoStoreOnFile } from '#tests/support/demo-store-on-file.ts';
import { loadPackageFacts, summarize } from '#api/package-access/views.ts';
import { refreshSummaries, summaryRow, summaryTextOf } from '#api/package-access/summaries.ts';
import type { PackageSummary } from '#domain/contracts/packages.ts';

// The package summaries table (decision record 0129) on SQLite: a summary's valid_until is never
// late, an audit append marks its package in the same transaction (not when rolled back), and a
// recomputation is not written over a mark that came in between.

const defer = cleanUpAfterEach();

const day = 86_400_000;

async function seeded() {
  const { store } = await demoStoreOnFile(defer, 'package-summaries-');
  return store;
}

const reviewed = (packageId: string) => ({ event: { action: 'section.reviewed' as const, subject: packageId, before: null, after: { version: 1, section: 'identification' } }, actorId: 'usr_model_risk', at: new Date().toISOString() });

describe('package summaries', () => {
  it('reads the same at every instant before valid_until, and the clock changes some summary at it', async () => {
    const store = await seeded();
    const now = new Date();
    const facts = await loadPackageFacts(store, await store.listPackages());
    let changedAtTheInstant = 0;
    for (const f of facts) {
      const row = summaryRow(f, 0, now);
      const until = row.validUntil ? Date.parse(row.validUntil) : now.getTime() + 3 * 365 * day;
      // Every hour up to the instant, and its last millisecond: nothing differs.
      const instants = [...Array.from({ length: Math.min(2_000, Math.floor((until - now.getTime()) / 3_600_000)) }, (_, i) => now.getTime() + i * 3_600_000), until - 1];
      for (const t of instants) {
        const later = summarize(f, new Date(t));
        expect({ summary: later.summary, steps: later.state.steps }, `${f.pkg.id} at ${new Date(t).toISOString()}`).toEqual({ summary: row.summary, steps: row.steps });
      }
      if (row.validUntil && JSON.stringify(summarize(f, new Date(until)).summary) !== JSON.stringify(row.summary)) changedAtTheInstant += 1;
    }
    expect(changedAtTheInstant).toBeGreaterThan(0);
  });

  it('is marked stale by an audit append naming its package, in the same transaction: not when it rolls back', async () => {
    const store = await seeded();
    const now = new Date();
    await refreshSummaries(store, now);
    expect(await store.listSummariesToRefresh(now.toISOString())).toEqual([]);

    await expect(
      store.transaction(async (tx) => {
        await tx.appendAudit(reviewed('pkg_retail_credit_pd'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await store.listSummariesToRefresh(now.toISOString())).toEqual([]);

    await store.appendAudit(reviewed('pkg_retail_credit_pd'));
    expect((await store.listSummariesToRefresh(now.toISOString())).map((r) => r.packageId)).toEqual(['pkg_retail_credit_pd']);
    await refreshSummaries(store, now);
    expect(await store.listSummariesToRefresh(now.toISOString())).toEqual([]);
  });

  it('does not write a recomputation over a mark that came after its facts were read', async () => {
    const store = await seeded();
    const now = new Date();
    const [due] = (await store.listSummariesToRefresh(now.toISOString())).filter((r) => r.packageId === 'pkg_clinical_deterioration_risk');
    if (!due) throw new Error('every row starts stale');
    const [facts] = await loadPackageFacts(store, await store.listPackagesById([due.packageId]));
    if (!facts) throw new Error('the package exists');
    // A write lands between the read of the mark count and the write-back.
    await store.appendAudit(reviewed(due.packageId));
    await store.writeSummaries([summaryRow(facts, due.changes, now)]);
    expect((await store.listSummariesToRefresh(now.toISOString())).map((r) => r.packageId)).toContain(due.packageId);
  });

  it('reads one summary text with the same keys for the inbox and the dashboard, each the key of its JSON', async () => {
    const store = await seeded();
    const now = new Date();
    await refreshSummaries(store, now);
    const inbox = await store.pageSummaries({ ownerId: null, after: null, limit: 1_000 });
    expect(inbox.length).toBe((await store.listPackages()).length);
    // The dashboard's first page reads the same stored text as the inbox, byte for byte.
    const inboxJson = new Map(inbox.map((row) => [row.id, row.json]));
    const pending = await store.firstSummaryTexts('pending', 1_000);
    expect(pending.length).toBeGreaterThan(0);
    for (const json of pending) expect(json).toBe(inboxJson.get((JSON.parse(json) as PackageSummary).id));
    // Each key is the stored summary's own (as the in-memory answer computes it).
    for (const row of inbox) expect(row, row.id).toEqual(summaryTextOf(JSON.parse(row.json) as PackageSummary));
    // Both kinds of step due time and of overdue step are in the demo, or the comparison proves little.
    expect(new Set(inbox.map((r) => r.stepDueAt === null))).toEqual(new Set([true, false]));
    expect(new Set(inbox.map((r) => r.stepOverdue))).toEqual(new Set([true, false]));
  });
});
