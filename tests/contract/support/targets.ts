import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getResponse } from 'msw';
import { createMockApi } from '#mocks/handlers.ts';
import { openStore } from '#server/db/open-store.ts';
import { serverDeps } from '#server/deps.ts';
import { createApp } from '#server/app.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import { copyMigratedSqlite, createMigratedTestDatabase } from '../../support/migrated-templates.ts';
import { demoSeedPasswords } from '../../support/demo-seed-passwords.ts';
import type { ApiDeps } from '#api/kernel/context.ts';
import type { AllowEntry } from '#domain/webhooks/address.ts';
import type { RegistryConnectors } from '#api/kernel/registry-port.ts';
import type { Target } from './client.ts';

/** Lets a scenario move the API's clock forward: handlers read `deps.now()` on every call. */
function clockOf(deps: ApiDeps): (ms: number) => void {
  let offset = 0;
  const real = deps.now;
  deps.now = () => new Date(real().getTime() + offset);
  return (ms) => {
    offset += ms;
  };
}

export async function mockTarget(options: Pick<ServerTargetOptions, 'monitoring' | 'mail'> = {}): Promise<Target> {
  const api = createMockApi({ cookieJar: false, ...options });
  await api.ready;
  return {
    async fetch(request) {
      const response = await getResponse(api.handlers, request);
      if (!response) throw new Error(`The mocks have no handler for ${request.method} ${request.url}`);
      return response;
    },
    close: () => Promise.resolve(),
    store: api.deps.store,
    advanceClock: clockOf(api.deps),
  };
}

/** What a scenario's server may be configured with beyond the defaults. */
export interface ServerTargetOptions {
  /** WEBHOOK_ALLOWED_HOSTS: for receivers on this machine. */
  webhookAllowList?: readonly AllowEntry[];
  /** TRUST_PROXY: each request's client address from its X-Forwarded-For (throttling tests). */
  trustProxy?: boolean;
  /** WRITE_RATE_LIMIT_PER_MINUTE. */
  writesPerMinute?: number;
  /** RECORD_RATE_LIMIT_PER_MINUTE. */
  recordBuildsPerMinute?: number;
  /** Connected model registries (an MLflow test double on localhost). */
  registries?: RegistryConnectors;
  /** The monitoring alert intake's secret (MONITORING_WEBHOOK_SECRET). */
  monitoring?: ApiDeps['monitoring'];
  /** Mail on (SMTP_HOST): messages wait in the outbox; the scenarios read them from the store. */
  mail?: ApiDeps['mail'];
}

async function serverTarget(location: { databaseUrl?: string; dataDir: string }, cleanup: () => Promise<void>, options: ServerTargetOptions = {}): Promise<Target> {
  const store = await openStore(location);
  const { trustProxy, ...depsOptions } = options;
  const deps = serverDeps(store, { sessionTtlHours: 12, ...depsOptions });
  await seedDemo(store, { password: 'demo-password', passwords: demoSeedPasswords(deps.passwords), now: new Date(), randomToken: deps.randomToken });
  const app = createApp(deps, { trustProxy: trustProxy ?? false });
  return {
    fetch: async (request) => app.fetch(request),
    store,
    advanceClock: clockOf(deps),
    async close() {
      await store.close();
      await cleanup();
    },
  };
}

export function sqliteTarget(options: ServerTargetOptions = {}): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'contract-sqlite-'));
  copyMigratedSqlite(dataDir);
  return serverTarget(
    { dataDir },
    () => {
      rmSync(dataDir, { recursive: true, force: true });
      return Promise.resolve();
    },
    options,
  );
}

export async function postgresTarget(adminUrl: string, options: ServerTargetOptions = {}): Promise<Target> {
  const database = await createMigratedTestDatabase(adminUrl);
  return serverTarget({ databaseUrl: database.url, dataDir: '/nonexistent' }, () => database.drop(), options);
}
