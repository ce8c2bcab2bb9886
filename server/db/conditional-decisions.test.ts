import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { seedDemo } from '#demo/seed-demo.ts';
import { cheapPasswords } from '#mocks/cheap-passwords.ts';
import { openStore } from './open-store.ts';

// The re-review sweep's read (docs/decisions/0148): the decisions with conditions, through the
// partial index of migration 047, are exactly those of every decision that carry conditions.

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it('lists exactly the decisions with conditions, oldest first', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'conditional-decisions-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const store = await openStore({ dataDir });
  cleanups.push(() => store.close());
  await seedDemo(store, { password: 'demo-password', passwords: cheapPasswords, now: new Date(), randomToken: () => crypto.randomUUID().replace(/-/g, '') });

  const every = await store.listDecisions('all');
  const expected = every.filter((d) => d.conditions !== null);
  // The demo holds both kinds, or the comparison proves nothing.
  expect(expected.length).toBeGreaterThan(0);
  expect(every.length).toBeGreaterThan(expected.length);
  expect(await store.listDecisionsWhere({ withConditions: true })).toEqual(expected);
});
