// The server while approval records are exported (issue 16, finding 9): the real server
// process on SQLite with its default worker pool (two threads), the 270-section package of
// the attack (7.4 MB a version, version 2 rewriting every narrative section, so each
// section's word diff runs to its bound), three clients exporting it at once while one probe
// asks GET /api/health again and again. Before the export left the event loop, one such
// export held every request for over a minute.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../lib/server-process.ts';
import { exportRecord, planExportPackage, probeHealthWhile } from './export-load.ts';
import { signIn } from './load-clients.ts';
import { prepareLoadDatabase } from './load-database.ts';
import { addRow, fmt, percentile, type Report } from './table.ts';

const exports = 3;
const password = 'demo-password';

export async function benchExportLoad(report: Report): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-export-'));
  try {
    let start = performance.now();
    const plan = await planExportPackage({ bytes: 7_650_000, sectionCount: 276 });
    const sizes = plan.packages[0]?.versions.map((version) => version.prepared.canonicalContent.length) ?? [];
    // The plan adds no account of its own, so no password hash is needed for one.
    await prepareLoadDatabase({ dataDir }, plan, password, '');
    const prepareMs = performance.now() - start;
    // A budget long enough for the third export, which waits for a thread: this row measures the
    // event loop while exports run, not the budget (tests/integration/attacks-export.test.ts does).
    const server = await startServerProcess({ dataDir, env: { COMPUTE_BUDGET_SECONDS: '900' } });
    try {
      const { cookie } = await signIn(server.origin, 'owner@example.com', password);
      console.error(`[bench] export load: ${exports} exports of the 270-section package…`);
      start = performance.now();
      const { result, latencies } = await probeHealthWhile(server.origin, Promise.all(Array.from({ length: exports }, () => exportRecord(server.origin, cookie))));
      const wallMs = performance.now() - start;
      const failed = result.filter((reply) => reply.status !== 200);
      const what = `server, SQLite: ${exports} exports at once of a two-version package (${sizes.map((n) => (n / 1024 / 1024).toFixed(1)).join(' and ')} MB, 270 narrative sections, all rewritten)`;
      addRow(report, `${what}: each export, request to last byte${failed.length > 0 ? ` (${failed.length} not 200)` : ''}`, 'ms', result.map((reply) => reply.ms));
      addRow(report, `${what}: GET /api/health meanwhile, one probe after another (${latencies.length} probes), p50`, 'ms', [percentile(latencies, 50)]);
      addRow(report, `${what}: GET /api/health meanwhile, p99`, 'ms', [percentile(latencies, 99)]);
      addRow(report, `${what}: GET /api/health meanwhile, slowest probe`, 'ms', [Math.max(...latencies)]);
      const p99 = percentile(latencies, 99);
      report.budgets.push(
        { name: `server, SQLite: GET /api/health p99 while ${exports} exports of the 270-section package run`, value: p99, shown: `${fmt(p99)} ms`, kind: 'under', limit: 100, limitShown: 'under 100 ms' },
        { name: `server, SQLite: all ${exports} exports of the 270-section package answered 200`, value: failed.length === 0 ? 1 : 0, shown: failed.length === 0 ? 'yes' : failed.map((reply) => `${reply.status} ${reply.problem?.detail ?? ''}`).join('; '), kind: 'holds', limit: 1, limitShown: 'yes' },
      );
      report.notes.push(
        `Export rows: the real server process (node server/main.ts) on SQLite with the default compute pool (COMPUTE_WORKERS=2, COMPUTE_QUEUE=4; COMPUTE_BUDGET_SECONDS raised to 900 so the third export, which waits for a thread, is measured rather than stopped). The package (scripts/bench/export-load.ts) was written in ${fmt(prepareMs / 1000)} s; the ${exports} exports took ${fmt(wallMs / 1000)} s together, while one client sent GET /api/health 10 ms after each answer. Before the export ran on worker threads (docs/decisions/0064-export-off-the-event-loop.md), the slowest probe waited as long as a whole export.`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
