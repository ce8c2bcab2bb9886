// The server at scale: 1,000 and 10,000 packages on SQLite and on one PostgreSQL instance,
// the real server process (node server/main.ts) loaded by autocannon in this process. Per
// configuration: the inbox page under load and its server CPU per call, the committee
// dashboard and a notification poll after a new entry (one request at a time, so the time is
// the server's), package reads with the CPU they cost in the API process and in PostgreSQL
// (the inputs of the scaling model, docs/decisions/0123), and the server's memory after it all.
// At the largest inventory on SQLite, package reads against a bare Hono route serving the
// same bytes from memory, side by side in the same run.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import pg from 'pg';
import { join } from 'node:path';
import { scryptPasswords } from '#server/auth/scrypt-passwords.ts';
import { createTestDatabase, startPostgresCluster, type PostgresCluster } from '#tests/support/postgres-cluster.ts';
import { runLoad, throughput, type LoadResult } from './autocannon.ts';
import { planInventory, type InventoryPlan } from './generate-inventory.ts';
import { readLoad, signIn, versionPaths, type Session } from './load-clients.ts';
import { prepareLoadDatabase } from './load-database.ts';
import { backendPids, cpuBetween, rssMb, snapshot } from './process-cpu.ts';
import { startServerProcess, type ServerProcess } from '../lib/server-process.ts';
import { addRow, fmt, median, type Report } from './table.ts';

export interface ServerScaleOptions {
  /** Seconds per autocannon run under load. */
  seconds: number;
  /** Inventory sizes, smallest first; the budgets compare the largest with the smallest. */
  sizes: number[];
}

const password = 'bench-password';
const inboxConnections = 50;
/**
 * Requests per CPU measurement: enough that 10 ms clock ticks stay under a few per cent. An
 * inbox page costs under a millisecond on SQLite now: 200 calls were 20 ticks, and the ratio
 * of two such readings moved by a tenth between runs of the same build.
 */
const cpuInboxCalls = 1000;
/**
 * The inbox budget compares the CPU per call at the largest and the smallest inventory. Taken
 * minutes apart (one reading each, with a 10,000-package inventory written between them), the
 * two readings differed by a third on a kept page that costs about the same at either size (decision
 * record 0218: slices of 1,000 calls of one server spread from 0.16 to 0.39 ms at load 12, at
 * both sizes alike). So the two servers stay up and take the calls in alternating slices, in the
 * same minutes, ABBA so that a drift of the machine's load falls on both alike; each figure is
 * its server's CPU over all its slices.
 */
const pairedInboxSlices = 8;
const pairedInboxSliceCalls = 2000;
const cpuReadCalls = 3000;
const sequentialCalls = 20;
/** The inbox filters a reviewer and an oversight member use, in turn. */
const inboxFilters = ['?stepRole=model_risk', '?status=in_review', '?riskTier=2&status=in_review', '?status=approved'];

interface ScaleFigures {
  engine: 'SQLite' | 'PostgreSQL';
  packages: number;
  inboxRps: number;
  inboxP99: number;
  inboxFailed: number;
  /** Server CPU per inbox call: API process, and PostgreSQL backends (0 on SQLite). */
  inboxApiCpu: number;
  inboxDbCpu: number;
  /** Over what the inbox CPU was taken: one run of its own, or the paired slices. */
  inboxCpuCalls: string;
  /** Package reads at 50 connections: per-read CPU in each process, and what the run reached. */
  readApiCpu: number;
  readDbCpu: number;
  readRps: number;
  dashboardMs: number[];
  pollMs: number[];
  /** Server CPU per dashboard call and per poll (API process, PostgreSQL backends), over the timed calls. */
  dashboardCpu: { api: number; db: number };
  pollCpu: { api: number; db: number };
  rssMb: number;
  /** At the largest SQLite inventory: reads and the bare route, req/s side by side. */
  bare?: { reads: number; bare: number };
  /** On PostgreSQL at the smallest inventory: reads with the API process and PostgreSQL each pinned to its own core. */
  pinned?: PinnedFigures;
}

