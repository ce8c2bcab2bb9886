// A database for the server load: the demo data, then the 1,000-package inventory, written
// before any server process opens it (so none of them seeds it, and none races another).
import { seedDemo } from '#demo/seed-demo.ts';
import { openStore } from '#server/db/open-store.ts';
import { keyFilePath } from '#server/config.ts';
import { loadServerKeys } from '#server/key-file.ts';
import { useServerKey } from '#api/signing/server-key.ts';
import { serverDeps } from '#server/deps.ts';
import { writeInventory, type InventoryPlan } from './generate-inventory.ts';
import { refreshSummaries } from '#api/package-access/summaries.ts';
import pg from 'pg';

export interface PreparedDatabase {
  /** Migrating and writing the demo data. */
  seedMs: number;
  /** Writing the inventory, audit entries included. */
  inventoryMs: number;
  auditEntries: number;
}

export async function prepareLoadDatabase(location: { dataDir: string; databaseUrl?: string }, plan: InventoryPlan, password: string, passwordHash: string): Promise<PreparedDatabase> {
  let start = performance.now();
  const store = await openStore(location);
  try {
    // The key file the server processes started on this folder will sign with (server/key-file.ts).
    useServerKey(store, await loadServerKeys(store, { path: keyFilePath({ DATA_DIR: location.dataDir, KEY_FILE: undefined }), now: () => new Date() }));
    const deps = serverDeps(store, { sessionTtlHours: 12 });
    await seedDemo(store, { password, passwords: deps.passwords, now: new Date(), randomToken: deps.randomToken });
    const seedMs = performance.now() - start;
    start = performance.now();
    const { auditEntries } = await writeInventory(store, plan, { passwordHash });
    // A deployment that has been running keeps its inbox summaries computed as it goes (decision
    // record 0129): the inventory is measured that way, not in the one-off fill after migration 036.
    await refreshSummaries(store, new Date());
    const inventoryMs = performance.now() - start;
    // A deployment's PostgreSQL has had autovacuum pass over its tables; one measured seconds
    // after a bulk write has not: no planner statistics yet, and every summary row refreshed
    // above still beside its dead placeholder version. The inbox's backend CPU per call was 3.7 ms
    // then against 0.95 ms once autovacuum had run (docs/decisions/0148). What autovacuum would do, now.
    if (location.databaseUrl) await vacuumAnalyze(location.databaseUrl);
    return { seedMs, inventoryMs, auditEntries };
  } finally {
    await store.close();
  }
}

async function vacuumAnalyze(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('vacuum analyze');
  } finally {
    await client.end();
  }
}
