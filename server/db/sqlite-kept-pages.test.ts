import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { refreshSummaries } from '#api/package-access/summaries.ts';
import type { SummaryText } from '#api/store/package-summaries.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import { cheapPasswords } from '#mocks/cheap-passwords.ts';
import { openStore, sqliteFile } from './open-store.ts';
import { sqliteKeptPages } from './sqlite-kept-pages.ts';

// Inbox pages kept under SQLite's change clock until the first row falls due (decision record
// 0209): answered without reading only while the two statements would read the same page.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const row = (id: string): SummaryText => ({ id, updatedAt: '2026-12-01T00:00:00.000Z', submittedAt: '2026-12-01T00:00:00.000Z', stepDueAt: null, stepOverdue: false, json: `{"id":"${id}"}` });
const query = { ownerId: null, after: null, limit: 50 };
const serialized = <T>(work: () => Promise<T>) => work();

/** A kept-pages reader over a counted read, a clock moved by hand and a first due instant. */
function counted(firstDue: string | null, page: () => SummaryText[] | null = () => [row('pkg_a')]) {
  let stamp = 1;
  const calls = { reads: 0, firstDue: 0 };
  const pages = sqliteKeptPages(
    { stamp: () => stamp },
    serialized,
    () => {
      calls.reads += 1;
      return Promise.resolve(page());
    },
    () => {
      calls.firstDue += 1;
      return Promise.resolve(firstDue);
    },
    200,
  );
  return { pages, calls, write: () => (stamp += 1) };
}

/** The demo's store on a file of its own, its summaries refreshed at `now`; closed and removed after the test. */
async function seededStoreOnFile() {
  const dataDir = mkdtempSync(join(tmpdir(), 'kept-pages-'));
  const store = await openStore({ dataDir });
  cleanups.push(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const now = new Date();
  await seedDemo(store, { password: 'demo-password', passwords: cheapPasswords, now, randomToken: () => crypto.randomUUID().replace(/-/g, '') });
  await refreshSummaries(store, now);
  return { dataDir, store, now };
}

describe('inbox pages kept under the change clock (SQLite)', () => {
  it('reads a page once per stamp while no row falls due', async () => {
    const { pages, calls } = counted('2026-12-07T00:00:00.000Z');
    const first = await pages(query, '2026-12-06T10:00:00.000Z');
    expect(await pages(query, '2026-12-06T11:00:00.000Z')).toEqual(first);
    expect(calls).toEqual({ reads: 1, firstDue: 1 });
    // Another page is its own read; the instant is known for the stamp already.
    await pages({ ...query, status: 'approved' as const }, '2026-12-06T11:00:00.000Z');
    expect(calls).toEqual({ reads: 2, firstDue: 1 });
  });

  it('reads again once the clock moved', async () => {
    const { pages, calls, write } = counted(null);
    await pages(query, '2026-12-06T10:00:00.000Z');
    write();
    await pages(query, '2026-12-06T10:00:00.000Z');
    expect(calls).toEqual({ reads: 2, firstDue: 2 });
  });

  it('reads again at and past the instant a row falls due, and answers what the read answers', async () => {
    let fresh = true;
    const { pages, calls } = counted('2026-12-06T12:00:00.000Z', () => (fresh ? [row('pkg_a')] : null));
    await pages(query, '2026-12-06T10:00:00.000Z');
    fresh = false;
    expect(await pages(query, '2026-12-06T11:59:59.999Z')).not.toBeNull();
    expect(await pages(query, '2026-12-06T12:00:00.000Z')).toBeNull();
    expect(calls.reads).toBe(2);
  });

  it('keeps no page past its bound in characters, and nothing the read refused', async () => {
    const big = counted(null, () => Array.from({ length: 20 }, (_, i) => row(`pkg_${i}`)));
    await big.pages(query, '2026-12-06T10:00:00.000Z');
    await big.pages(query, '2026-12-06T10:00:00.000Z');
    expect(big.calls.reads).toBe(2);
    const refused = counted(null, () => null);
    await refused.pages(query, '2026-12-06T10:00:00.000Z');
    await refused.pages(query, '2026-12-06T10:00:00.000Z');
    expect(refused.calls.reads).toBe(2);
  });

  it('answers a summary rewritten by another connection at the next request (the store on a file)', async () => {
    const { dataDir, store, now } = await seededStoreOnFile();
    const at = now.toISOString();
    const before = await store.pageSummariesIfFresh(query, at);
    const target = before?.[0];
    if (!target) throw new Error('the demo has summaries');
    const kept = await store.pageSummariesIfFresh(query, at);
    expect(kept).toEqual(before);
    // Kept: the same page, not read again.
    expect(await store.pageSummariesIfFresh(query, at)).toBe(kept);
    const other = new DatabaseSync(sqliteFile(dataDir));
    cleanups.push(() => Promise.resolve(other.close()));
    const rewritten = target.json.replace(`"id":"${target.id}"`, `"id":"${target.id}","rewritten":true`);
    expect(rewritten).not.toBe(target.json);
    other.prepare('update package_summaries set summary = ? where package_id = ?').run(rewritten, target.id);
    // The next request comes in another turn of the event loop, where the clock sees the commit (0202).
    await new Promise((resolve) => setImmediate(resolve));
    const after = await store.pageSummariesIfFresh(query, at);
    expect(after?.find((r) => r.id === target.id)?.json).toBe(rewritten);
  });

  it('answers as the statements would when the clock crosses the first due instant while idle, and when it jumps back (the store on a file)', async () => {
    const { dataDir, store, now } = await seededStoreOnFile();
    const due = (await store.nextSummaryChange())?.at;
    if (due === undefined) throw new Error('the demo has a summary that falls due');
    const before = await store.pageSummariesIfFresh(query, now.toISOString());
    expect(before).not.toBeNull();
    const justBefore = new Date(Date.parse(due) - 1).toISOString();
    expect(await store.pageSummariesIfFresh(query, justBefore)).toEqual(before);
    // Idle until a row falls due: the statements refuse the page, and so does the kept one.
    expect(await store.pageSummariesIfFresh(query, due)).toBeNull();
    expect(await store.pageSummariesIfFresh(query, new Date(Date.parse(due) + 86_400_000).toISOString())).toBeNull();
    // The clock set back before that instant: nothing was written, so the page is the one read then.
    expect(await store.pageSummariesIfFresh(query, new Date(now.getTime() - 86_400_000).toISOString())).toEqual(before);
    // Another connection marks a row stale (a second process's write): refused at the next request, whatever the instant.
    const other = new DatabaseSync(sqliteFile(dataDir));
    cleanups.push(() => Promise.resolve(other.close()));
    other.prepare('update package_summaries set stale = 1 where package_id = ?').run(before?.[0]?.id ?? '');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await store.pageSummariesIfFresh(query, now.toISOString())).toBeNull();
  });
});
