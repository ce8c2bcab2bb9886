// The read load of the server bench (autocannon, round-robin over version paths, one session)
// with every response's latency and finishing time kept, for the tail probe (decision 0210).
// Run in the probe's own process, or alone: node scripts/bench/tail-client.ts <json options>
// prints the figures as one JSON line, so the load generator's heap holds no inventory.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';

export interface TailRun {
  /** Responses in the order they finished: [ms since the start, latency ms]. */
  samples: [number, number][];
  failed: number;
  seconds: number;
  cpuMs: number;
  /** The load generator's own collections during the run (its pauses delay every response it has not read yet). */
  gc: { count: number; ms: number; max: number; major: number; majorMs: number };
}

interface Instance {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, latency: number) => void): void;
  then<T>(resolve: (result: { errors: number; timeouts: number; non2xx: number; duration: number }) => T): Promise<T>;
}

const autocannon = createRequire(import.meta.url)('autocannon') as (options: object) => Instance;

export async function tailRun(options: { origin: string; cookie: string; paths: readonly string[]; connections: number; seconds: number }): Promise<TailRun> {
  let next = 0;
  const { paths } = options;
  const samples: [number, number][] = [];
  const gc = { count: 0, ms: 0, max: 0, major: 0, majorMs: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count += 1;
      gc.ms += entry.duration;
      gc.max = Math.max(gc.max, entry.duration);
      if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        gc.major += 1;
        gc.majorMs += entry.duration;
      }
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const instance = autocannon({
    url: options.origin,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    headers: { cookie: options.cookie },
    renderProgressBar: false,
    renderResultsTable: false,
    requests: [{ method: 'GET', setupRequest: (request: object) => ({ ...request, path: paths[next++ % paths.length] ?? '/' }) }],
  });
  instance.on('response', (_client, _status, _bytes, latency) => samples.push([performance.now() - started, latency]));
  const result = await instance.then((r) => r);
  const used = process.cpuUsage(cpu);
  observer.disconnect();
  return { samples, failed: result.errors + result.timeouts + result.non2xx, seconds: result.duration, cpuMs: (used.user + used.system) / 1000, gc };
}

if (import.meta.filename === process.argv[1]) {
  const options = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Parameters<typeof tailRun>[0];
  process.stdout.write(JSON.stringify(await tailRun(options)) + '\n');
}
