// End-to-end tests drive a production build (npm run build) served by the real server
// with a fresh, empty DATA_DIR, in Debian's Chromium: Playwright's own browser
// download is not reachable from CI, and the system build is the same engine.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4273);
const baseURL = `http://localhost:${port}`;
const isCI = Boolean(process.env.CI);
// The server's data folder, known to the tests too: one spec plays an attacker with access
// to the database file. Set here so the runner and its workers inherit it.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'model-approval-e2e-'));

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: isCI,
  retries: 0,
  // One worker on CI: the tests share one server and its data folder.
  workers: isCI ? 1 : 2,
  reporter: 'list',
  use: {
    baseURL,
    // With retries at 0 an on-first-retry trace would never be recorded, so say so.
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
          args: [
            // Root in a container has no user namespaces for the sandbox.
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            // No calls home: the CI machine has no internet and must not wait on it.
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'npm run build && node scripts/e2e-server.ts',
    url: `${baseURL}/api/health`,
    env: { E2E_PORT: String(port), E2E_DATA_DIR: process.env.E2E_DATA_DIR },
    reuseExistingServer: false,
    timeout: 180_000,
    // The default is SIGKILL, which would skip e2e-server.ts removing its temp DATA_DIR.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
