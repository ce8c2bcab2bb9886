// One PostgreSQL instance against two on the same database (decision 0223): the server group's
// inventory, two server processes started on it, warmed, then a fixed number of version reads,
// in turn per block (one, two, two, one, …):
//   one  all to the first instance at 200 connections (the bench's one-instance run);
//   two  half to each instance side by side at 100 connections each (the bench's two-instance run);
//   half all to the first at 100 connections (an instance of two's concurrency, alone);
//   hog  as half, beside a busy process that shares nothing with the servers (another process's
//        CPU and cache use, without a second instance on the database);
//   turns two instances, each in turn given its half of the reads at 100 connections (an instance
//        of two's work, both alive on the database, without the other's CPU beside it);
//   one-pinned, two-pinned  as one and two with each instance's threads held to a core of its own
//        (the first to core 0, the second to core 1; PostgreSQL and the load generator unpinned).
// Per run: API CPU per read (user and system from /proc, main thread and V8's workers from the
// scheduler), the servers' collections (--trace-gc), the backends' CPU, database transactions per
// read, how often the snapshot text moved, and what held a transaction id while it did.
//   node scripts/bench/instances-probe.ts [reads=40000] [blocks=2] [one,two,half,hog]
// PROBE_PROFILE=<dir>: both servers write a CPU profile there on exit; PROBE_DUMP=<dir>: their output.
// PROBE_CALLGRIND=<dir>: both servers run under valgrind's callgrind, and each run also counts the
// instructions per read (work, whatever the sharing of the cores: decision 0230); its dumps go there.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { serverNodeFlags } from '#server/node-flags.ts';
import { startServerProcess } from '../lib/server-process.ts';
import { runLoad, type LoadResult } from './autocannon.ts';
import { planInventory } from './generate-inventory.ts';
import { readLoad, signIn, versionPaths } from './load-clients.ts';
import { probeDatabase } from './probe-database.ts';
import { backendPids, cpuBetween, databaseCommits, snapshot } from './process-cpu.ts';
import { watchSnapshot } from './snapshot-watch.ts';
import { callgrindWrapper, instructionsDuring } from './callgrind-window.ts';