interface PinnedFigures {
  rps: number;
  /** Share of its core each used over the run (1 = the whole core). */
  apiBusy: number;
  dbBusy: number;
  apiCpu: number;
  dbCpu: number;
}

/** Runs the scale benchmarks and adds their rows and budgets to `report`. */
export async function benchServerScale(report: Report, options: ServerScaleOptions): Promise<void> {
  const passwordHash = await scryptPasswords.hash(password);
  const figures: ScaleFigures[] = [];
  const smallest = Math.min(...options.sizes);
  const largest = Math.max(...options.sizes);
  /** Servers kept up for the paired inbox measurement, per engine, and what ends them. */
  const paired = new Map<ScaleFigures['engine'], Partial<Record<'small' | 'big', KeptInbox>>>();
  const cleanups: (() => Promise<void> | void)[] = [];
  let cluster: PostgresCluster | undefined;
  try {
    for (const size of options.sizes) {
      let start = performance.now();
      // Contents of 4 to 12 KB: the counts of versions, decisions, threads and findings are the
      // inventory's; the package read budget with large versions is server-load.ts's.
      const plan = await planInventory({ packages: size, seed: 24, versionBytes: [4_000, 12_000] });
      addRow(report, `scale: planning ${size} packages (${plan.packages.reduce((n, p) => n + p.versions.length, 0)} versions, ${plan.packages.reduce((n, p) => n + p.decisions.length, 0)} decisions, ${plan.packages.reduce((n, p) => n + p.threads.length, 0)} threads, ${plan.packages.reduce((n, p) => n + p.threads.filter((t) => t.thread.kind === 'finding').length, 0)} of them findings) (one run)`, 'ms', [performance.now() - start]);
      const side = smallest === largest ? undefined : size === smallest ? 'small' : size === largest ? 'big' : undefined;

      const sqliteDir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
      cleanups.push(() => rmSync(sqliteDir, { recursive: true, force: true }));
      start = performance.now();
      await prepareLoadDatabase({ dataDir: sqliteDir }, plan, password, passwordHash);
      addRow(report, `scale: writing ${size} packages into SQLite (one run)`, 'ms', [performance.now() - start]);
      figures.push(await measure('SQLite', { dataDir: sqliteDir }, plan, options, size === largest, undefined, keeper(paired, 'SQLite', side, cleanups)));
      if (side === 'big') await pairedInbox(paired.get('SQLite'), 'SQLite', figures);

      cluster ??= await startPostgresCluster();
      const database = await createTestDatabase(cluster.url);
      const dataDir = mkdtempSync(join(tmpdir(), 'bench-scale-pg-'));
      cleanups.push(async () => {
        await database.drop();
        rmSync(dataDir, { recursive: true, force: true });
      });
      start = performance.now();
      await prepareLoadDatabase({ dataDir, databaseUrl: database.url }, plan, password, passwordHash);
      addRow(report, `scale: writing ${size} packages into PostgreSQL (one run)`, 'ms', [performance.now() - start]);
      figures.push(await measure('PostgreSQL', { dataDir, databaseUrl: database.url }, plan, options, false, size === smallest ? cluster : undefined, keeper(paired, 'PostgreSQL', side, cleanups)));
      if (side === 'big') await pairedInbox(paired.get('PostgreSQL'), 'PostgreSQL', figures);
    }
  } finally {
    // Servers first (their stop is among the cleanups, pushed after their folders'), then their data.
    for (const cleanup of cleanups.reverse()) await cleanup();
    await cluster?.stop();
  }
  addScaleRows(report, figures);
  addScaleBudgets(report, figures, options.sizes);
  report.notes.push(
    `Scale rows: one server process (node server/main.ts) per configuration, after the demo data and a generated inventory (contents of 4 to 12 KB; 1 to 3 versions, decisions, threads and findings per package as in server-load). Inbox: GET /api/packages with one of ${inboxFilters.length} filters in turn, as the model-risk reviewer, ${inboxConnections} connections for ${options.seconds} s; CPU per call over ${cpuInboxCalls} calls at 4 connections; at the smallest and the largest inventory, both servers up, over ${pairedInboxSlices} slices of ${pairedInboxSliceCalls} calls each, taken in turn (ABBA), so that the budget's two figures come from the same minutes. Reads: ${cpuReadCalls} version reads at 50 connections. CPU is user + system time from /proc of the API process and of the PostgreSQL backends of its pool, over that fixed count, so other work on the machine does not move it (only the clock does). Dashboard and notification poll: ${sequentialCalls} requests one at a time after a warm-up, the time from request to last byte on localhost; a poll follows a reply in a thread on one of the polling owner's packages, so each one has a new entry to take in. Memory: the API process's resident set (VmRSS) after all of it.`,
  );
}

