// What a version read costs the API process besides HTTP (docs/decisions/0229): the read path's
// own checks and reads (keptVersionRead, then plainVersionRead on a miss) over every version of a
// SQLite inventory, in this process, 50 at a time each started from an I/O-like callback, right
// after a write (every kept answer emptied: what the scale bench's reads start with after its
// notification polls) and again (what the first pass kept). CPU per read from process.cpuUsage:
// no socket, no load generator, so the figure is the read path's alone.
//   node scripts/bench/version-read-cost.ts <template-dir from sqlite-scale-probe.ts prepare> [rounds=3]
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { DatabaseSync } from 'node:sqlite';
import { keptVersionRead, plainVersionRead, type VersionAnswer } from '#api/index.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { serverDeps } from '#server/deps.ts';
import { openStore, sqliteFile } from '#server/db/open-store.ts';

const [template, roundsArg] = process.argv.slice(2);
if (!template) throw new Error('usage: version-read-cost.ts <template-dir> [rounds=3]');
const rounds = Number(roundsArg ?? 3);
const inFlight = 50;
const hour = 3_600_000;

const dataDir = mkdtempSync(join(tmpdir(), 'version-read-cost-'));
cpSync(template, dataDir, { recursive: true });
const listing = new DatabaseSync(sqliteFile(dataDir), { readOnly: true });
const versions = listing.prepare("select package_id, number from package_versions where package_id like 'pkg_bench%' order by package_id, number").all().map((row) => ({ packageId: String(row.package_id), n: Number(row.number) }));
const reviewer = listing.prepare("select id from users where email = 'model-risk@example.com'").get();
listing.close();
if (!reviewer) throw new Error('The inventory has no model-risk reviewer');

const store = await openStore({ dataDir });
try {
  const deps = serverDeps(store, { sessionTtlHours: 12 });
  const token = crypto.randomUUID().replace(/-/g, '');
  const now = new Date();
  await store.insertSession({ tokenHash: await sha256Hex(token), userId: String(reviewer.id), createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + hour).toISOString(), lastSeenAt: now.toISOString(), steppedUpAt: null });
  const cookie = `theme=dark; ma_session=${token}`;
  const readOne = async ({ packageId, n }: { packageId: string; n: number }): Promise<VersionAnswer | null> => keptVersionRead(deps, cookie, false, packageId, n) ?? (await plainVersionRead(deps, cookie, false, packageId, n));
  /** Every version once, `inFlight` at a time, each read begun from a callback of its own as a request's is. */
  const pass = () =>
    new Promise<number>((resolve, reject) => {
      let next = 0;
      let done = 0;
      let bytes = 0;
      const start = () => {
        const version = versions[next++];
        if (!version) return;
        setImmediate(() => {
          readOne(version).then((answer) => {
            if (answer === null) throw new Error(`No answer for ${version.packageId} v${version.n}`);
            bytes += answer.length;
            if (++done === versions.length) resolve(bytes);
            else start();
          }, reject);
        });
      };
      for (let i = 0; i < inFlight; i++) start();
    });
  // Collections during a pass: how many scavenges and mark-compacts, and their pauses.
  const gc = { scavenges: 0, majors: 0, ms: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) gc.scavenges++;
      else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.majors++;
      gc.ms += entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  const cpuOf = async (work: () => Promise<unknown>) => {
    Object.assign(gc, { scavenges: 0, majors: 0, ms: 0 });
    const before = process.cpuUsage();
    await work();
    const used = process.cpuUsage(before);
    await new Promise((resolve) => setImmediate(resolve)); // the observer's last entries
    return `${((used.user + used.system) / 1000 / versions.length).toFixed(4)} ms/read (${gc.scavenges} scavenges, ${gc.majors} mark-compacts, ${gc.ms.toFixed(0)} ms of pauses)`;
  };
  await pass(); // the code warmed before anything is measured
  for (let round = 0; round < rounds; round++) {
    await store.deleteSession('f'.repeat(64)); // a write: every kept answer and row emptied
    const cold = await cpuOf(pass);
    const kept = await cpuOf(pass);
    console.log(`${new Date().toISOString().slice(11, 19)} ${versions.length} reads: after a write ${cold}, next pass ${kept} (load ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
  }
} finally {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
}
