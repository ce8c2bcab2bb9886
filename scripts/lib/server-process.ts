// The real server as its own process (node server/main.ts), as in production: on SQLite in
// a data folder, or on PostgreSQL. Used by the server benchmark and by the integration tests
// that kill it (tests/integration/sigkill-*.test.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { serverNodeFlags } from '#server/node-flags.ts';

export interface ServerProcess {
  /** http://localhost:<port>: the origin the API's same-origin check expects. */
  origin: string;
  pid: number;
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process has exited. */
  stop: () => Promise<void>;
  /** SIGKILL at once, as a crash would: no shutdown, no waiting. */
  crash: () => void;
  /** What the process has printed so far (stdout and stderr). */
  output: () => string;
}

/**
 * Port 0 lets the system pick a free port; the start-up line is the only way to learn it,
 * so LOG_LEVEL stays at info (it logs nothing per request, only start and stop). The load
 * generators write far faster per user than a person can, so the per-user write limit is
 * raised out of their way (its cost is still paid on every write; it is tested on its own).
 */
export function startServerProcess(options: { dataDir: string; databaseUrl?: string; /** Demo data and accounts (default true); false is a production start. */ demo?: boolean; /** More settings (server/config.ts), e.g. COMPUTE_QUEUE. */ env?: Readonly<Record<string, string>>; /** Another build's folder to start from (A/B probes); this checkout by default. */ cwd?: string; /** Node flags instead of the server's own (probes comparing them, or adding `--trace-gc`). */ nodeFlags?: readonly string[]; /** A command Node runs under, with its arguments (probes: `taskset -c 0`, `valgrind --tool=callgrind`). */ wrapper?: readonly string[]; /** How long the start may take (default 60 s; longer under valgrind). */ startTimeoutMs?: number }): Promise<ServerProcess> {
  const [command = process.execPath, ...wrapperArgs] = options.wrapper ?? [];
  const nodeArgs = [...(options.nodeFlags ?? serverNodeFlags), 'server/main.ts'];
  const child: ChildProcess = spawn(command, options.wrapper ? [...wrapperArgs, process.execPath, ...nodeArgs] : nodeArgs, {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env: { ...process.env, DATA_DIR: options.dataDir, DATABASE_URL: options.databaseUrl ?? '', DEMO: options.demo === false ? 'false' : 'true', PORT: '0', HOST: 'localhost', LOG_LEVEL: 'info', STATIC_DIR: join(options.dataDir, 'no-app'), WRITE_RATE_LIMIT_PER_MINUTE: '1000000', RECORD_RATE_LIMIT_PER_MINUTE: '1000000', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited: Promise<void> | undefined;
  const stop = () =>
    (exited ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    }));
  return new Promise((resolve, reject) => {
    let out = '';
    const startTimeoutMs = options.startTimeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The server did not start within ${startTimeoutMs / 1000} s:\n${out}`));
    }, startTimeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /running at (http:\/\/\S+?)\/ /.exec(out);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve({ origin: found[1], pid: child.pid ?? 0, stop, crash: () => child.kill('SIGKILL'), output: () => out });
      }
    });
    // Errors stay visible: a 500 under load is logged by the server to stderr.
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      process.stderr.write(`[server ${child.pid ?? '?'}] ${chunk.toString()}`);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with ${String(code)} before it started:\n${out}`));
    });
  });
}
