// The audit log at scale in a real browser: 100,000 entries generated into the served
// database, then, as the committee in headless Chromium on the production build: opening
// /audit, scrolling it from top to bottom, and the integrity check, which reads and verifies
// every entry in a worker. Measures how soon the view is usable, whether the page ever
// freezes (long main-thread tasks) while scrolling or checking, and how long the check takes
// with and without reading the entries.
import type { Page } from '@playwright/test';
import { openAuditView, runAuditBench } from './browser-audit-runs.ts';
import { readProbe } from './browser-open-package.ts';
import type { OpenProbe } from './page-probe.ts';
import { readWaitMs, within } from './bounded-waits.ts';

export interface BrowserAuditResult {
  /** Entries in the log: the generated ones and the demo's own. */
  entries: number;
  generateMs: number;
  /** From the start of navigation to the view sized and showing its first rows. */
  openReady: number[];
  /** From the first scroll step to the last entry on screen. */
  scrollToEnd: number[];
  /** From the jump to the bottom to the last entry on screen (its page read and shown). */
  lastEntryShown: number[];
  /** 0 when no task went over 50 ms, the long-task threshold. */
  longestTaskScrolling: number[];
  /** The worker's check, reading the entries included. */
  checkTotal: number[];
  /** The same check, reading excluded: recomputing hashes, the tree, the signature (summed over both workers when the log is split, decision 0160). */
  checkVerify: number[];
  longestTaskChecking: number[];
}

export async function benchBrowserAudit(options: { entries: number; runs: number }): Promise<BrowserAuditResult> {
  const { generateMs, samples } = await runAuditBench(options, (page) => auditOnce(page));
  return {
    entries: samples.at(-1)?.entries ?? 0,
    generateMs,
    openReady: samples.map((sample) => sample.openReady),
    scrollToEnd: samples.map((sample) => sample.scrollToEnd),
    lastEntryShown: samples.map((sample) => sample.lastEntryShown),
    longestTaskScrolling: samples.map((sample) => sample.longestScrolling),
    checkTotal: samples.map((sample) => sample.checkTotal),
    checkVerify: samples.map((sample) => sample.checkVerify),
    longestTaskChecking: samples.map((sample) => sample.longestChecking),
  };
}

/** The longest task that started between `from` and `to` (0 when none went over 50 ms). */
export const longest = (tasks: OpenProbe['longTasks'], from: number, to = Number.POSITIVE_INFINITY) => Math.max(0, ...tasks.filter((task) => task.start >= from && task.start < to).map((task) => task.duration));

async function auditOnce(page: Page) {
  const { firstRows: openReady, entries } = await openAuditView(page, 60_000);

  // Newest first (docs/decisions/0098): the oldest entry, #1, is the last row.
  // Two hundred frames, then up to 30 s for the last entry: a page that stops painting would wait for its frames forever.
  const scrolled = await within('scrolling the audit log to its end', 180_000, page.evaluate(scrollToEnd, 1));
  // Long-task entries reach the observer a little after the task ends.
  await page.waitForTimeout(300);
  const afterScroll = await readProbe(page);

  await within('scrolling back to the top', readWaitMs, page.evaluate(() => window.scrollTo(0, 0)));
  const checkStart = await within('reading the page clock', readWaitMs, page.evaluate(() => performance.now()));
  await page.getByRole('button', { name: 'Check integrity' }).click();
  const mark = await page.waitForFunction(
    () => {
      const entry = performance.getEntriesByName('audit-integrity-done')[0] as PerformanceMark | undefined;
      return entry ? (entry.detail as { size: number; intact: boolean; totalMs: number; verifyMs: number }) : null;
    },
    undefined,
    { polling: 50, timeout: 180_000 },
  );
  const done = await within('reading the integrity check’s mark', readWaitMs, mark.jsonValue());
  if (!done) throw new Error('The integrity check never finished');
  if (!done.intact || done.size !== entries) throw new Error(`The check found the generated log ${done.intact ? 'intact' : 'broken'} at ${done.size} entries (expected intact at ${entries})`);
  await page.waitForTimeout(300);
  const afterCheck = await readProbe(page);
  return {
    entries,
    openReady,
    scrollToEnd: scrolled.end - scrolled.start,
    lastEntryShown: scrolled.end - scrolled.bottom,
    longestScrolling: longest(afterScroll.longTasks, scrolled.start, scrolled.end + 300),
    checkTotal: done.totalMs,
    checkVerify: done.verifyMs,
    longestChecking: longest(afterCheck.longTasks, checkStart),
  };
}

/**
 * Runs in the page: scrolls from the top to the bottom of the log in a hundred even steps
 * (a reader dragging the scrollbar), two frames apiece, then waits for the last entry.
 */
async function scrollToEnd(lastSeq: number): Promise<{ start: number; bottom: number; end: number }> {
  const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
  const start = performance.now();
  const steps = 100;
  let bottom = start;
  for (let step = 1; step <= steps; step++) {
    const end = document.documentElement.scrollHeight - window.innerHeight;
    bottom = performance.now();
    window.scrollTo(0, (end * step) / steps);
    await frame();
    await frame();
  }
  const deadline = performance.now() + 30_000;
  while (!document.querySelector(`[data-seq="${lastSeq}"]`)) {
    if (performance.now() > deadline) throw new Error(`Entry #${lastSeq} never appeared at the end of the log`);
    window.scrollTo(0, document.documentElement.scrollHeight);
    await frame();
  }
  return { start, bottom, end: performance.now() };
}

