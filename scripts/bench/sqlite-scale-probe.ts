// A probe of the scale group's SQLite figures at 10,000 packages, for A/B runs of two builds on
// one inventory (docs/decisions/0209): the inventory is written once into a template data
// folder, then each run copies the folder, starts one build's server process from that build's
// folder (node server/main.ts, the shipped flags) and takes the scale bench's inbox and read
// sequence, with the API process's CPU from /proc:
//   node scripts/bench/sqlite-scale-probe.ts prepare <template-dir> [packages=10000]
//   node scripts/bench/sqlite-scale-probe.ts run <template-dir> <build-dir> [seconds=3] [repeats=1]
// PROBE_ONLY=inbox|reads|poll: that part alone; PROBE_ONLY=bench: the scale bench's sequence
// (inbox, 3,000 reads after 2 s of them, 21 dashboards) before the notification polls
// (poll-probe.ts, PROBE_POLLS of them, default 60), with per-thread CPU; PROBE_ONLY=cold: CPU per read
// over one whole pass right after a write (every version's first read: what the bench's window
// starts with after its polls) and over the next pass (kept), `repeats` times (0229). PROBE_SERVER_NODE_OPTIONS: NODE_OPTIONS for the
// server process only (e.g. `--cpu-prof --cpu-prof-dir=…`); PROBE_SERVER_FLAGS: Node flags on its
// command line (e.g. `--trace-gc`, printed with PROBE_SERVER_OUT=1). Every line carries the load average.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { scryptPasswords } from '#server/auth/scrypt-passwords.ts';
import { sqliteFile } from '#server/db/open-store.ts';
import { startServerProcess } from '../lib/server-process.ts';
import { serverNodeFlags } from '#server/node-flags.ts';
import { throughput, type LoadResult } from './autocannon.ts';
import { planInventory } from './generate-inventory.ts';
import { readLoad, signIn, type Session } from './load-clients.ts';
import { prepareLoadDatabase } from './load-database.ts';
import { cpuMs, rssMb, schedCpuMs } from './process-cpu.ts';
import { perCall, pollSequence, pollTargetQuery, type CpuOf as CpuOfPoll } from './poll-probe.ts';
import { againstBareRoute, fixedLoad, timedGet } from './server-scale.ts';

