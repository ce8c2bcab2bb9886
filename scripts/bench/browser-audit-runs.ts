// What the browser audit benchmarks share: the production build served on a database with a
// generated audit log, headless Chromium signed in as the committee, and one fresh context
// per run (no kept checkpoint, cold HTTP cache) with the page probe installed. One
// unrecorded run first warms the server (its first read of the whole log).
import { chromium, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { sqliteFile } from '#server/db/open-store.ts';
import { chromiumArgs, signInStorage } from './browser-open-package.ts';
import { generateAuditLog } from './generate-audit-log.ts';
import { installOpenProbe } from './page-probe.ts';
import { serveBuiltApp } from './serve-built-app.ts';
import { boundPageWaits, readWaitMs, within } from './bounded-waits.ts';

const password = 'bench-password';
const viewport = { width: 1280, height: 720 };

export interface AuditRuns<S> {
  generateMs: number;
  /** One per recorded run, in order. */
  samples: S[];
}

/** Runs `once` `runs` times (after the warming run) on a log of `entries` generated entries; `file` is the served SQLite file. */
export async function runAuditBench<S>(options: { entries: number; runs: number }, once: (page: Page, file: string) => Promise<S>): Promise<AuditRuns<S>> {
  let generateMs = 0;
  let file = '';
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
    const samples: S[] = [];
    for (let run = -1; run < options.runs; run++) {
      const context = boundPageWaits(await browser.newContext(signedIn));
      try {
        const page = await context.newPage();
        await page.addInitScript(installOpenProbe);
        const sample = await once(page, file);
        if (run >= 0) samples.push(sample);
      } finally {
        await context.close();
      }
    }
    return { generateMs, samples };
  } finally {
    await browser?.close();
    await app.close();
  }
}

/** Opens /audit and waits for its first rows: when they were shown (ms from navigation) and how many entries the view says it has. */
export async function openAuditView(page: Page, timeout: number): Promise<{ firstRows: number; entries: number }> {
  await page.goto('/audit');
  const ready = await page.waitForFunction(() => performance.getEntriesByName('audit-view-ready')[0]?.startTime, undefined, { polling: 50, timeout });
  const firstRows = Number(await within('reading the audit view’s ready mark', readWaitMs, ready.jsonValue()));
  const status = await page.getByText(/^[\d,]+ entries, newest first\.$/).textContent();
  const entries = Number((status ?? '').replace(/\D/g, ''));
  await page.locator(`[data-seq="${entries}"]`).waitFor();
  return { firstRows, entries };
}
