// CPU time a process has used (user + system), read from /proc: the cost of a fixed number of
// requests in the API process and in the PostgreSQL backends serving it, whatever else the
// machine runs meanwhile. Linux only; elsewhere the figures are NaN and say so in the table.
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import pg from 'pg';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime. */
const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU milliseconds of one process so far; NaN when it cannot be read. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU milliseconds of one process so far from the scheduler's nanosecond counts
 * (/proc/<pid>/task/<tid>/schedstat): its main thread alone and all its threads. The clock
 * ticks of `cpuMs` are 10 ms, coarser than one call of a few milliseconds; these are not.
 */
export function schedCpuMs(pid: number): { main: number; all: number } {
  const onCpu = (tid: string) => {
    try {
      return Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
    } catch {
      return 0;
    }
  };
  try {
    const all = readdirSync(`/proc/${pid}/task`).reduce((sum, tid) => sum + onCpu(tid), 0);
    return { main: onCpu(String(pid)), all };
  } catch {
    return { main: Number.NaN, all: Number.NaN };
  }
}

/** Resident memory of one process in MB (VmRSS); NaN when it cannot be read. */
export function rssMb(pid: number): number {
  try {
    const found = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return found?.[1] ? Number(found[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** CPU of a set of processes, for deltas: processes that appear later count from zero. */
export type CpuSnapshot = Map<number, number>;

export const snapshot = (pids: readonly number[]): CpuSnapshot => new Map(pids.map((pid) => [pid, cpuMs(pid)]));

/** CPU milliseconds used between two snapshots, summed over every process in either. */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** The PostgreSQL backends serving one database (the API instances' pool connections). */
export async function backendPids(databaseUrl: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>("select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()");
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

/** Transactions committed in the database so far: every statement outside a transaction is one. Backends report at most once a second, so read it after a pause. */
export async function databaseCommits(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('select xact_commit::text as n from pg_stat_database where datname = current_database()');
    return Number(rows[0]?.n ?? NaN);
  } finally {
    await client.end();
  }
}
