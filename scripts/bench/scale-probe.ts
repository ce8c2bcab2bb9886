// A probe of the scale group's PostgreSQL figures, for A/B runs of two builds on one database
// (docs/decisions/0203): the 10,000-package inventory is written once into a template database
// of a PostgreSQL server that outlives this process, then each run copies it, starts one
// build's server process (node server/main.ts from that build's folder, the shipped flags) and
// takes the scale bench's sequence with CPU per call from /proc (API process and backends):
//   node scripts/bench/scale-probe.ts prepare <admin-url> <template> <data-dir> [packages=10000]
//   node scripts/bench/scale-probe.ts run <admin-url> <template> <data-dir> <build-dir> [polls=100] [inbox-seconds=10]
// PROBE_SERVER_NODE_OPTIONS: NODE_OPTIONS for the server process only (e.g. `--cpu-prof --cpu-prof-dir=…`).
// PROBE_SERVER_OUT=1: the server's standard output shown (with `--trace-gc`, its heap after each collection).
// PROBE_READS_WARM=<n>: n warm-up reads before the 3,000 measured (default: 2 s of them, as the bench).
// PROBE_ONLY=inbox|poll: that part alone (after the same start), not the whole sequence.
// `run` prints one line per figure with the load average beside it. What it reads of the
// inventory (the version paths, the polled owner's thread) comes from the database, so a run
// does not plan the inventory again.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { scryptPasswords } from '#server/auth/scrypt-passwords.ts';
import { serverNodeFlags } from '#server/node-flags.ts';
import { throughput, type LoadResult } from './autocannon.ts';
import { planInventory } from './generate-inventory.ts';
import { readLoad, signIn, type Session } from './load-clients.ts';
import { prepareLoadDatabase } from './load-database.ts';
import { backendPids, rssMb, schedCpuMs } from './process-cpu.ts';
import { perCall, pollSequence, pollTargetQuery, type Cpu, type CpuOf } from './poll-probe.ts';
import { fixedLoad, timedGet } from './server-scale.ts';

const password = 'bench-password';
const inboxFilters = ['?stepRole=model_risk', '?status=in_review', '?riskTier=2&status=in_review', '?status=approved'];
const [command, adminUrl, template, dataDir, ...rest] = process.argv.slice(2);
if (!adminUrl || !template || !dataDir) throw new Error('usage: scale-probe.ts prepare|run <admin-url> <template> <data-dir> …');
const folder: string = dataDir;

