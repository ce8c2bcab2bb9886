// `npm run bench`: measures, never asserts in tests. Writes bench/results.md with the
// median, min and max of several runs, and ratios measured side by side in the same run.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalBytes } from '../domain/json/canonicalize.ts';
import { parseStrictJson } from '../domain/json/strict-json.ts';
import { sha256Hex } from '../domain/crypto/sha256.ts';
import { seedDemo } from '../domain/api/seed-demo.ts';
import { openStore } from '../server/db/open-store.ts';
import { serverDeps } from '../server/deps.ts';
import { createApp } from '../server/app.ts';
import { benchBrowserHash } from './bench/browser-hash.ts';
import { benchBrowserOpenPackage } from './bench/browser-open-package.ts';
import { benchBrowserDiff } from './bench/browser-diff.ts';
import { benchBrowserAudit } from './bench/browser-audit.ts';
import { generatePackage, reviseWords } from './bench/generate-package.ts';
import { diffPackages } from '../domain/diff/package-diff.ts';
import { diffWordsWithSpace } from 'diff';

interface Row {
  name: string;
  unit: string;
  samples: number[];
}

const rows: Row[] = [];

async function measure(name: string, runs: number, work: () => unknown): Promise<Row> {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  const row = { name, unit: 'ms', samples };
  rows.push(row);
  return row;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
const fmt = (x: number) => x.toFixed(x < 10 ? 2 : 1);

const big = generatePackage({ bytes: 5 * 1024 * 1024, sectionCount: 60 });
const bigText = JSON.stringify(big);
const bigBytes = new TextEncoder().encode(bigText);

const ours = await measure('canonical SHA-256 of a 5 MB package (RFC 8785 + WebCrypto)', 9, () => sha256Hex(canonicalBytes(big)));
const raw = await measure('raw crypto.subtle.digest of the same 5 MB', 9, () => crypto.subtle.digest('SHA-256', bigBytes));
await measure('node:crypto SHA-256 of the same 5 MB (reference)', 9, () => createHash('sha256').update(bigBytes).digest('hex'));
const strict = await measure('strict JSON parse of 5 MB (duplicate-key check)', 9, () => parseStrictJson(bigText));
const native = await measure('JSON.parse of the same 5 MB', 9, () => JSON.parse(bigText) as unknown);

// The diff of two 2 MB versions, 5% of words changed: ours (section by section, each bounded)
// against jsdiff over the whole serialized package, the naive approach. The naive one runs
// once, stopped after naiveCapMs: it takes minutes, so a stop makes its time a lower bound.
const diffBefore = generatePackage({ bytes: 2 * 1024 * 1024, sectionCount: 60, seed: 7 });
const diffAfter = reviseWords(diffBefore, 0.05);
const ourDiff = await measure('diff of two 2 MB versions, 5% of words changed: ours, section by section (Node)', 5, () => diffPackages(diffBefore, diffAfter));
const naiveCapMs = 120_000;
const naiveStart = performance.now();
const naiveResult = diffWordsWithSpace(JSON.stringify(diffBefore), JSON.stringify(diffAfter), { timeout: naiveCapMs });
const naiveMs = performance.now() - naiveStart;
const naiveStopped = naiveResult === undefined;
rows.push({ name: `naive jsdiff diffWordsWithSpace over the whole serialized package (Node, one run${naiveStopped ? `, stopped at ${naiveCapMs / 1000} s` : ''})`, unit: 'ms', samples: [naiveMs] });

const dataDir = mkdtempSync(join(tmpdir(), 'bench-'));
const store = await openStore({ dataDir });
const deps = serverDeps(store, { sessionTtlHours: 1 });
await seedDemo(store, { password: 'demo-password', passwords: deps.passwords, now: new Date(), randomToken: deps.randomToken });
const app = createApp(deps);
const login = await app.fetch(new Request('http://localhost/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'model-risk@example.com', password: 'demo-password' }) }));
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
const list = (await (await app.fetch(new Request('http://localhost/api/packages', { headers: { cookie } }))).json()) as { items: { id: string }[] };
const first = list.items[0]?.id ?? '';
await measure('GET /api/packages/{id}/versions/1 in-process on SQLite (one request)', 200, async () => (await app.fetch(new Request(`http://localhost/api/packages/${first}/versions/1`, { headers: { cookie } }))).text());
await measure('GET /api/packages in-process on SQLite (one request)', 200, async () => (await app.fetch(new Request('http://localhost/api/packages', { headers: { cookie } }))).text());
await store.close();
rmSync(dataDir, { recursive: true, force: true });

// The browser rows: opening a 2 MB, 60-section package as a reviewer would.
const browser = await benchBrowserOpenPackage({ runs: 5 });
const browserRow = (name: string, samples: number[]) => {
  const row = { name: `browser: ${name}`, unit: 'ms', samples };
  rows.push(row);
  return row;
};
const interactive = browserRow('navigation to first section interactive', browser.firstSectionInteractive);
browserRow('largest contentful paint on that open', browser.largestContentfulPaint);
const taskOpening = browserRow('longest main-thread task while opening', browser.longestTaskOpening);
const taskMoving = browserRow('longest main-thread task while moving through all sections', browser.longestTaskMoving);
// Canonical hashing as the sign dialog does it, in Chromium, beside the raw digest.
const browserHash = await benchBrowserHash(bigText, 9);
const browserCanonical = browserRow(`canonical SHA-256 of the same ${(browserHash.bytes / 1024 / 1024).toFixed(2)} MB (RFC 8785 + WebCrypto)`, browserHash.canonical);
const browserRaw = browserRow('raw crypto.subtle.digest of the same bytes', browserHash.raw);
// The diff view opening on those two versions, in Chromium.
const browserDiff = await benchBrowserDiff(diffBefore, diffAfter, { runs: 5 });
const diffDone = browserRow('diff view of two 2 MB versions: navigation to every section compared', browserDiff.diffDone);
browserRow('diff view: time in the worker comparing', browserDiff.workerMs);
const diffTask = browserRow('diff view: longest main-thread task while opening', browserDiff.longestTask);
// The audit log at 100,000 entries, in Chromium: the committee opens it, scrolls to the
// end, and checks its integrity in the worker.
const browserAudit = await benchBrowserAudit({ entries: 100_000, runs: 3 });
rows.push({ name: 'generating 100,000 audit entries into SQLite, hashed and chained (Node, one transaction, one run)', unit: 'ms', samples: [browserAudit.generateMs] });
browserRow(`audit view of ${browserAudit.entries} entries: navigation to the view sized, first rows shown`, browserAudit.openReady);
browserRow('audit view: scrolling top to bottom in 100 jumps, two frames each, to the last entry shown', browserAudit.scrollToEnd);
browserRow('audit view: from the jump to the bottom to the last entry shown', browserAudit.lastEntryShown);
const auditScrollTask = browserRow('audit view: longest main-thread task while scrolling', browserAudit.longestTaskScrolling);
const auditCheck = browserRow(`audit integrity check of ${browserAudit.entries} entries in the worker, reading included`, browserAudit.checkTotal);
const auditVerify = browserRow('audit integrity check, reading excluded (entry hashes and links, Merkle tree, tree head signature)', browserAudit.checkVerify);
const auditCheckTask = browserRow('audit integrity check: longest main-thread task meanwhile', browserAudit.longestTaskChecking);
// "No task over 100 ms" means in any run, so the budget holds the worst run, not the median.
const longestTask = Math.max(...taskOpening.samples, ...taskMoving.samples);
const diffRatio = naiveMs / median(ourDiff.samples);

const lines = [
  `# Benchmarks`,
  '',
  `Run: ${new Date().toISOString()}, Node ${process.version}, ${process.platform}/${process.arch}. Package: ${(bigBytes.length / 1024 / 1024).toFixed(2)} MB, 60 sections.`,
  '',
  `Browser rows: headless Chromium ${browser.chromiumVersion}, ${browser.viewport.width}x${browser.viewport.height}, production build on the real server, a ${(browser.packageBytes / 1024 / 1024).toFixed(2)} MB package of ${browser.sectionCount} sections opened as a reviewer, each run in a fresh context (cold HTTP cache). Times from the start of navigation; a longest task of 0 means none went over 50 ms, the long-task threshold.`,
  '',
  '| benchmark | median | min | max | runs |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.name} | ${fmt(median(r.samples))} ms | ${fmt(Math.min(...r.samples))} ms | ${fmt(Math.max(...r.samples))} ms | ${r.samples.length} |`),
  '',
  '| ratio or budget (same run) | value | budget |',
  '| --- | --- | --- |',
  `| Node: canonical hash / raw digest | ${(median(ours.samples) / median(raw.samples)).toFixed(2)}x | at most 3x |`,
  `| browser: canonical hash / raw digest | ${(median(browserCanonical.samples) / median(browserRaw.samples)).toFixed(2)}x | at most 3x |`,
  `| strict parse / JSON.parse | ${(median(strict.samples) / median(native.samples)).toFixed(2)}x | (reported) |`,
  `| browser: first section interactive (median) | ${fmt(median(interactive.samples))} ms | under 1000 ms |`,
  `| browser: longest main-thread task (worst run, opening or moving) | ${fmt(longestTask)} ms | under 100 ms |`,
  `| diff of 2 MB, 5% changed: ours (median, Node) | ${fmt(median(ourDiff.samples))} ms | under 1000 ms |`,
  `| diff: naive / ours | ${naiveStopped ? 'at least ' : ''}${diffRatio.toFixed(1)}x | at least 10x |`,
  `| browser: diff view, every section compared (median) | ${fmt(median(diffDone.samples))} ms | under 1000 ms |`,
  `| browser: diff view, longest main-thread task (worst run) | ${fmt(Math.max(...diffTask.samples))} ms | under 100 ms |`,
  `| browser: audit check of 100,000 entries, reading excluded (worst run) | ${fmt(Math.max(...auditVerify.samples))} ms | under 1000 ms |`,
  `| browser: audit check, reading included (median) | ${fmt(median(auditCheck.samples))} ms | (reported) |`,
  `| browser: audit view, longest main-thread task scrolling or checking (worst run) | ${fmt(Math.max(...auditScrollTask.samples, ...auditCheckTask.samples))} ms | under 50 ms |`,
  '',
];
writeFileSync('bench/results.md', lines.join('\n'));
console.log(lines.join('\n'));
const ratio = median(ours.samples) / median(raw.samples);
if (ratio > 3) {
  console.error(`Budget missed: canonical hash is ${ratio.toFixed(2)}x the raw digest (budget 3x)`);
  process.exitCode = 1;
}
const browserRatio = median(browserCanonical.samples) / median(browserRaw.samples);
if (browserRatio > 3) {
  console.error(`Budget missed: in Chromium, canonical hashing is ${browserRatio.toFixed(2)}x the raw digest (budget 3x)`);
  process.exitCode = 1;
}
if (median(interactive.samples) >= 1000) {
  console.error(`Budget missed: the first section of a 2 MB package is interactive after ${fmt(median(interactive.samples))} ms (budget 1000 ms)`);
  process.exitCode = 1;
}
if (median(ourDiff.samples) >= 1000 || diffRatio < 10) {
  console.error(`Budget missed: the 2 MB diff took ${fmt(median(ourDiff.samples))} ms, ${diffRatio.toFixed(1)}x faster than the naive one (budget under 1000 ms and at least 10x)`);
  process.exitCode = 1;
}
if (Math.max(...diffTask.samples) >= 100) {
  console.error(`Budget missed: a main-thread task took ${fmt(Math.max(...diffTask.samples))} ms while the diff view opened (budget 100 ms)`);
  process.exitCode = 1;
}
if (Math.max(...auditVerify.samples) >= 1000) {
  console.error(`Budget missed: verifying the 100,000-entry audit log took ${fmt(Math.max(...auditVerify.samples))} ms in the worker, reading excluded (budget 1000 ms)`);
  process.exitCode = 1;
}
if (Math.max(...auditScrollTask.samples, ...auditCheckTask.samples) >= 50) {
  console.error(`Budget missed: a main-thread task took ${fmt(Math.max(...auditScrollTask.samples, ...auditCheckTask.samples))} ms while scrolling or checking the audit log (budget 50 ms)`);
  process.exitCode = 1;
}
if (longestTask >= 100) {
  console.error(`Budget missed: a main-thread task took ${fmt(longestTask)} ms while opening or moving through a 2 MB package (budget 100 ms)`);
  process.exitCode = 1;
}
