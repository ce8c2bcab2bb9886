// Serves the app for Playwright with a brand-new, empty data folder, so every e2e run
// starts from the same state and never reads or writes a developer's data/. A spec that
// tampers with the database file gets one of these of its own (e2e/support/isolated-server.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'model-approval-e2e-'));
process.env.DATA_DIR = dataDir;
process.env.PORT = process.env.E2E_PORT ?? '4273';
process.env.HOST = 'localhost';
// Sweep every second, so a spec sees a due re-review announced quickly.
process.env.RE_REVIEW_SWEEP_INTERVAL_MS ??= '1000';

function removeDataDir(): void {
  rmSync(dataDir, { recursive: true, force: true });
}

process.on('exit', removeDataDir);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    // If the server installed its own handler for a graceful shutdown, let it finish;
    // the 'exit' handler still removes the folder. Otherwise exit as the signal would have.
    if (process.listenerCount(signal) > 0) return;
    process.exit(128 + os.constants.signals[signal]);
  });
}

// A real OpenID Provider on another localhost port, and the app
// configured for it (e2e/oidc.spec.ts). Closed when this process ends.
const { e2eSso, startTestProvider } = await import('#tests/support/oidc-provider.ts');
const oidcProvider = await startTestProvider({ redirectUris: [`http://localhost:${process.env.PORT}/api/auth/oidc/callback`], accounts: { [e2eSso.login]: e2eSso.account } });
process.env.OIDC_ISSUER = oidcProvider.issuer;
process.env.OIDC_CLIENT_ID = oidcProvider.clientId;
process.env.OIDC_ROLE_MAP = e2eSso.roleMap;
process.env.OIDC_DISPLAY_NAME = e2eSso.displayName;
console.log(`[e2e-server] OIDC_ISSUER=${oidcProvider.issuer}`);

console.log(`[e2e-server] DATA_DIR=${dataDir} PORT=${process.env.PORT}`);

// server/main.ts reads its configuration from process.env when imported, so it is
// imported only after the variables above are set (a static import would run first).
await import('#server/main.ts');
