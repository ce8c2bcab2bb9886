// The browser rows of issue 24 at a million audit entries: the fixture written in under a
// minute, the audit view's first rows, the full integrity check in the worker with the main
// thread watched, and the check of only what is new since the checkpoint the browser kept.
import { benchBrowserAuditScale } from './browser-audit-scale.ts';
import { addRow, fmt, median, type Report } from './table.ts';

const entries = 1_000_000;
/** Entries added between the full check and the one from the kept checkpoint: a busy day. */
const added = 1_000;

export async function benchBrowserScale(report: Report): Promise<void> {
  const result = await benchBrowserAuditScale({ entries, added, runs: 3 });
  const row = (name: string, samples: number[]) => addRow(report, `browser, ${result.entries.toLocaleString('en')}-entry log: ${name}`, 'ms', samples);
  addRow(report, `generating ${entries.toLocaleString('en')} audit entries into SQLite, hashed and chained (Node, one transaction, one run)`, 'ms', [result.generateMs]);
  const firstRows = row('audit view, navigation to its first (newest) rows shown', result.firstRows);
  const full = row('full integrity check in the worker, reading included', result.fullTotal);
  row('full integrity check, reading excluded (summed over the two workers that share it)', result.fullVerify);
  const fullTask = row('longest main-thread task during the full check', result.longestTaskFull);
  const since = row(`check of the ${added.toLocaleString('en')} entries added since the kept checkpoint, in the worker, reading included`, result.sinceTotal);
  row('the same, from the click to the verdict in the page (worker start included)', result.sinceShown);

  const ms = (x: number) => `${fmt(x)} ms`;
  const budget = (name: string, value: number, limit: number, kind: 'under' | 'atMost' = 'under') => ({ name, value, shown: ms(value), kind, limit, limitShown: `${kind === 'under' ? 'under' : 'at most'} ${limit} ms` });
  report.budgets.push(
    budget(`audit fixture: ${entries.toLocaleString('en')} entries written`, result.generateMs, 60_000),
    budget('browser, 1,000,000 entries: check since the kept checkpoint, reading included (median)', median(since.samples), 200),
    budget('browser, 1,000,000 entries: full check in the worker, reading included (median)', median(full.samples), 10_000),
    budget('browser, 1,000,000 entries: longest main-thread task during the full check (worst run)', Math.max(...fullTask.samples), 50, 'atMost'),
    budget('browser, 1,000,000 entries: audit view, first rows shown (median)', median(firstRows.samples), 500),
  );
  report.notes.push(
    `Million-entry rows: ${entries.toLocaleString('en')} generated entries after the demo's, in the served SQLite database; headless Chromium on the production build as the committee, each run in a fresh context (no kept checkpoint, cold HTTP cache) after one unrecorded run that warms the server. A run opens /audit, runs the full check, then ${added.toLocaleString('en')} entries are written to the database behind the server's back and the check runs again from the checkpoint the browser kept (docs/decisions/0125). A longest task of 0 means none went over 50 ms.`,
  );
}
