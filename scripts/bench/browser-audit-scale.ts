// The audit log at a million entries in a real browser (issue 24): the log written into the
// served database, then, as the committee in headless Chromium on the production build:
// opening /audit (its first rows, newest first), the full integrity check in the worker
// (every entry read and verified) with the main thread watched for long tasks, and, after
// entries are added behind the server's back as a busy day would add them, the check again
// from the checkpoint the browser kept: only what is new since is read (docs/decisions/0125).
import { chromium, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { sqliteFile } from '#server/db/open-store.ts';
import { longest, readProbe } from './browser-audit.ts';
import { chromiumArgs, signInStorage } from './browser-open-package.ts';
import { generateAuditLog } from './generate-audit-log.ts';
import { installOpenProbe } from './page-probe.ts';
import { serveBuiltApp } from './serve-built-app.ts';

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

const password = 'bench-password';
const viewport = { width: 1280, height: 720 };

interface Done {
  size: number;
  intact: boolean;
  resumedFrom: number | null;
  totalMs: number;
  verifyMs: number;
}

export async function benchBrowserAuditScale(options: { entries: number; added: number; runs: number }): Promise<BrowserAuditScaleResult> {
  let generateMs = 0;
  let file = '';
  let seed = 100;
  const app = await serveBuiltApp({
    demoPassword: password,
    prepare: (dataDir) => {
      file = sqliteFile(dataDir);
      const start = performance.now();
      generateAuditLog({ file, count: options.entries, seed: 42 });
      generateMs = performance.now() - start;
    },
  });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium', headless: true, args: chromiumArgs });
    const signedIn: BrowserContextOptions = { baseURL: app.origin, viewport, storageState: await signInStorage(browser, app.origin, 'committee@example.com', password) };
    const result: BrowserAuditScaleResult = { entries: 0, generateMs, added: options.added, firstRows: [], fullTotal: [], fullVerify: [], longestTaskFull: [], sinceTotal: [], sinceShown: [] };
    // One unrecorded run first: it warms the server (its first read of the whole log).
    for (let run = -1; run < options.runs; run++) {
      const context = await browser.newContext(signedIn);
      try {
        const page = await context.newPage();
        await page.addInitScript(installOpenProbe);
        const sample = await scaleOnce(page, () => generateAuditLog({ file, count: options.added, seed: seed++ }));
        result.entries = sample.entries;
        if (run < 0) continue;
        result.firstRows.push(sample.firstRows);
        result.fullTotal.push(sample.full.totalMs);
        result.fullVerify.push(sample.full.verifyMs);
        result.longestTaskFull.push(sample.longestTaskFull);
        result.sinceTotal.push(sample.since.totalMs);
        result.sinceShown.push(sample.sinceShown);
      } finally {
        await context.close();
      }
    }
    return result;
  } finally {
    await browser?.close();
    await app.close();
  }
}

async function scaleOnce(page: Page, addEntries: () => void) {
  await page.goto('/audit');
  const ready = await page.waitForFunction(() => performance.getEntriesByName('audit-view-ready')[0]?.startTime, undefined, { polling: 50, timeout: 120_000 });
  const firstRows = Number(await ready.jsonValue());
  const status = await page.getByText(/^[\d,]+ entries, newest first\.$/).textContent();
  const entries = Number((status ?? '').replace(/\D/g, ''));
  await page.locator(`[data-seq="${entries}"]`).waitFor();

  const checkStart = await page.evaluate(() => performance.now());
  const full = await checkOnce(page, 0, 600_000);
  if (!full.intact || full.size < entries || full.resumedFrom !== null) throw new Error(`The full check found the generated log ${full.intact ? 'intact' : 'broken'} at ${full.size} entries, resumed from ${full.resumedFrom ?? 'nothing'} (expected intact at ${entries} or more, from the start)`);
  await page.waitForTimeout(300);
  const longestTaskFull = longest((await readProbe(page)).longTasks, checkStart);

  // Entries added while the reader looks elsewhere; the server sees them on its next read.
  addEntries();
  const clicked = await page.evaluate(() => performance.now());
  const since = await checkOnce(page, 1, 120_000);
  if (!since.intact || since.resumedFrom !== full.size) throw new Error(`The check from the kept checkpoint found the log ${since.intact ? 'intact' : 'broken'}, resumed from ${since.resumedFrom ?? 'nothing'} (expected intact, from ${full.size})`);
  const shown = await page.evaluate(() => (performance.getEntriesByName('audit-integrity-done')[1]?.startTime ?? Number.NaN));
  return { entries, firstRows, full, longestTaskFull, since, sinceShown: shown - clicked };
}

/** Clicks "Check integrity" and waits for the `index`th verdict's mark. */
async function checkOnce(page: Page, index: number, timeout: number): Promise<Done> {
  await page.getByRole('button', { name: 'Check integrity' }).click();
  const mark = await page.waitForFunction((at) => (performance.getEntriesByName('audit-integrity-done')[at] as PerformanceMark | undefined)?.detail as Done | undefined, index, { polling: 20, timeout });
  const done = await mark.jsonValue();
  if (!done) throw new Error('The integrity check never finished');
  return done;
}
