// The server under load: the real server process (node server/main.ts) on localhost, a
// 1,000-package inventory, autocannon as the load generator in this process. Reading
// package versions at 50 and 200 connections, then signers deciding at 20, then the audit
// chain verified; on SQLite, on PostgreSQL with one instance, and with two instances on the
// same PostgreSQL (the load split over both, side by side, summed).
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { scryptPasswords } from '#server/auth/scrypt-passwords.ts';
import { createTestDatabase, startPostgresCluster } from '#tests/support/postgres-cluster.ts';
import { throughput, type LoadResult } from './autocannon.ts';
import { planInventory, type InventoryPlan } from './generate-inventory.ts';
import { decisionLoad, decisionTargets, readLoad, signIn, versionPaths, type DecisionTarget, type Session } from './load-clients.ts';
import { prepareLoadDatabase, type PreparedDatabase } from './load-database.ts';
import { startServerProcess, type ServerProcess } from '../lib/server-process.ts';
import { backendPids, cpuBetween, snapshot, type CpuSnapshot } from './process-cpu.ts';
import { addRow, fmt, median, percentile, type Report } from './table.ts';

export interface ServerLoadOptions {
  /** Seconds per autocannon run. */
  seconds: number;
  runs: number;
  packages: number;
}

const password = 'bench-password';
const readConnections = [50, 200] as const;
const decisionConnections = 20;

interface ReadFigures {
  connections: number;
  rps: number[];
  p50: number[];
  p99: number[];
  failed: number;
  /**
   * CPU milliseconds per read over the runs (user + system time): the API instances, the
   * PostgreSQL backends of their pools (0 on SQLite) and the load generator (this process).
   */
  cpu: { api: number; db: number; client: number };
}

interface ConfigFigures {
  label: string;
  reads: ReadFigures[];
  decisionsPerSecond: number[];
  decisionP50: number[];
  decisionP99: number[];
  decisions: number;
  refused: string[];
  exhausted: boolean;
  chain: { valid: boolean; size: number; breaks: number };
}

