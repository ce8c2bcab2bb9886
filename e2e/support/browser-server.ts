// Global set-up: one Chromium for the whole run, which every Playwright worker connects to
// instead of launching its own. The reverse order (E2E_ORDER=reverse, as CI runs) makes one
// project per spec file, so one worker per file, and each worker used to start a browser of
// its own and close it again (decision 0194). Each test still gets a new browser context, so
// nothing (cookies, storage, permissions) passes from one test to the next.
import { chromium, type LaunchOptions } from '@playwright/test';

/** Playwright's own switch: with it set, the `browser` fixture connects instead of launching. */
const endpointVariable = 'PW_TEST_CONNECT_WS_ENDPOINT';

export const chromiumLaunchOptions: LaunchOptions = {
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
};

export default async function startSharedBrowser(): Promise<(() => Promise<void>) | undefined> {
  // A browser given from outside (PW_TEST_CONNECT_WS_ENDPOINT already set) is used as it is.
  if (process.env[endpointVariable]) return undefined;
  const server = await chromium.launchServer(chromiumLaunchOptions);
  // Workers are started after global set-up and inherit the runner's environment.
  process.env[endpointVariable] = server.wsEndpoint();
  return async () => {
    await server.close();
  };
}
