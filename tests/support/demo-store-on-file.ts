import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '#api/store/store.ts';
import { seedDemo, type SeedOptions } from '#demo/seed-demo.ts';
import { cheapPasswords } from '#mocks/cheap-passwords.ts';
import { openStore } from '#server/db/open-store.ts';
import type { Defer } from './cleanups.ts';

/**
 * A SQLite store on a file in a fresh data folder, seeded with the demo data (cheap password
 * hashes), for tests that also open that file themselves. `defer` closes the store and removes
 * the folder. `seed`: the seed's clock (now by default) and whether it assesses risk.
 */
export async function demoStoreOnFile(defer: Defer, folderPrefix: string, { now = new Date(), ...seed }: Pick<SeedOptions, 'riskAssessments'> & { now?: Date } = {}): Promise<{ store: Store; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), folderPrefix));
  const store = await openStore({ dataDir });
  defer(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  await seedDemo(store, { password: 'demo-password', passwords: cheapPasswords, now, randomToken: () => crypto.randomUUID().replace(/-/g, ''), ...seed });
  return { store, dataDir };
}
