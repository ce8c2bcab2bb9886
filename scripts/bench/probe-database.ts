// The written inventory a probe's servers read (read-probe.ts, tail-probe.ts): a data folder and,
// on PostgreSQL, a throwaway cluster with a fresh database; `close` takes all of it away again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scryptPasswords } from '#server/auth/scrypt-passwords.ts';
import { createTestDatabase, startPostgresCluster, type PostgresCluster } from '#tests/support/postgres-cluster.ts';
import type { InventoryPlan } from './generate-inventory.ts';
import { prepareLoadDatabase } from './load-database.ts';

export interface ProbeDatabase {
  dataDir: string;
  databaseUrl: string | undefined;
  location: { dataDir: string; databaseUrl?: string };
  close: () => Promise<void>;
}

export async function probeDatabase(plan: InventoryPlan, options: { onPostgres: boolean; prefix: string; password: string }): Promise<ProbeDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), options.prefix));
  let cluster: PostgresCluster | undefined;
  let databaseUrl: string | undefined;
  let drop = () => Promise.resolve();
  if (options.onPostgres) {
    cluster = await startPostgresCluster();
    const database = await createTestDatabase(cluster.url);
    databaseUrl = database.url;
    drop = () => database.drop();
  }
  const location = { dataDir, ...(databaseUrl ? { databaseUrl } : {}) };
  await prepareLoadDatabase(location, plan, options.password, await scryptPasswords.hash(options.password));
  return {
    dataDir,
    databaseUrl,
    location,
    close: async () => {
      await drop();
      await cluster?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