/** A server kept up after its own measurement, for the paired inbox slices. */
interface KeptInbox {
  packages: number;
  /** Signs in again (the server may have been idle for minutes) and loads the inbox for 2 s. */
  warm: () => Promise<void>;
  /** Server CPU of exactly `calls` inbox calls at 4 connections. */
  slice: (calls: number) => Promise<{ api: number; db: number }>;
  stop: () => Promise<void>;
}

type Keep = (kept: KeptInbox) => void;

/** Where a server of one side of the pair is kept, its stop joining the cleanups; undefined for a size not in the pair. */
function keeper(paired: Map<ScaleFigures['engine'], Partial<Record<'small' | 'big', KeptInbox>>>, engine: ScaleFigures['engine'], side: 'small' | 'big' | undefined, cleanups: (() => Promise<void> | void)[]): Keep | undefined {
  if (!side) return undefined;
  return (kept) => {
    paired.set(engine, { ...paired.get(engine), [side]: kept });
    cleanups.push(kept.stop);
  };
}

/** The pair's inbox CPU, in alternating slices (ABBA), written into both sizes' figures; then both servers stop. */
async function pairedInbox(pair: Partial<Record<'small' | 'big', KeptInbox>> | undefined, engine: ScaleFigures['engine'], figures: ScaleFigures[]): Promise<void> {
  const small = pair?.small;
  const big = pair?.big;
  if (!small || !big) return;
  console.error(`[bench] scale: ${engine}, inbox CPU, ${small.packages} and ${big.packages} packages in turn`);
  await small.warm();
  await big.warm();
  const totals = new Map<KeptInbox, { api: number; db: number }>([
    [small, { api: 0, db: 0 }],
    [big, { api: 0, db: 0 }],
  ]);
  for (let i = 0; i < pairedInboxSlices; i++) {
    for (const kept of i % 2 === 0 ? [small, big] : [big, small]) {
      const cpu = await kept.slice(pairedInboxSliceCalls);
      const total = totals.get(kept);
      if (total) {
        total.api += cpu.api;
        total.db += cpu.db;
      }
    }
  }
  const calls = pairedInboxSlices * pairedInboxSliceCalls;
  for (const [kept, total] of totals) {
    const figure = figures.find((f) => f.engine === engine && f.packages === kept.packages);
    if (!figure) continue;
    figure.inboxApiCpu = total.api / calls;
    figure.inboxDbCpu = total.db / calls;
    figure.inboxCpuCalls = `${calls} calls in ${pairedInboxSlices} slices, in turn with the ${kept === small ? big.packages : small.packages}-package server`;
  }
  await small.stop();
  await big.stop();
}

