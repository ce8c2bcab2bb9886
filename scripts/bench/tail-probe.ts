// Where the tail of package reads at 200 connections comes from (decision 0210): the server
// group's inventory (1,000 packages, 20 to 80 KB), one or more server variants started side by
// side on one database and measured in turn (A, B, A, B…), each run's latencies kept per
// response, the servers' collections from --trace-gc and the CPU of every process from /proc.
//   node scripts/bench/tail-probe.ts [sqlite|postgres] [seconds=5] [rounds=2]
// TAIL_VARIANTS='[{"name":"now"},{"name":"semi 64","flags":["--max-semi-space-size=64"]},{"name":"child","client":"child"}]'
// flags replace the server's (server/node-flags.ts); client "child" runs the load generator in
// its own process, without the inventory in its heap.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { serverNodeFlags } from '#server/node-flags.ts';
import { startServerProcess, type ServerProcess } from '../lib/server-process.ts';
import { planInventory } from './generate-inventory.ts';
import { readLoad, signIn, versionPaths } from './load-clients.ts';
import { probeDatabase } from './probe-database.ts';
import { backendPids, cpuBetween, databaseCommits, rssMb, snapshot } from './process-cpu.ts';
import { watchSnapshot } from './snapshot-watch.ts';
import { tailRun, type TailRun } from './tail-client.ts';

interface Variant {
  name: string;
  flags?: string[];
  client?: 'inproc' | 'child';
  env?: Record<string, string>;
  /** Another build's folder to start the server from (old against new code). */
  cwd?: string;
}

const onPostgres = process.argv[2] === 'postgres';
const seconds = Number(process.argv[3] ?? 5);
const rounds = Number(process.argv[4] ?? 2);
const variants = JSON.parse(process.env.TAIL_VARIANTS ?? '[{"name":"now"}]') as Variant[];
const password = 'bench-password';

const plan = await planInventory({ packages: 1000, seed: 8 });
const paths = versionPaths(plan);
const database = await probeDatabase(plan, { onPostgres, prefix: 'tail-probe-', password });
const { dataDir, databaseUrl, location } = database;
const servers: { variant: Variant; server: ServerProcess; dir: string }[] = [];
const runs: { variant: Variant; server: ServerProcess; run: TailRun; cpu: { api: number; db: number }; window: [number, number]; rss: number; load: number }[] = [];
const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
/** Milliseconds since the process started, on the clock --trace-gc stamps its lines with (near enough for runs of seconds). */
function sinceStart(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const started = (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]) * 1000) / ticks;
  return Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * 1000 - started;
}
try {
  // On SQLite each server its own copy: one process's session use record is another's foreign commit, which empties what it keeps.
  for (const [index, variant] of variants.entries()) {
    const own = databaseUrl ? location : { dataDir: `${dataDir}-variant-${index}` };
    if (!databaseUrl) cpSync(dataDir, own.dataDir, { recursive: true });
    servers.push({ variant, dir: own.dataDir, server: await startServerProcess({ ...own, ...(variant.env ? { env: variant.env } : {}), ...(variant.cwd ? { cwd: variant.cwd } : {}), nodeFlags: [...(variant.flags ?? serverNodeFlags), '--trace-gc'] }) });
  }
  const cookies = new Map<ServerProcess, string>();
  for (const { server } of servers) cookies.set(server, (await signIn(server.origin, 'model-risk@example.com', password)).cookie);
  for (const { server } of servers) await readLoad({ origin: server.origin, cookie: cookies.get(server) ?? '', paths, connections: 50, seconds: 3 });
  for (let round = 0; round < rounds; round++) {
    for (const { variant, server, dir } of servers) {
      const pids = [server.pid, ...(databaseUrl ? await backendPids(databaseUrl) : [])];
      const before = snapshot(pids);
      const from = sinceStart(server.pid);
      const load = { origin: server.origin, cookie: cookies.get(server) ?? '', paths, connections: 200, seconds };
      const commitsBefore = databaseUrl ? await databaseCommits(databaseUrl) : null;
      const watch = databaseUrl ? watchSnapshot(databaseUrl) : null;
      const walBefore = databaseUrl ? null : walStamp(dir);
      const run = variant.client === 'child' ? await childRun(load) : await tailRun(load);
      if (watch) console.log(`${variant.name}: the snapshot text moved ${await watch()} times during the run`);
      if (databaseUrl && commitsBefore !== null) {
        // Backends report their counts at most once a second: waited for, then read.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        const statements = (await databaseCommits(databaseUrl)) - commitsBefore;
        console.log(`${variant.name}: ${statements} transactions in the database during the run (the watcher's included), ${(statements / run.samples.length).toFixed(3)} per read`);
      }
      if (walBefore !== null) console.log(`${variant.name}: SQLite's write-ahead log ${walStamp(dir) === walBefore ? 'unchanged' : 'WRITTEN'} during the run`);
      const after = snapshot(pids);
      const api = (after.get(server.pid) ?? NaN) - (before.get(server.pid) ?? NaN);
      runs.push({ variant, server, run, cpu: { api, db: cpuBetween(before, after) - api }, window: [from, sinceStart(server.pid)], rss: rssMb(server.pid), load: loadavg()[0] ?? NaN });
    }
  }
} finally {
  // --trace-gc writes through C's stdio, which holds a pipe's lines until its buffer fills or the process exits.
  await Promise.all(servers.map(({ server }) => server.stop()));
  if (process.env.TAIL_DUMP) for (const { variant, server } of servers) writeFileSync(join(process.env.TAIL_DUMP, `${variant.name}.log`), server.output());
  for (const r of runs) report(r.variant, r.run, r.cpu, gcLines(r.server.output()).filter((gc) => gc.atMs >= r.window[0] && gc.atMs <= r.window[1]), r.rss, r.load);
  for (const { dir } of servers) if (dir !== dataDir) rmSync(dir, { recursive: true, force: true });
  await database.close();
}

