import { afterAll, beforeAll, inject } from 'vitest';
import type { ApiDeps } from '#api/kernel/context.ts';
import type { Store } from '#api/store/store.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import { createApp } from '#server/app.ts';
import { openStore } from '#server/db/open-store.ts';
import { serverDeps } from '#server/deps.ts';
import { currentServerKey, useServerKey } from '#api/signing/server-key.ts';
import type { Target } from './client.ts';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-cluster.ts';

// Two API instances on one fresh PostgreSQL database, as two servers behind a load balancer:
// the first seeds the demo data. For the race tests of rules guarded by a lock or a count.

export interface ApiInstance {
  target: Target;
  store: Store;
}

/** What both instances are configured with beyond the defaults. */
export interface InstanceOptions {
  monitoring?: ApiDeps['monitoring'];
}

async function instance(databaseUrl: string, seed: boolean, options: InstanceOptions): Promise<ApiInstance> {
  const store = await openStore({ databaseUrl, dataDir: '/nonexistent' });
  const deps: ApiDeps = serverDeps(store, { sessionTtlHours: 12, ...options });
  if (seed) await seedDemo(store, { password: 'demo-password', passwords: deps.passwords, now: new Date(), randomToken: deps.randomToken });
  const app = createApp(deps);
  return { store, target: { fetch: async (request) => app.fetch(request), store, advanceClock: () => undefined, close: () => store.close() } };
}

/** Registers the hooks of a describe block; the instances are there once beforeAll has run. */
export function twoInstancesOnPostgres(options: InstanceOptions = {}): { readonly first: ApiInstance; readonly second: ApiInstance } {
  let database: TestDatabase | undefined;
  let pair: [ApiInstance, ApiInstance] | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(inject('databaseUrl'));
    pair = [await instance(database.url, true, options), await instance(database.url, false, options)];
    // Two servers of one deployment share the key file: the key never lives in the database.
    useServerKey(pair[1].store, await currentServerKey(pair[0].store, () => new Date()));
  });
  afterAll(async () => {
    await pair?.[0].target.close();
    await pair?.[1].target.close();
    await database?.drop();
  });
  const ready = () => {
    if (!pair) throw new Error('The instances start in beforeAll');
    return pair;
  };
  return {
    get first() {
      return ready()[0];
    },
    get second() {
      return ready()[1];
    },
  };
}