/** Runs every server benchmark and adds its rows and budgets to `report`. */
export async function benchServerLoad(report: Report, options: ServerLoadOptions): Promise<void> {
  let start = performance.now();
  const plan = await planInventory({ packages: options.packages, seed: 8 });
  const planMs = performance.now() - start;
  const versions = plan.packages.reduce((n, p) => n + p.versions.length, 0);
  const bytes = plan.packages.reduce((n, p) => n + p.versions.reduce((m, v) => m + v.prepared.canonicalContent.length, 0), 0);
  addRow(report, `inventory: planning ${options.packages} packages (${versions} versions, ${(bytes / 1024 / 1024).toFixed(1)} MB of content, hashed; ${plan.packages.reduce((n, p) => n + p.decisions.length, 0)} decisions, ${plan.packages.reduce((n, p) => n + p.threads.length, 0)} threads) (one run)`, 'ms', [planMs]);
  const passwordHash = await scryptPasswords.hash(password);
  const configs: ConfigFigures[] = [];
  const written: { engine: string; prepared: PreparedDatabase }[] = [];

  const sqliteDir = mkdtempSync(join(tmpdir(), 'bench-load-'));
  try {
    const prepared = await prepareLoadDatabase({ dataDir: sqliteDir }, plan, password, passwordHash);
    written.push({ engine: 'SQLite', prepared });
    configs.push(await withServers('SQLite', 1, { dataDir: sqliteDir }, plan, options));
  } finally {
    rmSync(sqliteDir, { recursive: true, force: true });
  }

  start = performance.now();
  const cluster = await startPostgresCluster();
  const clusterMs = performance.now() - start;
  try {
    for (const instances of [1, 2]) {
      const database = await createTestDatabase(cluster.url);
      const dataDir = mkdtempSync(join(tmpdir(), 'bench-load-pg-'));
      try {
        const prepared = await prepareLoadDatabase({ dataDir, databaseUrl: database.url }, plan, password, passwordHash);
        written.push({ engine: 'PostgreSQL', prepared });
        configs.push(await withServers(instances === 1 ? 'PostgreSQL, one instance' : 'PostgreSQL, two instances', instances, { dataDir, databaseUrl: database.url }, plan, options));
      } finally {
        await database.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await cluster.stop();
  }

  for (const { engine, prepared } of written) {
    addRow(report, `inventory: writing it into a fresh ${engine} database after the demo data (${prepared.auditEntries} audit entries appended, one transaction, one run)`, 'ms', [prepared.inventoryMs]);
  }
  for (const config of configs) addConfigRows(report, config, options);
  addBudgets(report, configs);
  report.notes.push(
    `Server rows: the real server process (node server/main.ts) on localhost, loaded by autocannon ${options.runs} times ${options.seconds} s after a short unrecorded warm-up, median/min/max of the runs; the inventory: ${options.packages} packages, ${versions} versions of 20 to 80 KB, read round-robin by one reviewer session. PostgreSQL: a throwaway local cluster (tests/support/postgres-cluster.ts: fsync off), started in ${fmt(clusterMs)} ms, a fresh database per configuration; each instance has a pool of 10 connections. Two instances: two autocannon runs side by side, half the connections each; requests per second summed, latencies the higher of the two.`,
    `Decisions: ${decisionConnections} connections, ${plan.signers.length} signers (each holding every reviewer role) taking packages from a shared queue of the inventory's waiting steps (a package goes back once its step is signed, so no two connections decide on one package at once); one decision = POST /api/signing/nonces then POST /api/packages/{id}/decisions, signed by password (scrypt re-authentication, N=2^15), countersigned, two audit appends. The client knows the content hash from the inventory, so it skips the version read a browser would make. Each connection is a closed loop that starts no decision after the run's seconds but waits for the one it started (none is left unanswered or runs into the next run); decisions per second: signed / the run's time including that. Every package waiting on a step is approvable: assessed by model risk to its tier, its latest version meeting its policy's blocking requirements (0188). Latency: from asking for the nonce to the signed decision.`,
    `CPU: this machine has 2 cores. The server instances, PostgreSQL and the load generator (this process) share them, so two instances cannot get a core each: the two-instance figure measures contention as much as scaling.`,
  );
}

async function withServers(label: string, instances: number, location: { dataDir: string; databaseUrl?: string }, plan: InventoryPlan, options: ServerLoadOptions): Promise<ConfigFigures> {
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < instances; i++) servers.push(await startServerProcess(location));
    const pids = { api: servers.map((server) => server.pid), db: () => (location.databaseUrl ? backendPids(location.databaseUrl) : Promise.resolve([])) };
    return await measureConfig(label, servers.map((server) => server.origin), plan, options, pids);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

async function measureConfig(label: string, origins: string[], plan: InventoryPlan, options: ServerLoadOptions, pids: { api: number[]; db: () => Promise<number[]> }): Promise<ConfigFigures> {
  const first = origins[0] ?? '';
  console.error(`[bench] server load: ${label}`);
  const reader = await signIn(first, 'model-risk@example.com', password);
  const paths = versionPaths(plan);
  const readRound = async (connections: number, seconds: number) => {
    const results = await Promise.all(origins.map((origin) => readLoad({ origin, cookie: reader.cookie, paths, connections: Math.round(connections / origins.length), seconds })));
    return { rps: results.reduce((n, r) => n + throughput(r), 0), p50: Math.max(...results.map((r) => r.latency.p50)), p99: Math.max(...results.map((r) => r.latency.p99)), failed: results.reduce((n, r) => n + failures(r), 0), completed: results.reduce((n, r) => n + r.latency.totalCount, 0) };
  };
  await readRound(50, 3);
  const reads: ReadFigures[] = [];
  for (const connections of readConnections) {
    const figures: ReadFigures = { connections, rps: [], p50: [], p99: [], failed: 0, cpu: { api: 0, db: 0, client: 0 } };
    // CPU time over all the runs, divided by the reads completed: what other work on the machine does not move.
    const before = { api: snapshot(pids.api), db: snapshot(await pids.db()), client: process.cpuUsage() };
    let completed = 0;
    for (let run = 0; run < options.runs; run++) {
      const round = await readRound(connections, options.seconds);
      figures.rps.push(round.rps);
      figures.p50.push(round.p50);
      figures.p99.push(round.p99);
      figures.failed += round.failed;
      completed += round.completed;
    }
    const client = process.cpuUsage(before.client);
    figures.cpu = { api: cpuBetween(before.api, snapshot(pids.api)) / completed, db: lastingCpu(before.db, snapshot(await pids.db())) / completed, client: (client.user + client.system) / 1000 / completed };
    reads.push(figures);
  }

  // Sign-ins one after another: each is a scrypt verification on the server.
  const signers: Session[] = [];
  for (const signer of plan.signers) signers.push(await signIn(origins[signers.length % origins.length] ?? first, signer.email, password));
  const queue: { target: DecisionTarget; step: number }[] = (await decisionTargets(plan)).map((target) => ({ target, step: 0 }));
  const supply = queue.reduce((n, item) => n + item.target.steps.length, 0);
  await decisionLoad({ origins, signers, queue, connections: decisionConnections, seconds: 2, password });
  const figures = { decisionsPerSecond: [] as number[], decisionP50: [] as number[], decisionP99: [] as number[], decisions: 0, refused: [] as string[], exhausted: false };
  for (let run = 0; run < options.runs; run++) {
    const round = await decisionLoad({ origins, signers, queue, connections: decisionConnections, seconds: options.seconds, password });
    figures.decisionsPerSecond.push(round.decisions / round.seconds);
    figures.decisionP50.push(percentile(round.latencies, 50));
    figures.decisionP99.push(percentile(round.latencies, 99));
    figures.decisions += round.decisions;
    figures.exhausted ||= round.exhausted;
    for (const [status, { count, example }] of round.refused) figures.refused.push(`${count}× HTTP ${status} (${example})`);
  }
  if (figures.exhausted) console.error(`[bench] ${label}: the queue of ${supply} waiting steps ran dry; the decision runs measured less than they could`);
  for (const line of figures.refused) console.error(`[bench] ${label}: decisions refused: ${line}`);

  const committee = await signIn(first, 'committee@example.com', password);
  const verify = await fetch(`${first}/api/audit/verify`, { headers: { cookie: committee.cookie } });
  const verdict = (await verify.json()) as { valid?: boolean; size?: number; breaks?: unknown[] };
  const chain = { valid: verify.ok && verdict.valid === true && (verdict.breaks?.length ?? 1) === 0, size: verdict.size ?? 0, breaks: verdict.breaks?.length ?? 0 };
  console.error(`[bench] ${label}: ${figures.decisions} decisions signed; audit chain of ${chain.size} entries ${chain.valid ? 'intact' : `BROKEN (${chain.breaks} breaks)`}`);
  return { label, reads, ...figures, chain };
}

/** CPU used between two snapshots by the processes in both that could be read both times (a pool may end a backend meanwhile). */
function lastingCpu(before: CpuSnapshot, after: CpuSnapshot): number {
  let total = 0;
  for (const [pid, ms] of after) {
    const was = before.get(pid) ?? 0;
    if (Number.isFinite(ms) && Number.isFinite(was)) total += ms - was;
  }
  return total;
}

/** CPU per read: fractions of a millisecond, three places. */
const ms3 = (x: number): string => x.toFixed(3);

const failures = (result: LoadResult) => result.non2xx + result.errors + result.timeouts;

function addConfigRows(report: Report, config: ConfigFigures, options: ServerLoadOptions): void {
  const name = `server, ${config.label}`;
  for (const read of config.reads) {
    const what = `GET /api/packages/{id}/versions/{n}, ${read.connections} connections${read.failed > 0 ? `, ${read.failed} failed` : ''}`;
    addRow(report, `${name}: ${what}: requests per second`, 'req/s', read.rps);
    addRow(report, `${name}: ${what}: p50 latency`, 'ms', read.p50);
    addRow(report, `${name}: ${what}: p99 latency`, 'ms', read.p99);
    const { api, db, client } = read.cpu;
    addRow(report, `${name}: ${what}: CPU per read, API${db > 0 ? ' + PostgreSQL' : ''} + load generator (${ms3(api)}${db > 0 ? ` + ${ms3(db)}` : ''} + ${ms3(client)} ms, all runs)`, 'ms', [api + db + client]);
  }
  const what = `signing decisions, ${decisionConnections} connections (${config.decisions} in ${options.runs} runs${config.refused.length > 0 ? ', some refused' : ''})`;
  addRow(report, `${name}: ${what}: decisions per second`, 'decisions/s', config.decisionsPerSecond);
  addRow(report, `${name}: ${what}: p50 nonce to signed`, 'ms', config.decisionP50);
  addRow(report, `${name}: ${what}: p99 nonce to signed`, 'ms', config.decisionP99);
}

/**
 * What the CPU per read implies for latency at `connections` (decision record 0149): the load
 * is closed (each connection sends its next read when the last is answered), so the reads in
 * flight are always `connections`, and by Little's law the mean latency is connections /
 * throughput. Throughput is bounded by the CPU each read costs in all the processes sharing
 * the cores (API, PostgreSQL, load generator): at most cores / cpuPerRead. Hence a floor on
 * the mean latency, connections × cpuPerRead / cores, that no scheduling can beat on this
 * machine; p99 sits above it by the spread of service times.
 */
export function meanLatencyFloorMs(connections: number, cpuPerReadMs: number, cores: number): number {
  return (connections * cpuPerReadMs) / cores;
}

/**
 * Reads per second that `instances` API processes with a core each and PostgreSQL with
 * `databaseCores` could serve, from the CPU a read costs in each (decision 0123's model,
 * 0206's budget): each process kind saturates at its cores / its CPU per read, and the first
 * to saturate bounds the whole. The load generator is assumed to run elsewhere.
 */
export function predictedReadsPerSecond(cpu: { api: number; db: number }, instances: number, databaseCores = 1): number {
  const api = cpu.api > 0 ? (instances * 1000) / cpu.api : Number.POSITIVE_INFINITY;
  const db = cpu.db > 0 ? (databaseCores * 1000) / cpu.db : Number.POSITIVE_INFINITY;
  return Math.min(api, db);
}

/** The CPU per read (all processes) under which that floor is `latencyMs` at `connections`. */
export function cpuPerReadForMeanMs(connections: number, latencyMs: number, cores: number): number {
  return (latencyMs * cores) / connections;
}

function addBudgets(report: Report, configs: ConfigFigures[]): void {
  const find = (label: string) => configs.find((config) => config.label === label);
  const reads = (config: ConfigFigures | undefined, connections: number) => config?.reads.find((read) => read.connections === connections);
  const cores = availableParallelism();
  for (const config of configs) {
    const read = reads(config, 200);
    if (!read) continue;
    const cpu = read.cpu.api + read.cpu.db + read.cpu.client;
    const floor = meanLatencyFloorMs(200, cpu, cores);
    report.budgets.push({ name: `server, ${config.label}: the mean latency at 200 connections the CPU per read allows on ${cores} whole cores (${ms3(cpu)} ms per read, all processes; measured p50 ${fmt(median(read.p50))} ms, p99 ${fmt(median(read.p99))} ms; a 50 ms mean needs under ${ms3(cpuPerReadForMeanMs(200, 50, cores))} ms per read)`, value: floor, shown: `${fmt(floor)} ms`, kind: 'reported', limit: 0, limitShown: '(reported; model in decision 0149)' });
  }
  const sqlite200 = reads(find('SQLite'), 200);
  if (sqlite200) {
    const p99 = median(sqlite200.p99);
    report.budgets.push({ name: 'server, SQLite: package reads p99 at 200 connections (median of runs)', value: p99, shown: `${fmt(p99)} ms`, kind: 'under', limit: 50, limitShown: 'under 50 ms' });
  }
  const one = find('PostgreSQL, one instance');
  const two = find('PostgreSQL, two instances');
  const pg200 = reads(one, 200);
  if (sqlite200 && pg200) {
    const ratio = median(pg200.rps) / median(sqlite200.rps);
    report.budgets.push({ name: 'server, PostgreSQL one instance / SQLite, package reads per second at 200 connections', value: ratio, shown: `${ratio.toFixed(2)}x`, kind: 'atLeast', limit: 0.8, limitShown: 'at least 0.8x' });
    const p99 = median(pg200.p99);
    report.budgets.push({ name: 'server, PostgreSQL one instance: package reads p99 at 200 connections (median of runs)', value: p99, shown: `${fmt(p99)} ms`, kind: 'under', limit: 50, limitShown: 'under 50 ms' });
  }
  for (const connections of readConnections) {
    const a = reads(one, connections);
    const b = reads(two, connections);
    if (!a || !b) continue;
    const ratio = median(b.rps) / median(a.rps);
    // Measured on 2 shared cores: contention, not the design (0123); the budget is on the model below.
    report.budgets.push({ name: `server, PostgreSQL: two instances / one, package reads per second at ${connections} connections, measured on ${cores} shared cores`, value: ratio, shown: `${ratio.toFixed(2)}x`, kind: 'reported', limit: 0, limitShown: '(reported; decision 0206)' });
  }
  const two200 = reads(two, 200);
  if (pg200 && two200) {
    const oneAlone = predictedReadsPerSecond(pg200.cpu, 1);
    const twoAlone = predictedReadsPerSecond(two200.cpu, 2);
    const ratio = twoAlone / oneAlone;
    report.budgets.push({ name: `server, PostgreSQL: two instances / one, package reads per second at 200 connections with a core per instance and one for PostgreSQL, predicted from each run's CPU per read (one: API ${ms3(pg200.cpu.api)} + PostgreSQL ${ms3(pg200.cpu.db)} ms, ${oneAlone.toFixed(0)} req/s; two: ${ms3(two200.cpu.api)} + ${ms3(two200.cpu.db)} ms, ${twoAlone.toFixed(0)} req/s)`, value: ratio, shown: `${ratio.toFixed(2)}x`, kind: 'atLeast', limit: 1.6, limitShown: 'at least 1.6x (decision 0206)' });
  }
  if (one && two) {
    const ratio = median(two.decisionsPerSecond) / median(one.decisionsPerSecond);
    report.budgets.push({ name: 'server, PostgreSQL: two instances / one, decisions per second', value: ratio, shown: `${ratio.toFixed(2)}x`, kind: 'reported', limit: 0, limitShown: '(reported)' });
  }
  for (const config of configs) {
    report.budgets.push({ name: `server, ${config.label}: audit chain verified after ${config.decisions} decisions under load`, value: config.chain.valid ? 1 : 0, shown: config.chain.valid ? `intact, ${config.chain.size} entries` : `broken: ${config.chain.breaks} breaks in ${config.chain.size} entries`, kind: 'holds', limit: 1, limitShown: 'intact' });
    const failed = config.reads.reduce((n, read) => n + read.failed, 0);
    const refused = config.refused.length;
    // No decision signed in the run proves nothing about signing under load: a miss, not a pass.
    const signedNone = config.decisions === 0;
    const holds = failed === 0 && refused === 0 && !config.exhausted && !signedNone;
    const shown = failed !== 0 || refused !== 0 ? `${failed} reads failed; decisions refused: ${config.refused.join('; ') || 'none'}` : config.exhausted ? 'queue ran dry' : signedNone ? 'no decision was signed in the run' : 'yes';
    report.budgets.push({ name: `server, ${config.label}: every read answered 2xx and every decision signed`, value: holds ? 1 : 0, shown, kind: 'holds', limit: 1, limitShown: 'yes' });
  }
}
