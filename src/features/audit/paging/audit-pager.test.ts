import { describe, expect, it, vi } from 'vitest';
import type { AuditPage, AuditPageEntry } from '#domain/contracts/audit.ts';
import { newestCursor } from '../api/audit-keys.ts';
import { AuditPager } from './audit-pager.ts';

function entry(seq: number): AuditPageEntry {
  return { subjectName: null, seq, at: new Date(Date.UTC(2025, 0, 1) + seq * 1000).toISOString(), actorId: null, actorName: null, action: 'session.logged_out', subject: `s${seq}`, before: null, after: null, prevHash: '0'.repeat(64), entryHash: seq.toString(16).padStart(64, '0') };
}

/** A fake API over `seqs`: the entries a filter selects, and the whole log's size. */
function fakeApi(seqs: readonly number[], logSize = Math.max(0, ...seqs)) {
  const calls: number[] = [];
  let failNext = false;
  const fetchPage = vi.fn((beforeSeq: number, limit: number): Promise<AuditPage> => {
    calls.push(beforeSeq);
    if (failNext) {
      failNext = false;
      return Promise.reject(new TypeError('network down'));
    }
    const items = seqs.filter((seq) => seq < beforeSeq).toReversed().slice(0, limit).map(entry);
    const last = items.at(-1)?.seq;
    const more = last !== undefined && seqs.some((seq) => seq < last);
    return Promise.resolve({ items, total: seqs.length, nextAfterSeq: more ? last : null, logSize });
  });
  return { fetchPage, calls, failOnce: () => (failNext = true) };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function settled(pager: AuditPager): Promise<void> {
  // Reads chain through promise callbacks; a few turns of the event loop let every one land.
  for (let i = 0; i < 50; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(pager.getSnapshot().status).not.toBe('loading');
}

describe('the audit pager', () => {
  it('reads the first page (the newest entries) for the size, then on an unfiltered log without holes jumps straight to the rows on screen', async () => {
    const api = fakeApi(range(1, 1000));
    const pager = new AuditPager({ fetchPage: api.fetchPage, pageSize: 100, unfiltered: true });
    pager.start();
    await settled(pager);
    expect(pager.getSnapshot()).toMatchObject({ status: 'ready', total: 1000, logSize: 1000 });
    expect(pager.rowAt(0)?.seq).toBe(1000);

    pager.want(950, 960);
    await settled(pager);
    // One read for the start of the log, not nine.
    expect(api.calls).toEqual([newestCursor, 101]);
    expect(pager.rowAt(955)?.seq).toBe(45);
    expect(pager.rowAt(850)).toBeUndefined();
  });

  it('follows the cursor chain, page after page, on a filtered view', async () => {
    const every3rd = range(1, 1000).filter((seq) => seq % 3 === 0);
    const api = fakeApi(every3rd, 1000);
    const pager = new AuditPager({ fetchPage: api.fetchPage, pageSize: 100, unfiltered: false });
    pager.start();
    await settled(pager);
    expect(pager.getSnapshot().total).toBe(333);

    pager.want(300, 310);
    await settled(pager);
    // Each page starts below the last entry of the one before.
    expect(api.calls).toEqual([newestCursor, 702, 402, 102]);
    expect(pager.rowAt(305)?.seq).toBe(every3rd.toReversed()[305]);
  });

  it('does not trust seq ↔ row on an unfiltered log with a hole, and still finds an entry', async () => {
    const holed = range(1, 500).filter((seq) => seq !== 5);
    const api = fakeApi(holed, 500);
    const pager = new AuditPager({ fetchPage: api.fetchPage, pageSize: 100, unfiltered: true });
    pager.start();
    await settled(pager);
    expect(pager.getSnapshot().total).toBe(499);
    await expect(pager.locate(250)).resolves.toBe(250);
    expect(pager.rowAt(250)?.seq).toBe(250);
    await expect(pager.locate(5)).resolves.toBeNull();
    await expect(pager.locate(9999)).resolves.toBeNull();
  });

  it('locates an entry of a log without holes without reading the pages before it', async () => {
    const api = fakeApi(range(1, 10_000));
    const pager = new AuditPager({ fetchPage: api.fetchPage, pageSize: 200, unfiltered: true });
    pager.start();
    await expect(pager.locate(7_777)).resolves.toBe(2_223);
    await expect(pager.locate(10_001)).resolves.toBeNull();
    expect(api.calls).toEqual([newestCursor]);
  });

  it('shows a failed read and reads again on retry', async () => {
    const api = fakeApi(range(1, 300));
    const pager = new AuditPager({ fetchPage: api.fetchPage, pageSize: 100, unfiltered: true });
    pager.start();
    await settled(pager);
    api.failOnce();
    pager.want(150, 160);
    await settled(pager);
    expect(pager.getSnapshot().status).toBe('error');
    expect(pager.getSnapshot().error).toBeInstanceOf(TypeError);
    expect(pager.rowAt(150)).toBeUndefined();

    pager.retry();
    await settled(pager);
    expect(pager.getSnapshot().status).toBe('ready');
    expect(pager.rowAt(150)?.seq).toBe(150);
  });

  it('drops pages far from the screen and reads them again when they come back', async () => {
    const api = fakeApi(range(1, 2000));
    const pager = new AuditPager({ fetchPage: api.fetchPage, pageSize: 100, unfiltered: true, maxPages: 1 });
    pager.start();
    await settled(pager);
    for (const row of [500, 1000, 1500, 1900]) {
      pager.want(row, row + 10);
      await settled(pager);
    }
    expect(pager.rowAt(0)).toBeUndefined();
    expect(pager.rowAt(1905)?.seq).toBe(95);
    pager.want(0, 10);
    await settled(pager);
    expect(pager.rowAt(5)?.seq).toBe(1995);
    // Read again below the newest entry the view began with, not from the open cursor.
    expect(api.calls.filter((beforeSeq) => beforeSeq === newestCursor)).toHaveLength(1);
    expect(api.calls.filter((beforeSeq) => beforeSeq === 2001)).toHaveLength(1);
  });

  it('ignores answers that arrive after it stopped, and notifies subscribers of rows that arrive', async () => {
    const api = fakeApi(range(1, 50));
    const pager = new AuditPager({ fetchPage: api.fetchPage, pageSize: 100, unfiltered: true });
    const listener = vi.fn();
    pager.subscribe(listener);
    pager.start();
    pager.stop();
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pager.getSnapshot().status).toBe('loading');
    expect(listener).not.toHaveBeenCalled();

    pager.start();
    await settled(pager);
    expect(pager.getSnapshot().total).toBe(50);
    expect(listener).toHaveBeenCalled();
  });

  it('says an empty log is empty', async () => {
    const pager = new AuditPager({ fetchPage: fakeApi([]).fetchPage, pageSize: 100, unfiltered: true });
    pager.start();
    await settled(pager);
    expect(pager.getSnapshot()).toMatchObject({ status: 'ready', total: 0 });
  });
});
