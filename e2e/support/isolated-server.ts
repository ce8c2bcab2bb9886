// A server of the test's own, for a spec that plays an attacker with access to the database
// file: scripts/e2e-server.ts started afresh on a free localhost port (WebAuthn refuses IP
// addresses) with a new, empty data folder, seeded as the shared one is. The test's page and
// request use it as their baseURL; afterwards it is stopped (SIGTERM, a graceful shutdown)
// and its folder removed, so a dropped trigger or a rewritten row never reaches the server
// the other specs share.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test as base } from './test.ts';

export interface IsolatedServer {
  baseURL: string;
  /** The server's DATA_DIR: the SQLite database is model-approval.sqlite in it. */
  dataDir: string;
}

const root = path.resolve(import.meta.dirname, '../..');
const startTimeoutMs = 30_000;
const stopTimeoutMs = 5_000;

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, 'localhost');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Resolves once /api/health answers; rejects, with the server's output, if it exits or never does. */
async function waitForHealth(child: ChildProcess, baseURL: string, output: () => string): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The isolated e2e server exited before it was ready:\n${output()}`);
    const healthy = await fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(2_000) }).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The isolated e2e server did not answer ${baseURL}/api/health within ${startTimeoutMs} ms:\n${output()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
  await exited;
  clearTimeout(timer);
}

export const test = base.extend<{ isolatedServer: IsolatedServer; isolatedServerEnv: Record<string, string> }>({
  /** More environment for the server (a spec's own registry test servers, its movable clock). */
  isolatedServerEnv: [{}, { option: true }],
  isolatedServer: [
    async ({ isolatedServerEnv }, use, testInfo) => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'model-approval-e2e-isolated-'));
      const port = await freePort();
      const baseURL = `http://localhost:${port}`;
      const child = spawn(process.execPath, [path.join(root, 'scripts/e2e-server.ts')], {
        cwd: root,
        env: { ...process.env, ...isolatedServerEnv, E2E_PORT: String(port), E2E_DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const collect = (chunk: Buffer) => (output += chunk.toString());
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      try {
        await waitForHealth(child, baseURL, () => output);
        await use({ baseURL, dataDir });
      } finally {
        await stop(child);
        rmSync(dataDir, { recursive: true, force: true });
        if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('isolated-server.log', { body: output, contentType: 'text/plain' });
      }
    },
    { timeout: startTimeoutMs + stopTimeoutMs + 5_000 },
  ],
  baseURL: async ({ isolatedServer }, use) => {
    await use(isolatedServer.baseURL);
  },
});

export { expect } from './test.ts';
