import { randomBytes } from 'node:crypto';
import type { Store } from '#api/store/store.ts';
import type { ApiDeps } from '#api/kernel/context.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import { demoWanted, type Config } from './config.ts';

// What a start writes into an empty database. A demo start writes the demo accounts and
// packages; a production start writes nothing but the hash of a one-time setup secret, which
// it prints, and which creates the first administrator (POST /api/setup, the /setup page).

export type FirstStart = { kind: 'demo'; seeded: boolean } | { kind: 'production'; setupSecret: string | null };

export async function prepareFirstStart(store: Store, config: Config, deps: Pick<ApiDeps, 'passwords' | 'randomToken'>): Promise<FirstStart> {
  if (demoWanted(config)) {
    try {
      return { kind: 'demo', seeded: await seedDemo(store, { password: config.DEMO_PASSWORD, passwords: deps.passwords, now: new Date(), randomToken: deps.randomToken, riskAssessments: true }) };
    } catch (error) {
      // Another instance seeding the same PostgreSQL at the same moment wins; we carry on.
      if ((await store.countUsers()) === 0) throw error;
      return { kind: 'demo', seeded: false };
    }
  }
  if ((await store.countUsers()) > 0) return { kind: 'production', setupSecret: null };
  // A new secret at each start until setup is done: one printed before a restart stops working.
  const setupSecret = randomBytes(24).toString('base64url');
  await store.putSetupSecret(await sha256Hex(setupSecret), new Date().toISOString());
  return { kind: 'production', setupSecret };
}
