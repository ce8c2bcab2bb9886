import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { keyFilePath, loadConfig, smtpSettingsFrom } from './config.ts';
import { openStore } from './db/open-store.ts';
import { serverDeps } from './deps.ts';
import { createApp } from './app.ts';
import { versionReadPath } from './version-read-path.ts';
import { oidcSettingsFrom } from './auth/oidc-settings.ts';
import { samlSettingsFrom } from './auth/saml-settings.ts';
import { startWebhookDispatcher } from './timers/webhook-dispatcher.ts';
import { startRegistryWriteBacks } from './timers/registry-write-back.ts';
import { registryConnectorsFrom } from './registries/connectors.ts';
import { startRegistryPolling } from './timers/registry-poll.ts';
import { startReReviewSweep } from './timers/re-review-sweep.ts';
import { startFindingDueSweep } from './timers/finding-due-sweep.ts';
import { startObligationLapseSweep } from './timers/obligation-lapse-sweep.ts';
import { startCleanup } from './timers/cleanup.ts';
import { startMailer } from './timers/mailer.ts';
import { startWitnessing } from './timers/witnesses.ts';
import { startGovernanceSnapshots } from './timers/governance-snapshot.ts';
import { smtpSender } from './mail/smtp.ts';
import { createWorkerPool } from './workers/worker-pool.ts';
import { demoAccounts } from '#demo/seed-demo.ts';
import { prepareFirstStart } from './first-start.ts';
import { newId } from '#api/kernel/new-id.ts';
import { useServerKey } from '#api/signing/server-key.ts';
import { KeyFileRefused, loadServerKeys } from './key-file.ts';
import type { DocumentKey } from './pdf/document-key.ts';

// Start-up: read configuration, open and migrate the database, seed demo data into an
// empty one, serve app and API on one port, print the address.

const config = loadConfig();
// A half-configured provider stops the start, not a user's log-in.
const oidc = oidcSettingsFrom(config);
// The IdP's metadata is read (or fetched) once, here.
const saml = await samlSettingsFrom(config);
const log = (line: string) => {
  if (config.LOG_LEVEL !== 'silent') console.log(line);
};