async function measure(engine: ScaleFigures['engine'], location: { dataDir: string; databaseUrl?: string }, plan: InventoryPlan, options: ServerScaleOptions, withBare: boolean, pinCluster?: PostgresCluster, keep?: Keep): Promise<ScaleFigures> {
  const packages = plan.packages.length;
  console.error(`[bench] scale: ${engine}, ${packages} packages`);
  const server = await startServerProcess(location);
  let keptUp = false;
  try {
    const { origin } = server;
    const reviewer = await signIn(origin, 'model-risk@example.com', password);
    const committee = await signIn(origin, 'committee@example.com', password);
    const dbPids = async () => (location.databaseUrl ? backendPids(location.databaseUrl) : []);
    const cpuOf = async (work: () => Promise<unknown>) => {
      const before = snapshot([server.pid, ...(await dbPids())]);
      await work();
      const after = snapshot([server.pid, ...(await dbPids())]);
      const api = (after.get(server.pid) ?? NaN) - (before.get(server.pid) ?? NaN);
      return { api, db: cpuBetween(before, after) - api };
    };

    const inboxPaths = inboxFilters.map((filter) => `/api/packages${filter}`);
    await readLoad({ origin, cookie: reviewer.cookie, paths: inboxPaths, connections: 4, seconds: 2 });
    const inboxCpu = await cpuOf(() => fixedLoad(origin, reviewer, inboxPaths, 4, cpuInboxCalls));
    const inbox = await readLoad({ origin, cookie: reviewer.cookie, paths: inboxPaths, connections: inboxConnections, seconds: options.seconds });

    const paths = versionPaths(plan);
    await readLoad({ origin, cookie: reviewer.cookie, paths, connections: 50, seconds: 2 });
    let readRun: LoadResult | undefined;
    const readCpu = await cpuOf(async () => (readRun = await fixedLoad(origin, reviewer, paths, 50, cpuReadCalls)));

    // CPU summed over each timed call alone (not the warm-up, not the reply a poll follows).
    const dashboardCpu = { api: 0, db: 0 };
    const pollCpu = { api: 0, db: 0 };
    const counted = (total: { api: number; db: number }) => async (call: () => Promise<number>) => {
      let ms = 0;
      const cpu = await cpuOf(async () => (ms = await call()));
      total.api += cpu.api / sequentialCalls;
      total.db += cpu.db / sequentialCalls;
      return ms;
    };
    const dashboard = () => timedGet(origin, committee, '/api/dashboard');
    const dashboardMs = await sequential(sequentialCalls, dashboard, () => counted(dashboardCpu)(dashboard));
    const pollMs = await notificationPolls(origin, plan, counted(pollCpu));

    let bare: ScaleFigures['bare'];
    if (withBare) bare = await againstBareRoute(origin, reviewer, paths, options.seconds);
    const pinned = pinCluster && location.databaseUrl ? await pinnedReads(server, location.databaseUrl, pinCluster, reviewer, paths, options.seconds) : undefined;
    if (keep) {
      let session = reviewer;
      const warm = async () => {
        session = await signIn(origin, 'model-risk@example.com', password);
        await readLoad({ origin, cookie: session.cookie, paths: inboxPaths, connections: 4, seconds: 2 });
      };
      keep({ packages, warm, slice: (calls) => cpuOf(() => fixedLoad(origin, session, inboxPaths, 4, calls)), stop: server.stop });
      keptUp = true;
    }
    return {
      engine,
      packages,
      inboxRps: throughput(inbox),
      // A run in which no call completed has no latency to speak of: it is a miss, not 0 ms.
      inboxP99: inbox.latency.totalCount > 0 ? inbox.latency.p99 : Number.POSITIVE_INFINITY,
      inboxFailed: inbox.non2xx + inbox.errors + inbox.timeouts,
      inboxApiCpu: inboxCpu.api / cpuInboxCalls,
      inboxDbCpu: inboxCpu.db / cpuInboxCalls,
      inboxCpuCalls: 'one run',
      readApiCpu: readCpu.api / cpuReadCalls,
      readDbCpu: readCpu.db / cpuReadCalls,
      readRps: readRun ? throughput(readRun) : NaN,
      dashboardMs,
      pollMs,
      dashboardCpu,
      pollCpu,
      rssMb: rssMb(server.pid),
      ...(bare ? { bare } : {}),
      ...(pinned ? { pinned } : {}),
    };
  } finally {
    if (!keptUp) await server.stop();
  }
}

/** Exactly `amount` GETs over `paths` in turn. */
export function fixedLoad(origin: string, session: Session, paths: readonly string[], connections: number, amount: number): Promise<LoadResult> {
  let next = 0;
  return runLoad({ url: origin, connections, amount, headers: { cookie: session.cookie }, requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] ?? '/' }) }] });
}

