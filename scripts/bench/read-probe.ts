// A quick probe of package reads, for iterating on their cost (docs/decisions/0190): one server
// process on a generated inventory, version reads at a fixed count through the server's read
// path and through the pipeline (the same path with a query, which only the pipeline answers),
// then a bare Hono route serving one answer's bytes; CPU per request of each process from /proc.
//   node scripts/bench/read-probe.ts [packages=1000] [reads=15000] [postgres]
// READ_PROBE_LARGE=1: the server group's contents (20 to 80 KB) and 200 connections on both
// engines, instead of the scale group's 4 to 12 KB.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../lib/server-process.ts';
import { runLoad, throughput } from './autocannon.ts';
import { planInventory } from './generate-inventory.ts';
import { signIn, versionPaths } from './load-clients.ts';
import { probeDatabase } from './probe-database.ts';
import { backendPids, cpuBetween, databaseCommits, rssMb, snapshot } from './process-cpu.ts';

const packages = Number(process.argv[2] ?? 1000);
const reads = Number(process.argv[3] ?? 15_000);
const onPostgres = process.argv[4] === 'postgres';
const large = process.env.READ_PROBE_LARGE === '1';
const connections = onPostgres || large ? 200 : 50;
const password = 'bench-password';

const plan = await planInventory({ packages, seed: 24, ...(large ? {} : { versionBytes: [4_000, 12_000] as const }) });
const database = await probeDatabase(plan, { onPostgres, prefix: 'read-probe-', password });
const { dataDir, databaseUrl, location } = database;
// READ_PROBE_PROFILE=<dir>: the server writes a CPU profile there on exit, of the read path's reads only.
const profile = process.env.READ_PROBE_PROFILE;
const server = await startServerProcess({ ...location, ...(profile ? { env: { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profile}` } } : {}) });
/** Statements run in the database so far (each outside a transaction commits one); its statistics lag, so read after a pause. */
const statements = async () => {
  if (!databaseUrl) return 0;
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  return databaseCommits(databaseUrl);
};
const line = (text: string) => console.log(`${text} (load ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
try {
  const reviewer = await signIn(server.origin, 'model-risk@example.com', password);
  const paths = versionPaths(plan);
  const fixed = (origin: string, list: readonly string[], amount: number) => {
    let next = 0;
    return runLoad({ url: origin, connections, amount, headers: { cookie: reviewer.cookie }, requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: list[next++ % list.length] ?? '/' }) }] });
  };
  const measure = async (label: string, origin: string, pid: number, list: readonly string[]) => {
    await fixed(origin, list, Math.min(reads, list.length * 2));
    const pids = async () => [pid, ...(databaseUrl ? await backendPids(databaseUrl) : [])];
    const statementsBefore = await statements();
    const before = snapshot(await pids());
    const run = await fixed(origin, list, reads);
    const after = snapshot(await pids());
    const statementsAfter = await statements();
    const api = (after.get(pid) ?? NaN) - (before.get(pid) ?? NaN);
    const failed = run.non2xx + run.errors + run.timeouts;
    line(`${label}: ${throughput(run).toFixed(0)} req/s, p99 ${run.latency.p99} ms, CPU per request ${(api / reads).toFixed(4)} ms${databaseUrl ? ` + PostgreSQL ${((cpuBetween(before, after) - api) / reads).toFixed(4)} ms, ${((statementsAfter - statementsBefore) / reads).toFixed(3)} statements per read` : ''}${failed ? `, ${failed} FAILED` : ''}, RSS ${rssMb(pid).toFixed(0)} MB`);
  };
  for (let round = 0; round < 2; round++) {
    await measure('read path', server.origin, server.pid, paths);
    if (profile) continue;
    await measure('pipeline ', server.origin, server.pid, paths.map((path) => `${path}?via=pipeline`));
  }
  const sample = profile ? null : await fetch(`${server.origin}${paths[0] ?? ''}`, { headers: { cookie: reviewer.cookie } });
  if (sample) await bareRoute(await sample.text(), measure, paths);
} finally {
  await server.stop();
  await database.close();
}

async function bareRoute(body: string, measure: (label: string, origin: string, pid: number, list: readonly string[]) => Promise<void>, paths: readonly string[]) {
  const file = join(dataDir, 'body.json');
  writeFileSync(file, body);
  const bare = spawn(process.execPath, ['scripts/bench/bare-hono.ts', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const origin = await new Promise<string>((resolve) => bare.stdout.on('data', (chunk: Buffer) => resolve(/running at (http:\/\/\S+?)\/ /.exec(chunk.toString())?.[1] ?? '')));
    await measure('bare Hono', origin, bare.pid ?? 0, paths);
  } finally {
    bare.kill('SIGTERM');
  }
}
