// A throwaway PostgreSQL server per test run: its own data folder, its own port,
// loopback only, trust auth, fsync off. Tests never touch a developer's own
// cluster, and a fresh cluster makes "works on my machine" schema drift visible.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Client } from 'pg';

const execFileAsync = promisify(execFile);

export interface PostgresCluster {
  /** Superuser connection to the `postgres` database. */
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Stops the server (pg_ctl stop -m fast) but keeps its data, for outage tests; see startServer. */
  stopServer(): Promise<void>;
  /** Starts a server stopped by stopServer again, on the same port and data, and waits until it accepts logins. */
  startServer(): Promise<void>;
  /**
   * Stops the server, copies its data folder aside and starts it again. `restore` puts that copy
   * back (stopped before, started after): the cluster as it was at the copy, its xids taken back,
   * as a point-in-time restore or a failover to a standby behind the primary leaves it.
   */
  backUp(): Promise<{ restore(): Promise<void> }>;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

interface RunningCluster {
  binDir: string;
  rootDir: string;
  dataDir: string;
  asPostgres: boolean;
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const running = new Set<RunningCluster>();
// Unix socket paths are limited to 107 bytes (sun_path); leave room for ".s.PGSQL.NNNNN".
const maxSocketDirLength = 90;

export async function startPostgresCluster(options: { port?: number } = {}): Promise<PostgresCluster> {
  const binDir = findPostgresBinDir();
  // initdb and postgres refuse to run as root, so as root everything runs as the
  // `postgres` system user (created by Debian's postgresql package).
  const asPostgres = process.getuid?.() === 0;
  const owner = asPostgres ? await postgresUserIds() : undefined;
  const rootDir = await makeClusterDir(asPostgres, owner);
  const dataDir = path.join(rootDir, 'data');
  const socketDir = path.join(rootDir, 'socket');
  const logFile = path.join(rootDir, 'postgres.log');
  const cluster: RunningCluster = { binDir, rootDir, dataDir, asPostgres };
  stopPostgresOnExit();
  running.add(cluster);
  watchForParentDeath(cluster);

  try {
    await initDataDir(cluster);
    // A port found free can be taken before postgres binds it; only retry when we chose it.
    const attempts = options.port === undefined ? 3 : 1;
    for (let attempt = 1; ; attempt += 1) {
      const port = options.port ?? (await findFreePort());
      const serverOptions = [
        `-p ${port}`,
        '-c listen_addresses=127.0.0.1',
        // pg_ctl hands -o to /bin/sh, so the path is quoted.
        `-k ${shellQuote(socketDir)}`,
        // Durability is pointless for a throwaway cluster and costs seconds per run.
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ].join(' ');
      try {
        await run(cluster, 'pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-s', '-o', serverOptions], rootDir);
      } catch (error) {
        const log = readTail(logFile);
        if (attempt < attempts && /already in use|could not bind/i.test(log)) continue;
        throw new Error(`pg_ctl start failed (port ${port}): ${errorText(error)}\n--- ${logFile} ---\n${log}`, { cause: error });
      }
      const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
      await waitForConnection(url);
      let stopped: Promise<void> | undefined;
      const stopServer = () => run(cluster, 'pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30', '-s'], rootDir);
      const startServer = async () => {
        await run(cluster, 'pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-s', '-o', serverOptions], rootDir);
        await waitForConnection(url);
      };
      return {
        url,
        port,
        stop: () => (stopped ??= stopCluster(cluster)),
        stopServer,
        startServer,
        async backUp() {
          const copy = path.join(rootDir, `backup-${randomBytes(4).toString('hex')}`);
          await stopServer();
          // cp -a keeps the owner (postgres) and the 0700 mode the server insists on.
          await execFileAsync('cp', ['-a', dataDir, copy]);
          await startServer();
          return {
            restore: async () => {
              await stopServer();
              await rm(dataDir, { recursive: true, force: true });
              await execFileAsync('cp', ['-a', copy, dataDir]);
              await startServer();
            },
          };
        },
      };
    }
  } catch (error) {
    stopClusterSync(cluster);
    throw error;
  }
}