export async function timedGet(origin: string, session: Session, path: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${origin}${path}`, { headers: { cookie: session.cookie } });
  await response.arrayBuffer();
  const ms = performance.now() - start;
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return ms;
}

/** `count` timings of `recorded` after one unrecorded warm-up (`once`), one at a time. */
async function sequential(count: number, once: () => Promise<number>, recorded: () => Promise<number> = once): Promise<number[]> {
  await once();
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(await recorded());
  return out;
}

/**
 * An owner polls right after a reviewer replied in an open thread of one of the owner's
 * packages still in review: each poll has a new entry in the log to take in.
 */
async function notificationPolls(origin: string, plan: InventoryPlan, timed: (call: () => Promise<number>) => Promise<number>): Promise<number[]> {
  const target = plan.packages.find((pkg) => pkg.approvedSteps < pkg.steps.length && pkg.threads.some(({ thread }) => thread.status === 'open'));
  const thread = target?.threads.find((t) => t.thread.status === 'open')?.thread;
  const owner = plan.owners.find((o) => o.id === target?.ownerId);
  if (!target || !thread || !owner) throw new Error('The inventory has no open thread on a package in review');
  const reviewer = await signIn(origin, 'model-risk@example.com', password);
  const polling = await signIn(origin, owner.email, password);
  let reply = 0;
  const poll = async (time: (call: () => Promise<number>) => Promise<number>) => {
    const posted = await fetch(`${origin}/api/packages/${target.id}/threads/${thread.id}/messages`, { method: 'POST', headers: { cookie: reviewer.cookie, origin, 'content-type': 'application/json' }, body: JSON.stringify({ body: `Follow-up ${++reply}: please confirm the holdout period.` }) });
    if (!posted.ok) throw new Error(`A reply in ${thread.id} was refused: HTTP ${posted.status} ${await posted.text()}`);
    await posted.arrayBuffer();
    return time(() => timedGet(origin, polling, '/api/notifications'));
  };
  return sequential(sequentialCalls, () => poll((call) => call()), () => poll(timed));
}

/** Package reads and the bare route, one after the other, the same connections and seconds. */
export async function againstBareRoute(origin: string, reviewer: Session, paths: readonly string[], seconds: number): Promise<{ reads: number; bare: number }> {
  const sample = await fetch(`${origin}${paths[0] ?? ''}`, { headers: { cookie: reviewer.cookie } });
  const dir = mkdtempSync(join(tmpdir(), 'bench-bare-'));
  const file = join(dir, 'body.json');
  writeFileSync(file, await sample.text());
  const child = spawn(process.execPath, ['scripts/bench/bare-hono.ts', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const bareOrigin = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /running at (http:\/\/\S+?)\/ /.exec(out);
        if (found?.[1]) resolve(found[1]);
      });
      child.once('exit', (code) => reject(new Error(`The bare Hono route exited (${code}) before listening`)));
    });
    // The same 2 s warm-up for both sides: the reads come right after the notification polls,
    // whose writes empty what SQLite keeps under its change clock (decision record 0202).
    await readLoad({ origin: bareOrigin, cookie: reviewer.cookie, paths, connections: 50, seconds: 2 });
    const bare = await readLoad({ origin: bareOrigin, cookie: reviewer.cookie, paths, connections: 50, seconds });
    await readLoad({ origin, cookie: reviewer.cookie, paths, connections: 50, seconds: 2 });
    const reads = await readLoad({ origin, cookie: reviewer.cookie, paths, connections: 50, seconds });
    return { reads: throughput(reads), bare: throughput(bare) };
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The check of the scaling model: the API process on core 0, PostgreSQL (the postmaster, so
 * the backends it starts, and the backends already serving the pool) on core 1, then reads at
 * 50 connections. The load generator (this process) is left unpinned: with two cores it shares
 * them, which the figures show as neither process using its whole core. Null without taskset.
 */
async function pinnedReads(server: ServerProcess, databaseUrl: string, cluster: PostgresCluster, reviewer: Session, paths: readonly string[], seconds: number): Promise<PinnedFigures | undefined> {
  const postmaster = await postmasterPid(cluster);
  const pin = (cpu: number, pid: number) => execFileSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' });
  try {
    pin(0, server.pid);
    if (postmaster !== null) pin(1, postmaster);
    for (const pid of await backendPids(databaseUrl)) pin(1, pid);
  } catch (error) {
    console.error(`[bench] scale: pinning to cores not possible here (${error instanceof Error ? error.message : String(error)}); the model is not checked`);
    return undefined;
  }
  try {
    const pids = async () => [server.pid, ...(await backendPids(databaseUrl))];
    const before = snapshot(await pids());
    const start = performance.now();
    const run = await readLoad({ origin: server.origin, cookie: reviewer.cookie, paths, connections: 50, seconds });
    const wall = performance.now() - start;
    const after = snapshot(await pids());
    const api = (after.get(server.pid) ?? NaN) - (before.get(server.pid) ?? NaN);
    const db = cpuBetween(before, after) - api;
    const n = run.latency.totalCount;
    return { rps: throughput(run), apiBusy: api / wall, dbBusy: db / wall, apiCpu: api / n, dbCpu: db / n };
  } finally {
    const all = cpus().map((_, i) => i).join(',');
    for (const pid of [server.pid, ...(postmaster === null ? [] : [postmaster]), ...(await backendPids(databaseUrl))]) {
      try {
        execFileSync('taskset', ['-a', '-p', '-c', all, String(pid)], { stdio: 'ignore' });
      } catch {
        // Gone already.
      }
    }
  }
}

/** The cluster's postmaster: the process listening on its port, parent of every backend. */
async function postmasterPid(cluster: PostgresCluster): Promise<number | null> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    const backend = rows[0]?.pid;
    if (backend === undefined) return null;
    const stat = readFileSync(`/proc/${backend}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

function addScaleRows(report: Report, figures: ScaleFigures[]): void {
  for (const f of figures) {
    const name = `scale, ${f.engine}, ${f.packages} packages`;
    addRow(report, `${name}: inbox page, ${inboxConnections} connections${f.inboxFailed > 0 ? `, ${f.inboxFailed} failed` : ''}: requests per second (one run)`, 'req/s', [f.inboxRps]);
    addRow(report, `${name}: inbox page, ${inboxConnections} connections: p99 latency (one run)`, 'ms', [f.inboxP99]);
    addRow(report, `${name}: inbox page: server CPU per call, API process (${f.inboxCpuCalls})`, 'ms', [f.inboxApiCpu]);
    if (f.engine === 'PostgreSQL') addRow(report, `${name}: inbox page: server CPU per call, PostgreSQL backends (${f.inboxCpuCalls})`, 'ms', [f.inboxDbCpu]);
    addRow(report, `${name}: package read: CPU per read, API process (${cpuReadCalls} reads at 50 connections, ${f.readRps.toFixed(0)} req/s, one run)`, 'ms', [f.readApiCpu]);
    if (f.engine === 'PostgreSQL') addRow(report, `${name}: package read: CPU per read, PostgreSQL backends (same run)`, 'ms', [f.readDbCpu]);
    addRow(report, `${name}: committee dashboard, one request at a time`, 'ms', f.dashboardMs);
    addRow(report, `${name}: notification poll after a new entry, one request at a time`, 'ms', f.pollMs);
    addRow(report, `${name}: committee dashboard: server CPU per call, API process${f.engine === 'PostgreSQL' ? ` (PostgreSQL backends ${fmt(f.dashboardCpu.db)} ms)` : ''} (${sequentialCalls} calls)`, 'ms', [f.dashboardCpu.api]);
    addRow(report, `${name}: notification poll after a new entry: server CPU per call, API process${f.engine === 'PostgreSQL' ? ` (PostgreSQL backends ${fmt(f.pollCpu.db)} ms)` : ''} (${sequentialCalls} calls)`, 'ms', [f.pollCpu.api]);
    if (f.pinned) {
      const p = f.pinned;
      addRow(report, `${name}: package reads with the API process pinned to core 0 and PostgreSQL to core 1, 50 connections (one run; API core ${(p.apiBusy * 100).toFixed(0)}% busy at ${fmt(p.apiCpu)} ms per read, PostgreSQL core ${(p.dbBusy * 100).toFixed(0)}% at ${fmt(p.dbCpu)} ms; the model predicts ${Math.min(1000 / p.apiCpu, 1000 / p.dbCpu).toFixed(0)} req/s with both cores whole)`, 'req/s', [p.rps]);
    }
    if (f.bare) {
      addRow(report, `${name}: GET /api/packages/{id}/versions/{n}, 50 connections, beside the bare route (one run)`, 'req/s', [f.bare.reads]);
      addRow(report, `${name}: a bare Hono route answering the same bytes from memory, 50 connections (one run)`, 'req/s', [f.bare.bare]);
    }
  }
}

function addScaleBudgets(report: Report, figures: ScaleFigures[], sizes: number[]): void {
  const smallest = Math.min(...sizes);
  const largest = Math.max(...sizes);
  for (const engine of ['SQLite', 'PostgreSQL'] as const) {
    const small = figures.find((f) => f.engine === engine && f.packages === smallest);
    const big = figures.find((f) => f.engine === engine && f.packages === largest);
    if (!big) continue;
    const at = `${engine}, ${largest} packages`;
    report.budgets.push({ name: `scale, ${at}: inbox page p99 at ${inboxConnections} connections`, value: big.inboxP99, shown: Number.isFinite(big.inboxP99) ? `${fmt(big.inboxP99)} ms` : 'no call completed in the run', kind: 'under', limit: 50, limitShown: 'under 50 ms' });
    report.budgets.push({ name: `scale, ${at}: every inbox call answered 2xx`, value: big.inboxFailed === 0 ? 1 : 0, shown: big.inboxFailed === 0 ? 'yes' : `${big.inboxFailed} failed`, kind: 'holds', limit: 1, limitShown: 'yes' });
    if (small && small !== big) {
      const ratio = (big.inboxApiCpu + big.inboxDbCpu) / (small.inboxApiCpu + small.inboxDbCpu);
      report.budgets.push({ name: `scale, ${engine}: inbox server CPU per call, ${largest} / ${smallest} packages (API + database; ${fmt(big.inboxApiCpu + big.inboxDbCpu)} ms / ${fmt(small.inboxApiCpu + small.inboxDbCpu)} ms)`, value: ratio, shown: `${ratio.toFixed(2)}x`, kind: 'atMost', limit: 1.2, limitShown: 'at most 1.2x' });
    }
    const dashboard = median(big.dashboardMs);
    report.budgets.push({ name: `scale, ${at}: committee dashboard (median)`, value: dashboard, shown: `${fmt(dashboard)} ms`, kind: 'under', limit: 100, limitShown: 'under 100 ms' });
    const poll = median(big.pollMs);
    report.budgets.push({ name: `scale, ${at}: notification poll after a new entry (median)`, value: poll, shown: `${fmt(poll)} ms`, kind: 'under', limit: 5, limitShown: 'under 5 ms' });
    report.budgets.push({ name: `scale, ${at}: API process memory after the load (VmRSS)`, value: big.rssMb, shown: `${big.rssMb.toFixed(0)} MB`, kind: 'under', limit: 400, limitShown: 'under 400 MB' });
    if (big.bare) {
      const ratio = big.bare.reads / big.bare.bare;
      report.budgets.push({ name: `scale, ${at}: package reads / a bare Hono route with the same bytes, requests per second`, value: ratio, shown: `${ratio.toFixed(2)}x`, kind: 'atLeast', limit: 0.5, limitShown: 'at least 0.5x' });
    }
  }
  for (const f of figures.filter((x) => x.engine === 'PostgreSQL')) {
    const perRead = f.readApiCpu + f.readDbCpu;
    // The scaling model of decision 0123: with c cores per API instance and d cores for
    // PostgreSQL, reads per second ≈ min(c·n / api, d / db) for n instances.
    report.budgets.push({ name: `scale, PostgreSQL, ${f.packages} packages: CPU per package read, API ${fmt(f.readApiCpu)} ms + PostgreSQL ${fmt(f.readDbCpu)} ms; one API core predicts ${(1000 / f.readApiCpu).toFixed(0)} req/s, one PostgreSQL core ${(1000 / f.readDbCpu).toFixed(0)} req/s`, value: perRead, shown: `${fmt(perRead)} ms`, kind: 'reported', limit: 0, limitShown: '(reported; model in decision 0123)' });
  }
}
