// The browser rows, in headless Chromium on the production build: opening a 2 MB package,
// moving through it, canonical hashing beside the raw digest, the diff view, the audit log
// at 100,000 entries.
import { benchBrowserAudit } from './browser-audit.ts';
import { benchBrowserDiff } from './browser-diff.ts';
import { benchBrowserHash } from './browser-hash.ts';
import { benchBrowserOpenPackage } from './browser-open-package.ts';
import { benchFixtures } from './bench-fixtures.ts';
import { addRow, fmt, median, type Report } from './table.ts';

export async function benchBrowser(report: Report): Promise<void> {
  const { bigText, diffBefore, diffAfter } = benchFixtures();
  const row = (name: string, samples: number[]) => addRow(report, `browser: ${name}`, 'ms', samples);

  const browser = await benchBrowserOpenPackage({ runs: 5 });
  const interactive = row('navigation to first section interactive', browser.firstSectionInteractive);
  row('largest contentful paint on that open', browser.largestContentfulPaint);
  const taskOpening = row('longest main-thread task while opening', browser.longestTaskOpening);
  const taskMoving = row('longest main-thread task while moving through all sections', browser.longestTaskMoving);
  // Canonical hashing as the sign dialog does it, in Chromium, beside the raw digest.
  const browserHash = await benchBrowserHash(bigText, 9);
  const canonical = row(`canonical SHA-256 of the same ${(browserHash.bytes / 1024 / 1024).toFixed(2)} MB (RFC 8785 + WebCrypto)`, browserHash.canonical);
  const raw = row('raw crypto.subtle.digest of the same bytes', browserHash.raw);
  const reference = row('the `canonicalize` npm package (RFC 8785 reference JavaScript) + the same WebCrypto digest, same bytes, same digest', browserHash.reference);
  // The diff view opening on two 2 MB versions.
  const browserDiff = await benchBrowserDiff(diffBefore, diffAfter, { runs: 5 });
  const diffDone = row('diff view of two 2 MB versions: navigation to every section compared', browserDiff.diffDone);
  row('diff view: time comparing in the workers, from the sections sent to the last one back (two workers where the browser has two cores, decision 0196)', browserDiff.workerMs);
  const diffTask = row('diff view: longest main-thread task while opening', browserDiff.longestTask);
  // The audit log at 100,000 entries: the committee opens it, scrolls to the end, and checks
  // its integrity in the worker.
  const audit = await benchBrowserAudit({ entries: 100_000, runs: 3 });
  addRow(report, 'generating 100,000 audit entries into SQLite, hashed and chained (Node, one transaction, one run)', 'ms', [audit.generateMs]);
  row(`audit view of ${audit.entries} entries: navigation to the view sized, first rows shown`, audit.openReady);
  row('audit view: scrolling top to bottom in 100 jumps, two frames each, to the last entry shown', audit.scrollToEnd);
  row('audit view: from the jump to the bottom to the last entry shown', audit.lastEntryShown);
  const auditScrollTask = row('audit view: longest main-thread task while scrolling', audit.longestTaskScrolling);
  const auditCheck = row(`audit integrity check of ${audit.entries} entries in the worker, reading included`, audit.checkTotal);
  // From 50,000 entries the check is split between two workers (decision 0160) and "reading
  // excluded" adds up both workers' time: no longer a time anyone waits, so it is reported and
  // the budget holds the check's wall time (decision 0187).
  row('audit integrity check, reading excluded (entry hashes and links, Merkle tree, tree head signature; summed over the two workers that share it)', audit.checkVerify);
  const auditCheckTask = row('audit integrity check: longest main-thread task meanwhile', audit.longestTaskChecking);

  // "No task over 100 ms" means in any run, so those budgets hold the worst run, not the median.
  const ms = (x: number) => `${fmt(x)} ms`;
  const hashRatio = median(canonical.samples) / median(raw.samples);
  const referenceRatio = median(reference.samples) / median(canonical.samples);
  const longestTask = Math.max(...taskOpening.samples, ...taskMoving.samples);
  const auditTask = Math.max(...auditScrollTask.samples, ...auditCheckTask.samples);
  report.budgets.push(
    { name: 'browser: canonical hash of 5 MB / raw digest', value: hashRatio, shown: `${hashRatio.toFixed(2)}x`, kind: 'atMost', limit: 3, limitShown: 'at most 3x' },
    { name: 'browser: canonical SHA-256 of 5 MB, speed-up over `canonicalize` + the same digest (medians)', value: referenceRatio, shown: `${referenceRatio.toFixed(2)}x`, kind: 'atLeast', limit: 1.5, limitShown: 'at least 1.5x' },
    { name: 'browser: 2 MB package, first section interactive (median)', value: median(interactive.samples), shown: ms(median(interactive.samples)), kind: 'under', limit: 1000, limitShown: 'under 1000 ms' },
    { name: 'browser: longest main-thread task (worst run, opening or moving)', value: longestTask, shown: ms(longestTask), kind: 'under', limit: 100, limitShown: 'under 100 ms' },
    { name: 'browser: diff view, every section compared (median)', value: median(diffDone.samples), shown: ms(median(diffDone.samples)), kind: 'under', limit: 1000, limitShown: 'under 1000 ms' },
    { name: 'browser: diff view, longest main-thread task (worst run)', value: Math.max(...diffTask.samples), shown: ms(Math.max(...diffTask.samples)), kind: 'under', limit: 100, limitShown: 'under 100 ms' },
    { name: 'browser: audit check of 100,000 entries, wall time in the worker, reading included (worst run)', value: Math.max(...auditCheck.samples), shown: ms(Math.max(...auditCheck.samples)), kind: 'under', limit: 1000, limitShown: 'under 1000 ms' },
    { name: 'browser: audit view, longest main-thread task scrolling or checking (worst run)', value: auditTask, shown: ms(auditTask), kind: 'under', limit: 50, limitShown: 'under 50 ms' },
  );
  report.notes.push(
    `Browser rows: headless Chromium ${browser.chromiumVersion}, ${browser.viewport.width}x${browser.viewport.height}, production build on the real server, a ${(browser.packageBytes / 1024 / 1024).toFixed(2)} MB package of ${browser.sectionCount} sections opened as a reviewer, each run in a fresh context (cold HTTP cache). Times from the start of navigation; a longest task of 0 means none went over 50 ms, the long-task threshold.`,
  );
}
