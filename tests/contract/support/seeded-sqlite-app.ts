import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Hono } from 'hono';
import { seedDemo } from '#demo/seed-demo.ts';
import type { Store } from '#api/store/store.ts';
import { cheapPasswords } from '#mocks/cheap-passwords.ts';
import { createApp } from '#server/app.ts';
import { openStore, sqliteFile } from '#server/db/open-store.ts';
import { serverDeps, type ServerDepsOptions } from '#server/deps.ts';
import type { Target } from './client.ts';
import type { Defer } from '../../support/cleanups.ts';
import { copyMigratedSqlite } from '../../support/migrated-templates.ts';

export interface SeededSqliteApp {
  store: Store;
  app: Hono;
  /** The app as the contract suite's Target, for its Client. */
  target: Target;
  /** A second connection to the same file, as an attacker who has the database itself. */
  openFile: () => DatabaseSync;
}

/**
 * The real server app in-process on a fresh SQLite file with the demo data. Passwords are
 * hashed cheaply: these tests are about what the server does with its data, not sign-in.
 */
/** `now`: the server's clock, for tests that move it (instances whose clocks disagree); absent, the real one. */
export type SeededSqliteOptions = Omit<ServerDepsOptions, 'sessionTtlHours'> & { now?: () => Date };

export async function seededSqliteApp(defer: Defer, { now, ...options }: SeededSqliteOptions = {}): Promise<SeededSqliteApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'seeded-sqlite-app-'));
  copyMigratedSqlite(dataDir);
  const store = await openStore({ dataDir });
  defer(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const deps = { ...serverDeps(store, { sessionTtlHours: 1, ...options }), passwords: cheapPasswords, ...(now ? { now } : {}) };
  await seedDemo(store, { password: 'demo-password', passwords: cheapPasswords, now: new Date(), randomToken: deps.randomToken });
  const app = createApp(deps);
  const target: Target = { fetch: async (request) => app.fetch(request), store, close: () => Promise.resolve(), advanceClock: () => undefined };
  const openFile = () => {
    const db = new DatabaseSync(sqliteFile(dataDir));
    // The server may hold a write lock: wait for it rather than fail.
    db.exec('PRAGMA busy_timeout = 5000');
    defer(() => db.close());
    return db;
  };
  return { store, app, target, openFile };
}