const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
// The signing key comes from its file, before anything is signed (the demo seed countersigns).
let keyFileMessage: string;
let documentKey: DocumentKey;
try {
  const loaded = await loadServerKeys(store, { path: keyFilePath(config), now: () => new Date() });
  useServerKey(store, loaded);
  keyFileMessage = loaded.message;
  documentKey = loaded.documentKey;
} catch (error) {
  if (!(error instanceof KeyFileRefused)) throw error;
  console.error(`Not starting: ${error.message}`);
  await store.close();
  process.exit(1);
}
// The record export (diffs, canonical form, signature) on worker threads: a large package never holds the event loop.
const compute = createWorkerPool({ workers: config.COMPUTE_WORKERS, queue: config.COMPUTE_QUEUE, budgetMs: config.COMPUTE_BUDGET_SECONDS * 1000, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
const smtp = smtpSettingsFrom(config);
// Model registries (MLflow, SageMaker), their credentials from the environment or secrets files.
const registries = registryConnectorsFrom(config);
const monitoringSecret = config.MONITORING_WEBHOOK_SECRET ?? (config.MONITORING_WEBHOOK_SECRET_FILE ? readFileSync(config.MONITORING_WEBHOOK_SECRET_FILE, 'utf8').trim() : undefined);
const deps = serverDeps(store, { ...(monitoringSecret ? { monitoring: { secret: monitoringSecret } } : {}), mail: { enabled: smtp !== null, digestHourUtc: config.MAIL_DIGEST_HOUR_UTC }, registries, compute, sessionTtlHours: config.SESSION_TTL_HOURS, sessionIdleMinutes: config.SESSION_IDLE_MINUTES, publicOrigin: config.PUBLIC_URL, webhookAllowList: config.WEBHOOK_ALLOWED_HOSTS, writesPerMinute: config.WRITE_RATE_LIMIT_PER_MINUTE, recordBuildsPerMinute: config.RECORD_RATE_LIMIT_PER_MINUTE, documentKey });
const firstStart = await prepareFirstStart(store, config, deps);

const app = createApp(deps, { staticDir: config.STATIC_DIR, oidc, saml, trustProxy: config.TRUST_PROXY });
// Queued deliveries are sent from here, never from a request.
const dispatcher = startWebhookDispatcher({ store, intervalMs: config.WEBHOOK_DISPATCH_INTERVAL_MS, backoffBaseMs: config.WEBHOOK_BACKOFF_BASE_MS, allowList: config.WEBHOOK_ALLOWED_HOSTS });
// Decisions written back to the registries their packages came from, with retries.
const registryWriteBacks = startRegistryWriteBacks({ store, registries, intervalMs: config.REGISTRY_WRITEBACK_INTERVAL_MS, backoffBaseMs: config.WEBHOOK_BACKOFF_BASE_MS, publicOrigin: config.PUBLIC_URL });
// The intake's polling fallback: registry versions whose event was missed become drafts all the same.
const registryPolling = registries.list().length > 0 ? startRegistryPolling({ deps, intervalMs: config.REGISTRY_POLL_INTERVAL_MS, lookbackHours: config.REGISTRY_POLL_LOOKBACK_HOURS }) : null;
// Announces re-reviews that fell due, now and then every interval.
const reReviewSweep = startReReviewSweep({ store, intervalMs: config.RE_REVIEW_SWEEP_INTERVAL_MS, newId: () => newId(deps) });
// Reminds findings' owners of due dates (a week ahead, then overdue), on the re-review sweep's interval.
const findingDueSweep = startFindingDueSweep({ store, intervalMs: config.RE_REVIEW_SWEEP_INTERVAL_MS });
// Lapses the conditions of approvals past their due date (decision record 0111), on the same interval.
const obligationLapseSweep = startObligationLapseSweep({ store, intervalMs: config.RE_REVIEW_SWEEP_INTERVAL_MS, newId: () => newId(deps) });
// Expired sessions, nonces, passkey challenges and old sign-in failures, now and then every interval.
const cleanup = startCleanup({ store, intervalMs: config.CLEANUP_INTERVAL_MS });
// The governance figures' monthly snapshot (docs/decisions/0136), on the re-review sweep's interval.
const governanceSnapshots = startGovernanceSnapshots({ store, intervalMs: config.RE_REVIEW_SWEEP_INTERVAL_MS });
// Each new checkpoint sent to the configured witnesses for their cosignatures (docs/decisions/0105).
const witnessing = config.WITNESSES && config.PUBLIC_URL ? startWitnessing({ store, witnesses: config.WITNESSES, publicOrigin: config.PUBLIC_URL, intervalMs: config.WITNESS_INTERVAL_MS }) : null;
// Email only when SMTP is configured: otherwise nothing is queued and nothing is sent.
const mailer =
  smtp && config.PUBLIC_URL
    ? startMailer({ store, sender: smtpSender(smtp), intervalMs: config.MAIL_INTERVAL_MS, backoffBaseMs: config.MAIL_BACKOFF_BASE_MS, baseUrl: config.PUBLIC_URL, digestHourUtc: config.MAIL_DIGEST_HOUR_UTC, newId: () => newId(deps) })
    : null;
// Version reads that plainly succeed are answered in front of the Hono listener (0190); every other request goes through it.
const honoListener = getRequestListener(app.fetch, { hostname: config.HOST });
// Hono's listener answers its own errors; its promise only says when it is done.
const server = createServer(versionReadPath(deps, (req, res) => void honoListener(req, res)));
server.listen(config.PORT, config.HOST, () => {
  const info = server.address() as AddressInfo;
  const where = config.DATABASE_URL ? 'PostgreSQL' : `SQLite in ${config.DATA_DIR}`;
  log(`Model approval is running at http://${config.HOST}:${info.port}/ (database: ${where})`);
  log(keyFileMessage);
  if (config.PUBLIC_URL) log(`Public URL: ${config.PUBLIC_URL}/ (origin checks, passkeys and cookies follow it)`);
  log(smtp ? `Email: through ${smtp.host}:${smtp.port} from ${smtp.from}, digest at ${config.MAIL_DIGEST_HOUR_UTC}:00 UTC` : 'Email: off (no SMTP_HOST)');
  for (const r of registries.list()) log(`Model registry ${r.id} (${r.kind}): ${r.url}; intake at ${config.PUBLIC_URL ?? '<this origin>'}/api/registries/${r.id}/${r.kind === 'mlflow' ? 'mlflow/webhook' : 'sagemaker/events'}`);
  if (oidc) log(`Single sign-on: ${oidc.issuer.href} (redirect URI: ${config.PUBLIC_URL ?? '<this origin>'}/api/auth/oidc/callback)`);
  if (saml) log(`SAML single sign-on: IdP ${saml.idp.entityId} (SP metadata: ${config.PUBLIC_URL ?? '<this origin>'}/api/auth/saml/metadata)`);
  if (firstStart.kind === 'demo') {
    log('This is a DEMO: published demo accounts and demo data. For real use start with DEMO=false (npm run start:production).');
    if (firstStart.seeded) log(`Demo data written. Sign in as any of: ${demoAccounts.map((a) => a.email).join(', ')} (password: ${config.DEMO_PASSWORD})`);
  } else if (firstStart.setupSecret) {
    log(`No account yet. Open http://${config.HOST}:${info.port}/setup and enter this one-time setup secret to create the first administrator:`);
    log(`  ${firstStart.setupSecret}`);
  }
});

let closing = false;
function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log(`${signal}: closing`);
  server.close(() => {
    void Promise.all([dispatcher.stop(), registryWriteBacks.stop(), registryPolling?.stop(), reReviewSweep.stop(), findingDueSweep.stop(), obligationLapseSweep.stop(), cleanup.stop(), governanceSnapshots.stop(), mailer?.stop(), witnessing?.stop(), compute.close()])
      .then(() => store.close())
      .then(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
