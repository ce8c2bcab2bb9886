// What JavaScript a page really loads: the production build served by the real server,
// opened in headless Chromium, every script and modulepreload response recorded, each
// gzipped at level 9 (what a compressing proxy would send). Measured for the log-in page
// (what everyone loads first) and for a package opened straight from a link.
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { chromiumArgs, signInStorage } from './browser-open-package.ts';
import { serveBuiltApp } from './serve-built-app.ts';
import { addRow, type Report } from './table.ts';
import { boundPageWaits, pageWaitMs, within } from './bounded-waits.ts';

export interface Chunk {
  /** The path on the server, e.g. /assets/index-abc123.js. */
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface PageScripts {
  page: string;
  chunks: Chunk[];
  gzipBytes: number;
}

const password = 'bench-password';
const viewport = { width: 1280, height: 720 };

export async function benchBundle(): Promise<{ login: PageScripts; packageView: PageScripts }> {
  const app = await serveBuiltApp({ demoPassword: password });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium', headless: true, args: chromiumArgs });
    const login = await scriptsOf(browser, { baseURL: app.origin, viewport }, '/login', 'log-in page', async (page) => {
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    });
    const signedIn: BrowserContextOptions = { baseURL: app.origin, viewport, storageState: await signInStorage(browser, app.origin, 'model-risk@example.com', password) };
    // A demo package (demo/seed-demo.ts), opened as a reviewer following a link.
    const packageView = await scriptsOf(browser, signedIn, '/packages/pkg_retail_credit_pd', 'package view', async (page) => {
      await page.locator('section[id^="section-"] [data-section-body]:not([data-pending])').first().waitFor();
    });
    return { login, packageView };
  } finally {
    await browser?.close();
    await app.close();
  }
}

async function scriptsOf(browser: Browser, options: BrowserContextOptions, path: string, label: string, ready: (page: Page) => Promise<void>): Promise<PageScripts> {
  // A fresh context: a cold cache, so every script the page needs is fetched.
  const context = boundPageWaits(await browser.newContext(options));
  try {
    const page = await context.newPage();
    const pending: Promise<Chunk | null>[] = [];
    page.on('response', (response) => {
      const request = response.request();
      const url = new URL(response.url());
      // Module preloads are fetched as scripts too; workers count where they start.
      const isScript = request.resourceType() === 'script' || /\.m?js$/.test(url.pathname);
      if (!isScript || url.origin !== new URL(options.baseURL ?? '').origin) return;
      pending.push(
        response.body().then(
          (body) => ({ path: url.pathname, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length }),
          () => null,
        ),
      );
    });
    await page.goto(path);
    await ready(page);
    await page.waitForLoadState('networkidle');
    const chunks = (await within(`reading the ${label}'s script bodies`, pageWaitMs, Promise.all(pending))).filter((chunk): chunk is Chunk => chunk !== null);
    // The same chunk asked for twice (a preload, then the import) is one download.
    const unique = [...new Map(chunks.map((chunk) => [chunk.path, chunk])).values()].sort((a, b) => b.gzipBytes - a.gzipBytes);
    if (unique.length === 0) throw new Error(`The ${label} loaded no JavaScript: is the build served?`);
    return { page: label, chunks: unique, gzipBytes: unique.reduce((n, chunk) => n + chunk.gzipBytes, 0) };
  } finally {
    await context.close();
  }
}

const kb = (bytes: number) => bytes / 1024;

/** Runs the bundle measurement; adds its rows, budget and the chunk list to `report`. */
export async function benchBundleRows(report: Report): Promise<string[]> {
  const { login, packageView } = await benchBundle();
  addRow(report, 'bundle: JavaScript loaded by the log-in page, gzip level 9 (one load)', 'KB', [kb(login.gzipBytes)]);
  addRow(report, 'bundle: JavaScript loaded by a package view opened from a link, gzip level 9 (one load)', 'KB', [kb(packageView.gzipBytes)]);
  report.budgets.push(
    { name: 'bundle: initial JavaScript (the log-in page), gzip', value: kb(login.gzipBytes), shown: `${kb(login.gzipBytes).toFixed(1)} KB`, kind: 'atMost', limit: 150, limitShown: 'at most 150 KB' },
    { name: 'bundle: JavaScript of a package view opened from a link, gzip', value: kb(packageView.gzipBytes), shown: `${kb(packageView.gzipBytes).toFixed(1)} KB`, kind: 'reported', limit: 0, limitShown: '(reported)' },
  );
  report.notes.push('Bundle rows: the production build on the real server, opened in headless Chromium in a fresh context; every script and modulepreload response the page received until the network was idle, each gzipped at level 9 with node:zlib (KB = 1,024 bytes). The package view is a demo package opened by a signed-in reviewer.');
  // Which chunk loads where: the list under the tables.
  const all = new Map<string, { chunk: Chunk; pages: string[] }>();
  for (const page of [login, packageView]) {
    for (const chunk of page.chunks) {
      const seen = all.get(chunk.path);
      if (seen) seen.pages.push(page.page);
      else all.set(chunk.path, { chunk, pages: [page.page] });
    }
  }
  return [
    '## JavaScript by page',
    '',
    '| chunk | size | gzip | loaded by |',
    '| --- | --- | --- | --- |',
    ...[...all.values()].map(({ chunk, pages }) => `| ${chunk.path} | ${kb(chunk.bytes).toFixed(1)} KB | ${kb(chunk.gzipBytes).toFixed(1)} KB | ${pages.join(', ')} |`),
    '',
  ];
}