/** The write-ahead log's size and modification time: any commit during a run changes them. */
function walStamp(dir: string): string {
  try {
    const stat = statSync(join(dir, 'model-approval.sqlite-wal'));
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'none';
  }
}

async function childRun(load: Parameters<typeof tailRun>[0]): Promise<TailRun> {
  const file = join(dataDir, 'client.json');
  writeFileSync(file, JSON.stringify(load));
  const { stdout } = await promisify(execFile)(process.execPath, ['scripts/bench/tail-client.ts', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(stdout) as TailRun;
}

interface Gc {
  atMs: number;
  kind: string;
  pauseMs: number;
}

/** --trace-gc lines: "… ms: Scavenge 30.1 (40.2) -> 20.3 (40.2) MB, pooled: 0 MB, 1.23 / 0.00 ms …". */
function gcLines(output: string): Gc[] {
  const found: Gc[] = [];
  for (const match of output.matchAll(/(\d+) ms: (Scavenge|Mark-Compact|Mark-Sweep|Minor Mark-Sweep|Mark-Compact \(reduce\))[^\n]*?MB, (?:pooled: [\d.]+ MB, )?([\d.]+) \/ ([\d.]+) ms/g)) found.push({ atMs: Number(match[1]), kind: match[2] ?? '?', pauseMs: Number(match[3]) });
  return found;
}

function pct(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

function report(variant: Variant, run: TailRun, cpu: { api: number; db: number }, gcs: Gc[], rss: number, load: number): void {
  const latencies = run.samples.map(([, latency]) => latency).sort((a, b) => a - b);
  const n = latencies.length;
  const p99 = pct(latencies, 99);
  // Are the slow reads bunched (a pause holds every connection) or spread (each turn unfair)?
  const windowMs = 50;
  const windows = new Map<number, number>();
  for (const [at, latency] of run.samples) if (latency >= p99) windows.set(Math.floor(at / windowMs), (windows.get(Math.floor(at / windowMs)) ?? 0) + 1);
  const slow = [...windows.values()].sort((a, b) => b - a);
  const inWorstTenth = slow.slice(0, Math.ceil((run.seconds * 1000) / windowMs / 10)).reduce((a, b) => a + b, 0);
  const byKind = new Map<string, { count: number; ms: number; max: number }>();
  for (const gc of gcs) {
    const seen = byKind.get(gc.kind) ?? { count: 0, ms: 0, max: 0 };
    byKind.set(gc.kind, { count: seen.count + 1, ms: seen.ms + gc.pauseMs, max: Math.max(seen.max, gc.pauseMs) });
  }
  const gcText = [...byKind].map(([kind, s]) => `${kind} ${s.count}× ${s.ms.toFixed(0)} ms (max ${s.max.toFixed(1)})`).join(', ');
  const f = (x: number) => x.toFixed(1);
  console.log(
    `${variant.name.padEnd(14)} ${(n / run.seconds).toFixed(0)} req/s p50 ${f(pct(latencies, 50))} p90 ${f(pct(latencies, 90))} p99 ${f(p99)} p99.9 ${f(pct(latencies, 99.9))} max ${f(latencies[n - 1] ?? NaN)} ms | slow reads in ${windows.size} of ${Math.round((run.seconds * 1000) / windowMs)} 50-ms windows, ${((100 * inWorstTenth) / Math.max(1, n - Math.floor(n * 0.99))).toFixed(0)}% in the worst tenth | CPU/read API ${(cpu.api / n).toFixed(3)} DB ${(cpu.db / n).toFixed(3)} client ${(run.cpuMs / n).toFixed(3)} ms | GC ${gcText || 'none'} | RSS ${rss.toFixed(0)} MB${run.failed ? ` | ${run.failed} FAILED` : ''} | client GC ${run.gc.count}× ${run.gc.ms.toFixed(0)} ms (max ${run.gc.max.toFixed(1)}; major ${run.gc.major}× ${run.gc.majorMs.toFixed(0)} ms), heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB | load ${load.toFixed(1)}`,
  );
}
