// The audit log at a million entries in a real browser (issue 24): the log written into the
// served database, then, as the committee in headless Chromium on the production build:
// opening /audit (its first rows, newest first), the full integrity check in the worker
// (every entry read and verified) with the main thread watched for long tasks, and, after
// entries are added behind the server's back as a busy day would add them, the check again
// from the checkpoint the browser kept: only what is new since is read (docs/decisions/0125).
import type { Page } from '@playwright/test';
import { longest } from './browser-audit.ts';
import { readProbe } from './browser-open-package.ts';
import { openAuditView, runAuditBench } from './browser-audit-runs.ts';
import { generateAuditLog } from './generate-audit-log.ts';
import { readWaitMs, within } from './bounded-waits.ts';

export interface BrowserAuditScaleResult {
  /** Entries in the log when opened: the generated ones and the demo's own. */
  entries: number;
  generateMs: number;
  /** Entries added between the full check and the one from the kept checkpoint. */
  added: number;
  /** From the start of navigation to the view showing its first (newest) rows. */
  firstRows: number[];
  /** The worker's full check, reading included. */
  fullTotal: number[];
  fullVerify: number[];
  longestTaskFull: number[];
  /** The worker's check from the kept checkpoint, reading included. */
  sinceTotal: number[];
  /** From the click to the verdict on screen, the worker's start included. */
  sinceShown: number[];
}

interface Done {
  size: number;
  intact: boolean;
  resumedFrom: number | null;
  totalMs: number;
  verifyMs: number;
}

export async function benchBrowserAuditScale(options: { entries: number; added: number; runs: number }): Promise<BrowserAuditScaleResult> {
  let seed = 100;
  const { generateMs, samples } = await runAuditBench(options, (page, file) => scaleOnce(page, () => generateAuditLog({ file, count: options.added, seed: seed++ })));
  return {
    entries: samples.at(-1)?.entries ?? 0,
    generateMs,
    added: options.added,
    firstRows: samples.map((sample) => sample.firstRows),
    fullTotal: samples.map((sample) => sample.full.totalMs),
    fullVerify: samples.map((sample) => sample.full.verifyMs),
    longestTaskFull: samples.map((sample) => sample.longestTaskFull),
    sinceTotal: samples.map((sample) => sample.since.totalMs),
    sinceShown: samples.map((sample) => sample.sinceShown),
  };
}

async function scaleOnce(page: Page, addEntries: () => void) {
  const { firstRows, entries } = await openAuditView(page, 120_000);

  const checkStart = await within('reading the page clock', readWaitMs, page.evaluate(() => performance.now()));
  const full = await checkOnce(page, 0, 600_000);
  if (!full.intact || full.size < entries || full.resumedFrom !== null) throw new Error(`The full check found the generated log ${full.intact ? 'intact' : 'broken'} at ${full.size} entries, resumed from ${full.resumedFrom ?? 'nothing'} (expected intact at ${entries} or more, from the start)`);
  await page.waitForTimeout(300);
  const longestTaskFull = longest((await readProbe(page)).longTasks, checkStart);

  // Entries added while the reader looks elsewhere; the server sees them on its next read.
  addEntries();
  const clicked = await within('reading the page clock', readWaitMs, page.evaluate(() => performance.now()));
  const since = await checkOnce(page, 1, 120_000);
  if (!since.intact || since.resumedFrom !== full.size) throw new Error(`The check from the kept checkpoint found the log ${since.intact ? 'intact' : 'broken'}, resumed from ${since.resumedFrom ?? 'nothing'} (expected intact, from ${full.size})`);
  const shown = await within('reading the second check’s mark', readWaitMs, page.evaluate(() => performance.getEntriesByName('audit-integrity-done')[1]?.startTime ?? Number.NaN));
  return { entries, firstRows, full, longestTaskFull, since, sinceShown: shown - clicked };
}

/** Clicks "Check integrity" and waits for the `index`th verdict's mark. */
async function checkOnce(page: Page, index: number, timeout: number): Promise<Done> {
  await page.getByRole('button', { name: 'Check integrity' }).click();
  // A check that fails sets no mark: say what the page shows then, not only that time ran out.
  const failed = page.getByText(/^The check could not finish:/);
  const mark = await Promise.race([
    page.waitForFunction((at) => (performance.getEntriesByName('audit-integrity-done')[at] as PerformanceMark | undefined)?.detail as Done | undefined, index, { polling: 20, timeout }),
    failed.waitFor({ timeout }).then(async () => {
      throw new Error(`The integrity check failed in the page: ${(await failed.textContent()) ?? ''}`);
    }),
  ]);
  const done = await within('reading the integrity check’s mark', readWaitMs, mark.jsonValue());
  if (!done) throw new Error('The integrity check never finished');
  return done;
}
