// Opening the diff of two 2 MB versions in a real browser: the generated package is
// submitted, rejected by data governance, and resubmitted with 5% of its words changed;
// then a reviewer opens the diff view in headless Chromium on the production build. Measures
// how soon the whole comparison is on screen and whether the page ever freezes meanwhile.
import { chromium, type Browser, type BrowserContextOptions } from '@playwright/test';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { signDecision, signInActor } from '../lib/api-actor.ts';
import { chromiumArgs, signInStorage, submitAsOwner } from './browser-open-package.ts';
import { installOpenProbe, type OpenProbe } from './page-probe.ts';
import { serveBuiltApp } from './serve-built-app.ts';
import { boundPageWaits, readWaitMs, within } from './bounded-waits.ts';

export interface BrowserDiffResult {
  /** From the start of navigation to the last section compared and shown. */
  diffDone: number[];
  /** Time comparing: from the sections sent to the workers to the last one back (decision 0196). */
  workerMs: number[];
  /** 0 when no task went over 50 ms, the long-task threshold. */
  longestTask: number[];
}

const password = 'bench-password';
const viewport = { width: 1280, height: 720 };

export async function benchBrowserDiff(before: PackageContent, after: PackageContent, options: { runs: number }): Promise<BrowserDiffResult> {
  const app = await serveBuiltApp({ demoPassword: password });
  let browser: Browser | undefined;
  try {
    const packageId = await submitAsOwner(app.origin, before);
    const owner = await signInActor(app.origin, 'owner@example.com', password);
    const reviewer = await signInActor(app.origin, 'data-governance@example.com', password);
    const rejection = await signDecision(reviewer, {
      packageId,
      stepKey: 'data_governance',
      decision: 'reject',
      reason: 'The narrative needs revision.',
      concerns: [{ sectionKey: 'intended_use', concern: 'Unclear scope.', requiredChange: 'Revise the text.' }],
      password,
    });
    await owner.post(`/api/packages/${packageId}/versions`, { content: after, answers: [{ target: { kind: 'concern', decisionId: rejection.id, index: 0 }, answer: 'Revised throughout.', sectionKeys: [] }] });

    browser = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium', headless: true, args: chromiumArgs });
    const signedIn: BrowserContextOptions = { baseURL: app.origin, viewport, storageState: await signInStorage(browser, app.origin, 'data-governance@example.com', password) };
    const result: BrowserDiffResult = { diffDone: [], workerMs: [], longestTask: [] };
    for (let run = -1; run < options.runs; run++) {
      const context = boundPageWaits(await browser.newContext(signedIn));
      try {
        const page = await context.newPage();
        await page.addInitScript(installOpenProbe);
        await page.goto(`/packages/${packageId}/diff?from=1&to=2`);
        const mark = await page.waitForFunction(
          () => {
            const entry = performance.getEntriesByName('package-diff-done')[0] as PerformanceMark | undefined;
            return entry ? { at: entry.startTime, workerMs: (entry.detail as { workerMs: number }).workerMs } : null;
          },
          undefined,
          { polling: 50, timeout: 120_000 },
        );
        const done = await within('reading the diff’s mark', readWaitMs, mark.jsonValue());
        if (!done) throw new Error('The diff never finished');
        // The last results render after the mark; long-task entries arrive a little after the task.
        await page.getByText(/^Compared \d+ sections in/).waitFor();
        await page.waitForTimeout(300);
        const probe = await within('reading the page probe', readWaitMs, page.evaluate(() => window.benchProbe as OpenProbe));
        if (run < 0) continue;
        result.diffDone.push(done.at);
        result.workerMs.push(done.workerMs);
        result.longestTask.push(Math.max(0, ...probe.longTasks.map((task) => task.duration)));
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