const urlOf = (name: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};
const admin = async <T>(work: (client: pg.Client) => Promise<T>, url = adminUrl): Promise<T> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};
const load = () => `load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`;
const line = (text: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${text} (${load()})`);

if (command === 'prepare') {
  const packages = Number(rest[0] ?? 10_000);
  const plan = await planInventory({ packages, seed: 24, versionBytes: [4_000, 12_000] });
  await admin((c) => c.query(`create database ${template}`));
  await prepareLoadDatabase({ dataDir, databaseUrl: urlOf(template) }, plan, password, await scryptPasswords.hash(password));
  line(`prepared ${packages} packages in ${template}`);
} else if (command === 'run') {
  const [buildDir, pollArg, inboxArg] = rest;
  if (!buildDir) throw new Error('run needs a build folder');
  await run(buildDir, Number(pollArg ?? 100), Number(inboxArg ?? 10));
} else {
  throw new Error(`Unknown command ${String(command)}`);
}

async function run(buildDir: string, polls: number, inboxSeconds: number): Promise<void> {
  const copy = `probe_${process.pid}`;
  await admin((c) => c.query(`create database ${copy} template ${template}`));
  const databaseUrl = urlOf(copy);
  const server = await startServer(buildDir, databaseUrl);
  try {
    const { origin } = server;
    const reviewer = await signIn(origin, 'model-risk@example.com', password);
    const committee = await signIn(origin, 'committee@example.com', password);
    // CPU from the scheduler's nanosecond counts (schedstat): the API process (all threads and its
    // main thread alone) and the pool's backends. A pool connection closed while idle has no CPU
    // to read: only processes read both times count.
    const cpuOf = async (work: () => Promise<unknown>) => {
      const before = new Map([server.pid, ...(await backendPids(databaseUrl))].map((pid) => [pid, schedCpuMs(pid)]));
      await work();
      const after = new Map([server.pid, ...(await backendPids(databaseUrl))].map((pid) => [pid, schedCpuMs(pid)]));
      const delta = (pid: number, part: 'main' | 'all') => (after.get(pid)?.[part] ?? NaN) - (before.get(pid)?.[part] ?? NaN);
      const db = [...after.keys()].filter((pid) => pid !== server.pid && before.has(pid) && Number.isFinite(after.get(pid)?.all)).reduce((sum, pid) => sum + delta(pid, 'all'), 0);
      return { api: delta(server.pid, 'all'), main: delta(server.pid, 'main'), db };
    };
    const per = perCall;
    line(`${buildDir}: RSS after start ${rssMb(server.pid).toFixed(0)} MB`);

    const only = process.env.PROBE_ONLY;
    if (only !== 'poll') await inboxPart(origin, reviewer, cpuOf, per, inboxSeconds, server.pid);
    if (only === undefined) await readsAndDashboards(origin, reviewer, committee, databaseUrl, cpuOf, per, server.pid);
    if (only !== 'inbox') await pollPart(origin, reviewer, databaseUrl, cpuOf, polls);
    line(`RSS after the sequence ${rssMb(server.pid).toFixed(0)} MB`);
  } finally {
    await server.stop();
    await admin((c) => c.query(`drop database if exists ${copy} with (force)`));
  }
}

type Per = (cpu: Cpu, n: number) => string;

async function inboxPart(origin: string, reviewer: Session, cpuOf: CpuOf, per: Per, inboxSeconds: number, pid: number): Promise<void> {
  const inboxPaths = inboxFilters.map((filter) => `/api/packages${filter}`);
  await readLoad({ origin, cookie: reviewer.cookie, paths: inboxPaths, connections: 4, seconds: 2 });
  const inboxCalls = 2_000;
  line(`inbox CPU per call over ${inboxCalls} calls at 4 connections: ${per(await cpuOf(() => fixedLoad(origin, reviewer, inboxPaths, 4, inboxCalls)), inboxCalls)}`);
  let inbox: LoadResult | undefined;
  const inboxCpu = await cpuOf(async () => (inbox = await readLoad({ origin, cookie: reviewer.cookie, paths: inboxPaths, connections: 50, seconds: inboxSeconds })));
  if (inbox) line(`inbox at 50 connections ${inboxSeconds} s: ${throughput(inbox).toFixed(0)} req/s, p50 ${inbox.latency.p50} ms, p99 ${inbox.latency.p99} ms, ${inbox.non2xx + inbox.errors + inbox.timeouts} failed; ${per(inboxCpu, inbox.latency.totalCount)}; RSS ${rssMb(pid).toFixed(0)} MB`);
}

async function readsAndDashboards(origin: string, reviewer: Session, committee: Session, databaseUrl: string, cpuOf: CpuOf, per: Per, pid: number): Promise<void> {
  const paths = await admin(async (c) => (await c.query<{ path: string }>(`select '/api/packages/' || package_id || '/versions/' || number as path from package_versions order by package_id, number`)).rows.map((r) => r.path), databaseUrl);
  // PROBE_READS_WARM: a fixed count of warm-up reads instead of 2 s, so what the caches keep does not follow the machine's speed.
  const warm = Number(process.env.PROBE_READS_WARM ?? 0);
  await (warm > 0 ? fixedLoad(origin, reviewer, paths, 50, warm) : readLoad({ origin, cookie: reviewer.cookie, paths, connections: 50, seconds: 2 }));
  const reads = 3_000;
  line(`reads CPU per read over ${reads} at 50 connections: ${per(await cpuOf(() => fixedLoad(origin, reviewer, paths, 50, reads)), reads)}; RSS ${rssMb(pid).toFixed(0)} MB`);

  const dashboards = 21;
  const dashboardCpu = await cpuOf(async () => {
    for (let i = 0; i < dashboards; i++) await timedGet(origin, committee, '/api/dashboard');
  });
  line(`dashboard x${dashboards}: ${per(dashboardCpu, dashboards)}; RSS ${rssMb(pid).toFixed(0)} MB`);
}

async function pollPart(origin: string, reviewer: Session, databaseUrl: string, cpuOf: CpuOf, polls: number): Promise<void> {
  const target = await admin(async (c) => {
    const row = (await c.query<{ package_id: string; thread_id: string; email: string }>(pollTargetQuery)).rows[0];
    if (!row) throw new Error('No package in review with an open thread');
    return { packageId: row.package_id, threadId: row.thread_id, email: row.email };
  }, databaseUrl);
  await pollSequence({ origin, reviewer, target, password, polls, cpuOf, line });
}

/** One build's server process, started from its own folder with the shipped flags. */
function startServer(buildDir: string, databaseUrl: string): Promise<{ origin: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [...serverNodeFlags, 'server/main.ts'], {
    cwd: buildDir,
    env: { ...process.env, ...(process.env.PROBE_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.PROBE_SERVER_NODE_OPTIONS } : {}), DATA_DIR: folder, DATABASE_URL: databaseUrl, DEMO: 'true', PORT: '0', HOST: 'localhost', LOG_LEVEL: 'info', STATIC_DIR: join(folder, 'no-app'), WRITE_RATE_LIMIT_PER_MINUTE: '1000000', RECORD_RATE_LIMIT_PER_MINUTE: '1000000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (process.env.PROBE_SERVER_OUT === '1') process.stdout.write(`[server out] ${chunk.toString()}`);
      const found = /running at (http:\/\/\S+?)\/ /.exec(out);
      if (found?.[1]) resolve({ origin: found[1], pid: child.pid ?? 0, stop });
    });
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(`[server] ${chunk.toString()}`));
    child.once('exit', (code) => reject(new Error(`server exited ${String(code)}: ${out}`)));
  });
}