/**
 * Creates a uniquely named database, so test files can run in parallel against one cluster.
 * With `template`, the new database is a copy of that one (CREATE DATABASE … TEMPLATE): a
 * file copy on the server, much cheaper than running every migration again (see
 * tests/support/migrated-templates.ts). Nobody may be connected to the template meanwhile.
 */
export async function createTestDatabase(adminUrl: string, options: { template?: string | undefined } = {}): Promise<TestDatabase> {
  const name = `test_${process.pid}_${randomBytes(6).toString('hex')}`;
  const template = options.template === undefined ? '' : ` template ${quoteIdent(options.template)}`;
  await withClient(adminUrl, (client) => client.query(`create database ${quoteIdent(name)}${template}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    url: url.toString(),
    drop: () =>
      (dropped ??= withClient(adminUrl, async (client) => {
        // FORCE (PostgreSQL 13+) ends connections a test forgot to close, rather than failing the drop.
        await client.query(`drop database if exists ${quoteIdent(name)} with (force)`);
      })),
  };
}

/**
 * Installs (once) a process 'exit' handler that stops every cluster still running, so a
 * run that throws or calls process.exit() does not leave a postmaster behind: pg_ctl
 * detaches it (setsid), so it outlives us otherwise. startPostgresCluster calls this itself.
 */
export function stopPostgresOnExit(): void {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  process.on('exit', () => {
    for (const cluster of running) stopClusterSync(cluster);
  });
}
let exitHandlerInstalled = false;

function findPostgresBinDir(): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv) {
    if (!existsSync(path.join(fromEnv, 'initdb'))) throw new Error(`PG_BIN=${fromEnv} has no initdb in it.`);
    return fromEnv;
  }
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((name) => /^\d+(\.\d+)?$/.test(name) && existsSync(path.join(base, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) {
    throw new Error(
      `No PostgreSQL server binaries found (looked for ${base}/*/bin/initdb). ` +
        'Install them (apt-get install -y --no-install-recommends postgresql), point PG_BIN at a bin folder, ' +
        'or set TEST_DATABASE_URL to an existing server.',
    );
  }
  return path.join(base, newest, 'bin');
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  try {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', 'postgres']).then((r) => Number(r.stdout.trim())),
      execFileAsync('id', ['-g', 'postgres']).then((r) => Number(r.stdout.trim())),
    ]);
    return { uid, gid };
  } catch (error) {
    throw new Error('Running as root, but there is no `postgres` user to run the server as (it comes with the postgresql package).', {
      cause: error,
    });
  }
}

/**
 * Prefers the repo's .tmp/ (easy to inspect the log after a failure), but falls back to
 * the OS temp folder when the postgres user cannot reach it (e.g. a clone under /root)
 * or the path is too long for a Unix socket.
 */
async function makeClusterDir(asPostgres: boolean, owner: { uid: number; gid: number } | undefined): Promise<string> {
  const candidates = [path.join(repoRoot, '.tmp'), os.tmpdir()];
  for (const base of candidates) {
    let dir: string;
    try {
      await mkdir(base, { recursive: true });
      dir = await mkdtemp(path.join(base, 'pg-'));
    } catch {
      continue; // e.g. a read-only checkout: the OS temp folder will do.
    }
    if (path.join(dir, 'socket').length > maxSocketDirLength) {
      await rm(dir, { recursive: true, force: true });
      continue;
    }
    await mkdir(path.join(dir, 'socket'));
    if (!asPostgres || owner === undefined) return dir;
    await chown(dir, owner.uid, owner.gid);
    await chown(path.join(dir, 'socket'), owner.uid, owner.gid);
    try {
      await execFileAsync('runuser', ['-u', 'postgres', '--', 'test', '-w', dir, '-a', '-x', dir]);
      return dir;
    } catch {
      await rm(dir, { recursive: true, force: true });
    }
  }
  throw new Error(`No writable folder for the test cluster that the server user can use (tried ${candidates.join(', ')}).`);
}

async function initDataDir(cluster: RunningCluster): Promise<void> {
  const common = ['-D', cluster.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'];
  try {
    // C.UTF-8 keeps byte-order collation (deterministic) but makes upper()/lower() Unicode-aware.
    await run(cluster, 'initdb', [...common, '--locale=C.UTF-8'], cluster.rootDir);
  } catch (first) {
    // Some systems have no C.UTF-8 locale; plain C still stores UTF-8 text.
    await rm(cluster.dataDir, { recursive: true, force: true });
    try {
      await run(cluster, 'initdb', [...common, '--no-locale'], cluster.rootDir);
    } catch (second) {
      throw new Error(`initdb failed:\n${errorText(first)}\n${errorText(second)}`, { cause: second });
    }
  }
}

async function run(cluster: RunningCluster, tool: string, args: string[], cwd: string): Promise<void> {
  const binary = path.join(cluster.binDir, tool);
  const [file, fileArgs] = cluster.asPostgres ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  await execFileAsync(file, fileArgs, { cwd });
}

function runSync(cluster: RunningCluster, tool: string, args: string[]): void {
  const binary = path.join(cluster.binDir, tool);
  const [file, fileArgs] = cluster.asPostgres ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  execFileSync(file, fileArgs, { cwd: os.tmpdir(), stdio: 'ignore', timeout: 30_000 });
}

async function stopCluster(cluster: RunningCluster): Promise<void> {
  try {
    if (existsSync(path.join(cluster.dataDir, 'postmaster.pid'))) {
      await run(cluster, 'pg_ctl', ['stop', '-D', cluster.dataDir, '-m', 'fast', '-w', '-t', '30', '-s'], os.tmpdir());
    }
  } finally {
    running.delete(cluster);
    await rm(cluster.rootDir, { recursive: true, force: true });
  }
}

// Only synchronous work runs inside an 'exit' handler, hence a second, blocking stop.
function stopClusterSync(cluster: RunningCluster): void {
  running.delete(cluster);
  try {
    if (existsSync(path.join(cluster.dataDir, 'postmaster.pid'))) {
      runSync(cluster, 'pg_ctl', ['stop', '-D', cluster.dataDir, '-m', 'immediate', '-w', '-s']);
    }
  } catch {
    // Best effort: the watchdog below gets another chance.
  }
  try {
    execFileSync('rm', ['-rf', cluster.rootDir], { stdio: 'ignore' });
  } catch {
    // Best effort.
  }
}

/**
 * 'exit' handlers do not run when the test process is killed (SIGKILL, an OOM kill, a
 * Ctrl-C the runner does not handle). A detached watchdog stops the server then; it
 * exits by itself once the cluster folder is gone after a normal stop.
 */
function watchForParentDeath(cluster: RunningCluster): void {
  const pgCtl = path.join(cluster.binDir, 'pg_ctl');
  const stopCommand = cluster.asPostgres
    ? ['runuser', '-u', 'postgres', '--', pgCtl, 'stop', '-D', cluster.dataDir, '-m', 'immediate', '-w', '-s']
    : [pgCtl, 'stop', '-D', cluster.dataDir, '-m', 'immediate', '-w', '-s'];
  const script = `
    const { execFileSync } = require('node:child_process');
    const { existsSync, rmSync } = require('node:fs');
    const [parentPid, rootDir, command] = [Number(process.argv[1]), process.argv[2], JSON.parse(process.argv[3])];
    setInterval(() => {
      if (!existsSync(rootDir)) process.exit(0);
      try { process.kill(parentPid, 0); return; } catch {}
      try { execFileSync(command[0], command.slice(1), { stdio: 'ignore', cwd: '/', timeout: 30000 }); } catch {}
      try { rmSync(rootDir, { recursive: true, force: true }); } catch {}
      process.exit(0);
    }, 1000);
  `;
  const watchdog = spawn(process.execPath, ['-e', script, String(process.pid), cluster.rootDir, JSON.stringify(stopCommand)], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : undefined;
      server.close(() => {
        if (port === undefined) reject(new Error('Could not determine a free port.'));
        else resolve(port);
      });
    });
  });
}

// pg_ctl -w already waits for "ready"; this also proves TCP on 127.0.0.1 accepts logins.
async function waitForConnection(url: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await withClient(url, (client) => client.query('select 1'));
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL started but ${url} does not accept connections: ${errorText(error)}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function readTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log written)';
  }
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const stderr = 'stderr' in error && typeof error.stderr === 'string' ? error.stderr.trim() : '';
    return stderr ? `${error.message.split('\n')[0] ?? ''}\n${stderr}` : error.message;
  }
  return String(error);
}
