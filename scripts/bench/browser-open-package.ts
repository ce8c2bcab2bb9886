// Opening a large package in a real browser: a 2 MB, 60-section package submitted through
// the API, then opened in headless Chromium on the production build. Measures what a
// reviewer feels: how soon the first section can be used, and whether the page ever
// freezes (long main-thread tasks) while it opens and while they move through it.
import { chromium, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { submitPackageResponseSchema } from '#api/routes.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { signInActor } from '../lib/api-actor.ts';
import { changeCatalogue } from '../lib/catalogue-change.ts';
import { generatePackage } from './generate-package.ts';
import { installOpenProbe, moveThroughSections, type OpenProbe } from './page-probe.ts';
import { serveBuiltApp } from './serve-built-app.ts';
import { boundPageWaits, pageWaitMs, readWaitMs, within } from './bounded-waits.ts';

export interface BrowserOpenResult {
  chromiumVersion: string;
  packageBytes: number;
  sectionCount: number;
  viewport: { width: number; height: number };
  firstSectionInteractive: number[];
  largestContentfulPaint: number[];
  /** 0 when no task went over 50 ms, the long-task threshold. */
  longestTaskOpening: number[];
  longestTaskMoving: number[];
}

const sectionCount = 60;
const password = 'bench-password';
// Demo accounts from demo/seed-demo.ts: the model owner submits, a reviewer opens.
const ownerEmail = 'owner@example.com';
const reviewerEmail = 'model-risk@example.com';
const viewport = { width: 1280, height: 720 };

// As in playwright.config.ts: no sandbox in a container, and no calls home.
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function benchBrowserOpenPackage(options: { runs: number }): Promise<BrowserOpenResult> {
  const content = generatePackage({ bytes: 2 * 1024 * 1024, sectionCount, seed: 7 });
  const app = await serveBuiltApp({ demoPassword: password });
  let browser: Browser | undefined;
  try {
    const packageId = await submitAsOwner(app.origin, content);
    browser = await chromium.launch({
      executablePath: '/usr/lib/chromium/chromium',
      headless: true,
      args: chromiumArgs,
    });
    const signedIn: BrowserContextOptions = { baseURL: app.origin, viewport, storageState: await signInStorage(browser, app.origin, reviewerEmail, password) };
    const result: BrowserOpenResult = {
      chromiumVersion: browser.version(),
      packageBytes: new TextEncoder().encode(JSON.stringify(content)).length,
      sectionCount,
      viewport,
      firstSectionInteractive: [],
      largestContentfulPaint: [],
      longestTaskOpening: [],
      longestTaskMoving: [],
    };
    // One unrecorded run first, as for the other rows: it warms the server, not the browser.
    for (let run = -1; run < options.runs; run++) {
      const sample = await openOnce(browser, signedIn, `/packages/${packageId}`);
      if (run < 0) continue;
      result.firstSectionInteractive.push(sample.interactive);
      result.largestContentfulPaint.push(sample.lcp);
      result.longestTaskOpening.push(sample.longestOpening);
      result.longestTaskMoving.push(sample.longestMoving);
    }
    return result;
  } finally {
    await browser?.close();
    await app.close();
  }
}

/**
 * One open in a fresh context: a cold HTTP cache, as for a reviewer following a link to the
 * package in a new browser, so the app's own scripts are part of what is measured.
 */
async function openOnce(browser: Browser, contextOptions: BrowserContextOptions, path: string) {
  const context = boundPageWaits(await browser.newContext(contextOptions));
  try {
    const page = await context.newPage();
    await page.addInitScript(installOpenProbe);
    await page.goto(path);
    await page.waitForFunction(() => window.benchProbe?.interactive !== undefined, undefined, { polling: 50, timeout: 30_000 });
    // Let the rest of the opening (review marks, late renders) finish before moving on.
    await page.waitForLoadState('networkidle');
    const opened = await readProbe(page);
    if (!opened.headingVisible) throw new Error('The first section was in the document but its heading had no layout box');

    // Two frames per section: a page that stops painting would wait for its frames forever.
    const moved = await within(`moving through the ${sectionCount} sections`, 120_000, page.evaluate(moveThroughSections));
    if (moved.count !== sectionCount) throw new Error(`Expected ${sectionCount} sections on the page, found ${moved.count}`);
    // Long-task entries reach the observer a little after the task ends.
    await page.waitForTimeout(250);
    const { longTasks } = await readProbe(page);
    const longest = (tasks: OpenProbe['longTasks']) => Math.max(0, ...tasks.map((task) => task.duration));
    return {
      interactive: opened.interactive ?? NaN,
      lcp: opened.lcp ?? NaN,
      longestOpening: longest(longTasks.filter((task) => task.start < moved.start)),
      longestMoving: longest(longTasks.filter((task) => task.start >= moved.start)),
    };
  } finally {
    await context.close();
  }
}

/** What the page probe (page-probe.ts) has seen so far. */
export function readProbe(page: Page): Promise<OpenProbe> {
  return within(
    'reading the page probe',
    readWaitMs,
    page.evaluate(() => {
      if (!window.benchProbe) throw new Error('The page probe was not installed');
      return window.benchProbe;
    }),
  );
}

/** Signs in through the API from the page, as the login form does; returns the cookies. */
export async function signInStorage(browser: Browser, origin: string, email: string, password: string) {
  const context = boundPageWaits(await browser.newContext({ baseURL: origin }));
  try {
    const page = await context.newPage();
    await page.goto('/login');
    const status = await within(
      `signing in as ${email} from the page`,
      pageWaitMs,
      page.evaluate(
        async (body) => {
          const response = await fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          return response.status;
        },
        { email, password },
      ),
    );
    if (status >= 300) throw new Error(`${email} could not sign in: HTTP ${status}`);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** Submits the package as its owner would, through the API; returns the package id. */
export async function submitAsOwner(origin: string, content: PackageContent): Promise<string> {
  const owner = await signInActor(origin, ownerEmail, password);
  const id = content.sections.find((section) => section.kind === 'identification');
  if (id?.kind !== 'identification') throw new Error('The generated package has no identification section');
  // A package names a line of the organisation's list (docs/decisions/0168): the bench's own is
  // added once, by two administrators as the demo has them (0182).
  const admin = await signInActor(origin, 'admin@example.com', password);
  const lines = await admin.get<{ items: { label: string }[] }>('/api/business-lines');
  if (!lines.items.some((line) => line.label === id.businessLine)) await changeCatalogue(admin, await signInActor(origin, 'admin-deputy@example.com', password), { kind: 'add_business_line', change: { label: id.businessLine } });
  return submitPackageResponseSchema.parse(await owner.post('/api/packages', { modelKey: id.modelKey, versionLabel: id.versionLabel, content })).package.id;
}
