import { serve } from '@hono/node-server';
import { loadConfig } from './config.ts';
import { openStore } from './db/open-store.ts';
import { serverDeps } from './deps.ts';
import { createApp } from './app.ts';
import { startWebhookDispatcher } from './webhook-dispatcher.ts';
import { seedDemo, demoAccounts } from '../domain/api/seed-demo.ts';

// Start-up: read configuration, open and migrate the database, seed demo data into an
// empty one, serve app and API on one port, print the address.

const config = loadConfig();
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

const app = createApp(deps, { staticDir: config.STATIC_DIR });
// webhooks: queued deliveries are sent from here, never from a request.
const dispatcher = startWebhookDispatcher({ store, intervalMs: config.WEBHOOK_DISPATCH_INTERVAL_MS, backoffBaseMs: config.WEBHOOK_BACKOFF_BASE_MS });
const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  const where = config.DATABASE_URL ? 'PostgreSQL' : `SQLite in ${config.DATA_DIR}`;
  log(`Model approval is running at http://${config.HOST}:${info.port}/ (database: ${where})`);
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
    void dispatcher
      .stop()
      .then(() => store.close())
      .then(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
