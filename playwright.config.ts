// End-to-end tests drive a production build (npm run build) served by the real server
// with a fresh, empty DATA_DIR, in Debian's Chromium: Playwright's own browser
// download is not reachable from CI, and the system build is the same engine.
// A spec that tampers with the database file gets a server and a data folder of its own
// (e2e/support/isolated-server.ts); no spec can reach the shared server's folder.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, devices, type Project } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/browser-server.ts';

const port = Number(process.env.E2E_PORT ?? 4273);
const baseURL = `http://localhost:${port}`;
const isCI = Boolean(process.env.CI);
// `npm test` builds dist/ just before, in the e2e tests' own lane (decision 0124), and says so with
// E2E_BUILT=1; any other run builds it here first.
const builtAlready = process.env.E2E_BUILT === '1';
if (builtAlready && !existsSync(path.join(import.meta.dirname, 'dist', 'index.html'))) throw new Error('E2E_BUILT=1 but dist/index.html is missing: run npm run build first.');
const testDir = 'e2e';

// Order independence: no spec may need another's leftovers. Playwright runs the spec files in
// name order; E2E_ORDER=reverse runs them last to first (npm run test:e2e does, and so CI),
// so every pair of specs has run in both orders once both runs pass. Playwright has no
// reverse switch: the reverse run lists one project per spec file, and with one worker the
// projects run in the order listed. Each file then starts a worker of its own (a worker never
// serves two projects); the browser they connect to is one for the run (decision 0194).
const order = process.env.E2E_ORDER ?? 'name';
if (order !== 'name' && order !== 'reverse') throw new Error(`E2E_ORDER must be "name" or "reverse", not "${order}"`);
const testMatch = '**/*.spec.ts';
const specFiles = readdirSync(path.join(import.meta.dirname, testDir), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.spec.ts'))
  .sort();

const chromium: Project = {
  name: 'chromium',
  // launchOptions count only when a worker launches a browser itself, which it does not when
  // global set-up shares one (e2e/support/browser-server.ts); they are the same options.
  use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions },
};

export default defineConfig({
  testDir,
  testMatch,
  // One Chromium for the run, shared by the workers (one per spec file in the reverse order).
  globalSetup: './e2e/support/browser-server.ts',
  forbidOnly: isCI,
  retries: 0,
  // A guard against a hang, not a speed check: the longest specs (several axe runs and ten
  // screenshots) take 12–16 s alone and passed 30 s with two workers beside the other lanes.
  timeout: 90_000,
  // One worker on CI: the tests share one server and its data folder.
  workers: isCI ? 1 : 2,
  reporter: 'list',
  use: {
    baseURL,
    // With retries at 0 an on-first-retry trace would never be recorded, so say so.
    trace: 'off',
  },
  projects: order === 'reverse' ? specFiles.toReversed().map((file) => ({ ...chromium, testMatch: file })) : [chromium],
  webServer: {
    command: builtAlready ? 'node scripts/e2e-server.ts' : 'npm run build && node scripts/e2e-server.ts',
    url: `${baseURL}/api/health`,
    env: { E2E_PORT: String(port) },
    reuseExistingServer: false,
    timeout: 180_000,
    // The default is SIGKILL, which would skip e2e-server.ts removing its temp DATA_DIR.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