const reads = Number(process.argv[2] ?? 40_000);
const blocks = Number(process.argv[3] ?? 2);
/** The configurations of each block, in order (e.g. `two` alone for profiles); one and two in turn otherwise. */
const only = process.argv[4];
const password = 'bench-password';
const plan = await planInventory({ packages: 1000, seed: 8 });
const paths = versionPaths(plan);
const database = await probeDatabase(plan, { onPostgres: true, prefix: 'instances-probe-', password });
const url = database.databaseUrl ?? '';
const profile = process.env.PROBE_PROFILE;
/** Another process as busy as an instance, sharing nothing with the servers: a heap of a few hundred MB walked and rebuilt. */
const hogCode = `const big = Array.from({ length: 3000 }, (_, i) => ({ i, text: 'x'.repeat(20000 + i) })); let n = 0; for (;;) { for (const item of big) n += JSON.stringify(item).length; big.push(big.shift()); }`;
const env = profile ? { env: { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profile}` } } : {};
const nodeFlags = [...serverNodeFlags, '--trace-gc'];
const callgrind = process.env.PROBE_CALLGRIND;
const underValgrind = callgrind ? { wrapper: callgrindWrapper(callgrind), startTimeoutMs: 600_000 } : {};
const servers = [await startServerProcess({ ...database.location, ...env, nodeFlags, ...underValgrind }), await startServerProcess({ ...database.location, ...env, nodeFlags, ...underValgrind })];
/** Collections so far by kind (--trace-gc lines; C's stdio may hold the last few in its buffer). */
function collections(server: { output: () => string }): Map<string, number> {
  const out = new Map<string, number>();
  for (const [, kind = '', pause] of server.output().matchAll(/ms: (Scavenge|Mark-Compact|Mark-Sweep|Minor Mark-Sweep)[^\n]*?MB, (?:pooled: [\d.]+ MB, )?([\d.]+) \/ /g)) {
    out.set(kind, (out.get(kind) ?? 0) + 1);
    out.set(`${kind} ms`, (out.get(`${kind} ms`) ?? 0) + Number(pause));
  }
  return out;
}
try {
  const cookie = (await signIn(servers[0]?.origin ?? '', 'model-risk@example.com', password)).cookie;
  const fixed = (origin: string, amount: number, connections: number) => {
    let next = 0;
    return runLoad({ url: origin, connections, amount, headers: { cookie }, requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] ?? '/' }) }] });
  };
  /** A request each server answers at once, to have a server under valgrind take a command. */
  const wake = () => Promise.all(servers.map((server) => fetch(`${server.origin}/api/health`).then((r) => r.arrayBuffer(), () => null)));
  /** Each instance's share of the reads given to it in turn, so only one of them is busy at a time. */
  const inTurns = async (used: readonly { origin: string }[], amount: number, connections: number) => {
    const results: LoadResult[] = [];
    for (const server of used) results.push(await fixed(server.origin, amount / used.length, connections));
    // Durations add up: the turns ran one after the other.
    return results.map((r) => ({ ...r, duration: sum(results.map((x) => x.duration)) }));
  };
  // Warm as the bench does: both together, then each alone long enough to keep every version.
  await Promise.all(servers.map((server) => readLoad({ origin: server.origin, cookie, paths, connections: 25, seconds: 3 })));
  for (const server of servers) await fixed(server.origin, paths.length * 2, 200);
  for (let block = 0; block < blocks; block++) {
    const order = only ? only.split(',') : block % 2 === 0 ? ['one', 'two'] : ['two', 'one'];
    for (const name of order) {
      const base = name.replace(/-pinned$/, '');
      const instances = base === 'two' || base === 'turns' ? 2 : 1;
      const used = servers.slice(0, instances);
      const connections = base === 'one' ? 200 : 100;
      const hog = base === 'hog' ? spawn(process.execPath, ['-e', hogCode], { stdio: 'ignore' }) : null;
      if (name !== base) for (const [core, server] of used.entries()) pin(server.pid, String(core));
      const commitsBefore = await settledCommits();
      const gcBefore = servers.map(collections);
      const watch = watchSnapshot(url);
      const splitBefore = servers.map((s) => userSystemMs(s.pid));
      const threadsBefore = servers.map((s) => threadMs(s.pid));
      const before = snapshot([...servers.map((s) => s.pid), ...(await backendPids(url))]);
      const load = () => (base === 'turns' ? inTurns(used, reads, connections) : Promise.all(used.map((server) => fixed(server.origin, reads / instances, connections))));
      const counted = callgrind ? await instructionsDuring(callgrind, servers.map((s) => s.pid), wake, load) : { result: await load(), instructions: [] };
      const results = counted.result;
      hog?.kill('SIGKILL');
      if (name !== base) for (const server of used) pin(server.pid, '0,1');
      const splitAfter = servers.map((s) => userSystemMs(s.pid));
      const threadsAfter = servers.map((s) => threadMs(s.pid));
      const after = snapshot([...servers.map((s) => s.pid), ...(await backendPids(url))]);
      const moves = await watch();
      const commits = (await settledCommits()) - commitsBefore;
      const gcAfter = servers.map(collections);
      const api = servers.map((s) => (after.get(s.pid) ?? NaN) - (before.get(s.pid) ?? NaN));
      const db = cpuBetween(before, after) - api.reduce((a, b) => a + b, 0);
      const done = results.reduce((n, r) => n + r.latency.totalCount, 0);
      const failed = results.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
      const seconds = Math.max(...results.map((r) => r.duration));
      console.log(
        `${name}: ${(done / seconds).toFixed(0)} req/s, API CPU per read ${(api.reduce((a, b) => a + b, 0) / done).toFixed(4)} ms (by process ${api.map((ms) => ms.toFixed(0)).join(' / ')} ms; user ${(sum(splitAfter.map((x, i) => x.user - (splitBefore[i]?.user ?? 0))) / done).toFixed(4)}, system ${(sum(splitAfter.map((x, i) => x.system - (splitBefore[i]?.system ?? 0))) / done).toFixed(4)}), backends ${(db / done).toFixed(4)} ms, ${(commits / done).toFixed(4)} transactions per read, snapshot moved ${moves}× (${(moves / seconds).toFixed(1)}/s)${failed ? `, ${failed} FAILED` : ''} (load ${loadavg()[0]?.toFixed(1)})`,
      );
      if (callgrind) console.log(`  instructions per read ${(sum(counted.instructions) / done).toFixed(0)} (by process ${counted.instructions.map((n) => (n / done).toFixed(0)).join(' / ')})`);
      const byThread = new Map<string, number>();
      for (const [i, t] of threadsAfter.entries()) for (const [name, ms] of t) byThread.set(name, (byThread.get(name) ?? 0) + ms - (threadsBefore[i]?.get(name) ?? 0));
      console.log('  threads: ' + [...byThread].filter(([, ms]) => ms > 0).map(([name, ms]) => `${name} ${(ms / done).toFixed(4)}`).join(', '));
      for (const [i, g] of gcAfter.entries()) console.log(`  gc ${i}: ` + [...g].map(([k, v]) => `${k} ${(v - (gcBefore[i]?.get(k) ?? 0)).toFixed(0)}`).join(', '));
    }
  }
} catch (error) {
  // Printed before the servers stop: their connections' ends may throw on their own.
  console.error(error);
  throw error;
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  if (process.env.PROBE_DUMP) for (const [i, server] of servers.entries()) writeFileSync(`${process.env.PROBE_DUMP}/server-${i}.log`, server.output());
  await database.close();
}

/** Holds every thread of a process to the given cores (taskset's list form). */
function pin(pid: number, cores: string): void {
  execFileSync('taskset', ['-a', '-p', '-c', cores, String(pid)], { stdio: 'ignore' });
}

/** Transactions committed so far, after the second the backends may take to report them. */
async function settledCommits(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  return databaseCommits(url);
}

/** User and system CPU milliseconds of one process so far (/proc/<pid>/stat, clock ticks of 10 ms). */
function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function userSystemMs(pid: number): { user: number; system: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
}

/** CPU milliseconds (scheduler's nanoseconds) of a process's threads, summed by thread name. */
function threadMs(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim().replace(/\d+$/, '');
      const ms = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
      out.set(tid === String(pid) ? 'main' : name, (out.get(tid === String(pid) ? 'main' : name) ?? 0) + ms);
    } catch {
      // a thread that ended meanwhile
    }
  }
  return out;
}