const password = 'bench-password';
const inboxPaths = ['?stepRole=model_risk', '?status=in_review', '?riskTier=2&status=in_review', '?status=approved'].map((filter) => `/api/packages${filter}`);
const [command, template, ...rest] = process.argv.slice(2);
if (!template) throw new Error('usage: sqlite-scale-probe.ts prepare|run <template-dir> …');
const line = (text: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${text} (load ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);

if (command === 'prepare') {
  const packages = Number(rest[0] ?? 10_000);
  const plan = await planInventory({ packages, seed: 24, versionBytes: [4_000, 12_000] });
  await prepareLoadDatabase({ dataDir: template }, plan, password, await scryptPasswords.hash(password));
  line(`prepared ${packages} packages in ${template}`);
} else if (command === 'run') {
  const [buildDir, seconds, repeats] = rest;
  if (!buildDir) throw new Error('run needs a build folder');
  await run(template, buildDir, Number(seconds ?? 3), Number(repeats ?? 1));
} else {
  throw new Error(`Unknown command ${String(command)}`);
}

async function run(from: string, buildDir: string, seconds: number, repeats: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sqlite-probe-'));
  cpSync(from, dataDir, { recursive: true });
  const nodeOptions = process.env.PROBE_SERVER_NODE_OPTIONS;
  const nodeFlags = process.env.PROBE_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [];
  const server = await startServerProcess({ dataDir, cwd: buildDir, nodeFlags: [...serverNodeFlags, ...nodeFlags], env: nodeOptions ? { NODE_OPTIONS: nodeOptions } : {} });
  const cpuOf = async (work: () => Promise<unknown>) => {
    const before = cpuMs(server.pid);
    await work();
    return cpuMs(server.pid) - before;
  };
  try {
    const { origin } = server;
    const reviewer = await signIn(origin, 'model-risk@example.com', password);
    const only = process.env.PROBE_ONLY;
    for (let i = 0; i < repeats; i++) {
      if (only === undefined || only === 'inbox' || only === 'bench') await inboxPart(origin, reviewer, cpuOf, seconds, buildDir);
      if (only === undefined || only === 'reads') await readsPart(origin, reviewer, cpuOf, seconds, dataDir, buildDir);
      if (only === 'bare') await afterWriteBesideBare(origin, reviewer, dataDir, seconds);
      if (only === 'cold') await coldAndKeptPasses(origin, reviewer, dataDir, server.pid, i === 0);
      if (only === 'bench') await benchReadsAndDashboards(origin, reviewer, dataDir, server.pid);
      if (only === 'poll' || only === 'bench') await pollPart(origin, reviewer, dataDir, server.pid);
    }
    line(`${buildDir}: RSS after the sequence ${rssMb(server.pid).toFixed(0)} MB`);
    if (process.env.PROBE_SERVER_OUT === '1') console.log(server.output());
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type CpuOf = (work: () => Promise<unknown>) => Promise<number>;

async function inboxPart(origin: string, reviewer: Session, cpuOf: CpuOf, seconds: number, build: string): Promise<void> {
  await readLoad({ origin, cookie: reviewer.cookie, paths: inboxPaths, connections: 4, seconds: 2 });
  const calls = 1_000;
  const cpu = await cpuOf(() => fixedLoad(origin, reviewer, inboxPaths, 4, calls));
  let inbox: LoadResult | undefined;
  const loadCpu = await cpuOf(async () => (inbox = await readLoad({ origin, cookie: reviewer.cookie, paths: inboxPaths, connections: 50, seconds })));
  if (!inbox) return;
  line(`${build} inbox: CPU ${(cpu / calls).toFixed(3)} ms/call at 4 conn; 50 conn ${seconds} s: ${throughput(inbox).toFixed(0)} req/s, p50 ${inbox.latency.p50} p99 ${inbox.latency.p99} max ${inbox.latency.max} ms, CPU ${(loadCpu / inbox.latency.totalCount).toFixed(3)} ms/call, ${inbox.non2xx + inbox.errors} failed`);
}

/** The API process's CPU around one piece of work, from the scheduler's nanosecond counts. */
function threadCpu(pid: number): CpuOfPoll {
  return async (work) => {
    const before = schedCpuMs(pid);
    await work();
    const after = schedCpuMs(pid);
    return { api: after.all - before.all, main: after.main - before.main, db: 0 };
  };
}

/** The bench's reads (2 s, then 3,000 at 50 connections) and 21 committee dashboards, before its polls. */
async function benchReadsAndDashboards(origin: string, reviewer: Session, dataDir: string, pid: number): Promise<void> {
  const paths = versionPathsOf(dataDir);
  await readLoad({ origin, cookie: reviewer.cookie, paths, connections: 50, seconds: 2 });
  const reads = 3_000;
  line(`reads CPU per read over ${reads} at 50 connections: ${perCall(await threadCpu(pid)(() => fixedLoad(origin, reviewer, paths, 50, reads)), reads)}; RSS ${rssMb(pid).toFixed(0)} MB`);
  const committee = await signIn(origin, 'committee@example.com', password);
  const dashboards = 21;
  line(`dashboard x${dashboards}: ${perCall(await threadCpu(pid)(async () => { for (let i = 0; i < dashboards; i++) await timedGet(origin, committee, '/api/dashboard'); }), dashboards)}; RSS ${rssMb(pid).toFixed(0)} MB`);
}

/**
 * One whole pass over every version right after a write (a sign-in: every kept answer emptied),
 * then one more (what the first kept), CPU per read of each; the first call also passes once to
 * warm the code before anything is measured.
 */
async function coldAndKeptPasses(origin: string, reviewer: Session, dataDir: string, pid: number, first: boolean): Promise<void> {
  const paths = versionPathsOf(dataDir);
  // A second of quiet around each pass sets it apart in a --cpu-prof timeline.
  const quiet = () => new Promise((resolve) => setTimeout(resolve, 1_000));
  if (first) await fixedLoad(origin, reviewer, paths, 50, paths.length);
  await signIn(origin, 'committee@example.com', password);
  await quiet();
  let system = systemMs(pid);
  const cold = await threadCpu(pid)(() => fixedLoad(origin, reviewer, paths, 50, paths.length));
  const coldSystem = systemMs(pid) - system;
  await quiet();
  system = systemMs(pid);
  const kept = await threadCpu(pid)(() => fixedLoad(origin, reviewer, paths, 50, paths.length));
  const keptSystem = systemMs(pid) - system;
  await quiet();
  const ofWhich = (ms: number) => `, of which system ${(ms / paths.length).toFixed(3)} ms`;
  line(`pass after a write (${paths.length} reads): ${perCall(cold, paths.length)}${ofWhich(coldSystem)}; next pass: ${perCall(kept, paths.length)}${ofWhich(keptSystem)}; RSS ${rssMb(pid).toFixed(0)} MB`);
}

/** The bench's reads beside the bare route, right after a write as after its polls, following a whole pass. */
async function afterWriteBesideBare(origin: string, reviewer: Session, dataDir: string, seconds: number): Promise<void> {
  const paths = versionPathsOf(dataDir);
  await fixedLoad(origin, reviewer, paths, 50, paths.length);
  await signIn(origin, 'committee@example.com', password);
  const { reads, bare } = await againstBareRoute(origin, reviewer, paths, seconds);
  line(`after a write, ${seconds} s each: reads ${reads.toFixed(0)} / bare ${bare.toFixed(0)} req/s = ${(reads / bare).toFixed(2)}x`);
}

/** System CPU milliseconds of one process so far (/proc/<pid>/stat, 10 ms ticks). */
function systemMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[12]) * 10;
}

async function pollPart(origin: string, reviewer: Session, dataDir: string, pid: number): Promise<void> {
  const database = new DatabaseSync(sqliteFile(dataDir), { readOnly: true });
  const row = database.prepare(pollTargetQuery).get();
  database.close();
  if (!row) throw new Error('No package in review with an open thread');
  const target = { packageId: String(row.package_id), threadId: String(row.thread_id), email: String(row.email) };
  await pollSequence({ origin, reviewer, target, password, polls: Number(process.env.PROBE_POLLS ?? 60), cpuOf: threadCpu(pid), line });
}

function versionPathsOf(dataDir: string): string[] {
  const database = new DatabaseSync(sqliteFile(dataDir), { readOnly: true });
  const paths = database.prepare("select '/api/packages/' || package_id || '/versions/' || number as path from package_versions where package_id like 'pkg_bench%' order by package_id, number").all().map((row) => String(row.path));
  database.close();
  return paths;
}

async function readsPart(origin: string, reviewer: Session, cpuOf: CpuOf, seconds: number, dataDir: string, build: string): Promise<void> {
  const paths = versionPathsOf(dataDir);
  // PROBE_READS_PASS=1: a whole pass over every version to warm, then one whole pass measured, so
  // both builds measure the same mix of kept and read answers (not the first pass's share).
  const passes = process.env.PROBE_READS_PASS === '1';
  await (passes ? fixedLoad(origin, reviewer, paths, 50, paths.length) : readLoad({ origin, cookie: reviewer.cookie, paths, connections: 50, seconds: 2 }));
  let reads: LoadResult | undefined;
  const cpu = await cpuOf(async () => (reads = await (passes ? fixedLoad(origin, reviewer, paths, 50, paths.length) : readLoad({ origin, cookie: reviewer.cookie, paths, connections: 50, seconds }))));
  if (!reads) return;
  line(`${build} reads (${paths.length} paths): ${throughput(reads).toFixed(0)} req/s, p99 ${reads.latency.p99} ms, CPU ${(cpu / reads.latency.totalCount).toFixed(4)} ms/read, ${reads.non2xx + reads.errors} failed`);
}
