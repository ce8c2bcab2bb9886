import { serve } from '@hono/node-server';
import { loadConfig } from './config.ts';
import { openStore } from './db/open-store.ts';
import { serverDeps } from './deps.ts';
import { createApp } from './app.ts';
import { oidcSettingsFrom } from './auth/oidc-settings.ts';
import { startWebhookDispatcher } from './timers/webhook-dispatcher.ts';
import { startReReviewSweep } from './timers/re-review-sweep.ts';
import { seedDemo, demoAccounts } from '#demo/seed-demo.ts';
import { newId } from '#api/kernel/new-id.ts';

// Start-up: read configuration, open and migrate the database, seed demo data into an
// empty one, serve app and API on one port, print the address.

const config = loadConfig();
// A half-configured provider stops the start, not a user's log-in.
const oidc = oidcSettingsFrom(config);
const log = (line: string) => {
  if (config.LOG_LEVEL !== 'silent') console.log(line);
};

const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
const deps = serverDeps(store, { sessionTtlHours: config.SESSION_TTL_HOURS });
let seeded = false;
try {
  seeded = await seedDemo(store, { password: config.DEMO_PASSWORD, passwords: deps.passwords, now: new Date(), randomToken: deps.randomToken });
} catch (error) {
  // Another instance seeding the same PostgreSQL at the same moment wins; we carry on.
  if ((await store.listUsers()).length === 0) throw error;
}

const app = createApp(deps, { staticDir: config.STATIC_DIR, oidc });
// Queued deliveries are sent from here, never from a request.
const dispatcher = startWebhookDispatcher({ store, intervalMs: config.WEBHOOK_DISPATCH_INTERVAL_MS, backoffBaseMs: config.WEBHOOK_BACKOFF_BASE_MS });
// Announces re-reviews that fell due, now and then every interval.
const reReviewSweep = startReReviewSweep({ store, intervalMs: config.RE_REVIEW_SWEEP_INTERVAL_MS, newId: () => newId(deps) });
const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  const where = config.DATABASE_URL ? 'PostgreSQL' : `SQLite in ${config.DATA_DIR}`;
  log(`Model approval is running at http://${config.HOST}:${info.port}/ (database: ${where})`);
  if (oidc) log(`Single sign-on: ${oidc.issuer.href} (redirect URI: <this origin>/api/auth/oidc/callback)`);
  if (seeded) {
    log(`Demo data written. Sign in as any of: ${demoAccounts.map((a) => a.email).join(', ')}`);
    log(`Demo password: ${config.DEMO_PASSWORD}`);
  }
});

let closing = false;
function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log(`${signal}: closing`);
  server.close(() => {
    void Promise.all([dispatcher.stop(), reReviewSweep.stop()])
      .then(() => store.close())
      .then(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
