// The Node rows: canonical hashing and strict parsing of 5 MB, the 2 MB diff against the
// naive one, and in-process reads on SQLite.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffWordsWithSpace } from 'diff';
import { seedDemo } from '#demo/seed-demo.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { diffPackages } from '#domain/diff/package-diff.ts';
import { canonicalBytes } from '#domain/json/canonicalize.ts';
import { parseStrictJson } from '#domain/json/strict-json.ts';
import { createApp } from '#server/app.ts';
import { openStore } from '#server/db/open-store.ts';
import { serverDeps } from '#server/deps.ts';
import { benchFixtures } from './bench-fixtures.ts';
import { addRow, fmt, measure, median, type Report } from './table.ts';

export async function benchNode(report: Report): Promise<void> {
  const { big, bigText, bigBytes, diffBefore, diffAfter } = benchFixtures();
  const ours = await measure(report, 'canonical SHA-256 of a 5 MB package (RFC 8785 + WebCrypto)', 9, () => sha256Hex(canonicalBytes(big)));
  const raw = await measure(report, 'raw crypto.subtle.digest of the same 5 MB', 9, () => crypto.subtle.digest('SHA-256', bigBytes));
  await measure(report, 'node:crypto SHA-256 of the same 5 MB (reference)', 9, () => createHash('sha256').update(bigBytes).digest('hex'));
  const strict = await measure(report, 'strict JSON parse of 5 MB (duplicate-key check)', 9, () => parseStrictJson(bigText));
  const native = await measure(report, 'JSON.parse of the same 5 MB', 9, () => JSON.parse(bigText) as unknown);

  // The diff of two 2 MB versions, 5% of words changed: ours (section by section, each bounded)
  // against jsdiff over the whole serialized package, the naive approach. The naive one runs
  // once, stopped after naiveCapMs: it takes minutes, so a stop makes its time a lower bound.
  const ourDiff = await measure(report, 'diff of two 2 MB versions, 5% of words changed: ours, section by section (Node)', 5, () => diffPackages(diffBefore, diffAfter));
  const naiveCapMs = 120_000;
  const naiveStart = performance.now();
  const naiveResult = diffWordsWithSpace(JSON.stringify(diffBefore), JSON.stringify(diffAfter), { timeout: naiveCapMs });
  const naiveMs = performance.now() - naiveStart;
  const naiveStopped = naiveResult === undefined;
  addRow(report, `naive jsdiff diffWordsWithSpace over the whole serialized package (Node, one run${naiveStopped ? `, stopped at ${naiveCapMs / 1000} s` : ''})`, 'ms', [naiveMs]);

  const dataDir = mkdtempSync(join(tmpdir(), 'bench-'));
  const store = await openStore({ dataDir });
  try {
    const deps = serverDeps(store, { sessionTtlHours: 1 });
    await seedDemo(store, { password: 'demo-password', passwords: deps.passwords, now: new Date(), randomToken: deps.randomToken });
    const app = createApp(deps);
    const login = await app.fetch(new Request('http://localhost/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'model-risk@example.com', password: 'demo-password' }) }));
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const list = (await (await app.fetch(new Request('http://localhost/api/packages', { headers: { cookie } }))).json()) as { items: { id: string }[] };
    const first = list.items[0]?.id ?? '';
    await measure(report, 'GET /api/packages/{id}/versions/1 in-process on SQLite (one request)', 200, async () => (await app.fetch(new Request(`http://localhost/api/packages/${first}/versions/1`, { headers: { cookie } }))).text());
    await measure(report, 'GET /api/packages in-process on SQLite (one request)', 200, async () => (await app.fetch(new Request('http://localhost/api/packages', { headers: { cookie } }))).text());
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const diffRatio = naiveMs / median(ourDiff.samples);
  const hashRatio = median(ours.samples) / median(raw.samples);
  report.notes.push(`Node rows: a generated package of ${(bigBytes.length / 1024 / 1024).toFixed(2)} MB in 60 sections (scripts/bench/generate-package.ts), each row after one unrecorded warm-up run.`);
  report.budgets.push(
    // The budget is the Chromium figure (the sign dialog hashes in the browser); Node's is for reference.
    { name: 'Node: canonical hash / raw digest', value: hashRatio, shown: `${hashRatio.toFixed(2)}x`, kind: 'reported', limit: 3, limitShown: '(reported; the budget is on the Chromium figure)' },
    { name: 'strict parse / JSON.parse', value: median(strict.samples) / median(native.samples), shown: `${(median(strict.samples) / median(native.samples)).toFixed(2)}x`, kind: 'reported', limit: 0, limitShown: '(reported)' },
    { name: 'diff of 2 MB, 5% changed: ours (median, Node)', value: median(ourDiff.samples), shown: `${fmt(median(ourDiff.samples))} ms`, kind: 'under', limit: 1000, limitShown: 'under 1000 ms' },
    { name: 'diff: naive / ours', value: diffRatio, shown: `${naiveStopped ? 'at least ' : ''}${diffRatio.toFixed(1)}x`, kind: 'atLeast', limit: 10, limitShown: 'at least 10x' },
  );
}
