import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '#domain/package/content-hash.ts';
import { seedDemo } from '#demo/seed-demo.ts';
import { loadPackageFacts, summarize } from '#api/package-access/views.ts';
import { verifyAuditChain } from '#domain/audit/verify-chain.ts';
import { businessLineKey } from '#domain/text/business-line.ts';
import { openStore } from '#server/db/open-store.ts';
import { serverDeps } from '#server/deps.ts';
import { inventoryDigest, planInventory, writeInventory } from './generate-inventory.ts';
import { generatePackage, reviseSections } from './generate-package.ts';

const now = new Date('2026-03-01T12:00:00.000Z');
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the benchmark fixtures', () => {
  it('plan the same inventory for the same seed and another for another seed', async () => {
    const first = await inventoryDigest(await planInventory({ packages: 40, seed: 5, now }));
    expect(await inventoryDigest(await planInventory({ packages: 40, seed: 5, now }))).toBe(first);
    expect(await inventoryDigest(await planInventory({ packages: 40, seed: 6, now }))).not.toBe(first);
  });

  it('spread an inventory over models, owners, tiers, versions, decisions and threads', async () => {
    const plan = await planInventory({ packages: 200, seed: 2, now });
    const packages = plan.packages;
    expect(new Set(packages.map((p) => p.ownerId)).size).toBeGreaterThan(10);
    expect(new Set(packages.map((p) => p.modelKey)).size).toBeGreaterThan(40);
    expect(new Set(packages.map((p) => p.riskTier))).toEqual(new Set([1, 2, 3, 4]));
    expect(new Set(packages.map((p) => p.versions.length))).toEqual(new Set([1, 2, 3]));
    expect(packages.filter((p) => p.threads.length > 0).length).toBeGreaterThan(20);
    // Some packages wait on a step, others are approved through the chain.
    expect(packages.some((p) => p.approvedSteps < p.steps.length)).toBe(true);
    expect(packages.some((p) => p.approvedSteps === p.steps.length)).toBe(true);
    expect(new Set(packages.map((p) => `${p.modelKey}@${p.versionLabel}`)).size).toBe(packages.length);
  });

  it('change the given share of sections in a resubmission, the same ones for the same seed', async () => {
    const before = generatePackage({ bytes: 40_000, sectionCount: 21, seed: 3 });
    const after = reviseSections(before, 0.2, { seed: 9 });
    const changed = after.sections.filter((section, index) => JSON.stringify(section) !== JSON.stringify(before.sections[index]));
    const narrative = before.sections.filter((section) => section.kind === 'narrative').length;
    expect(changed).toHaveLength(Math.round(0.2 * narrative));
    expect(await contentHash(reviseSections(before, 0.2, { seed: 9 }))).toBe(await contentHash(after));
    expect(await contentHash(reviseSections(before, 0.2, { seed: 10 }))).not.toBe(await contentHash(after));
  });

  it('write an inventory the server reads back, in its workflow states, with an intact audit chain', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'inventory-'));
    folders.push(dataDir);
    const store = await openStore({ dataDir });
    try {
      const deps = serverDeps(store, { sessionTtlHours: 1 });
      await seedDemo(store, { password: 'bench-password', passwords: deps.passwords, now, randomToken: deps.randomToken });
      const plan = await planInventory({ packages: 30, seed: 4, now, owners: 5, signers: 3 });
      const written = await writeInventory(store, plan, { passwordHash: (await store.findUserByEmail('owner@example.com'))?.passwordHash ?? '', now });
      expect(written.auditEntries).toBeGreaterThanOrEqual(30);

      const stored = (await store.listPackages()).filter((p) => p.id.startsWith('pkg_bench_'));
      expect(stored).toHaveLength(30);
      const facts = await loadPackageFacts(store, stored);
      for (const planned of plan.packages) {
        const fact = facts.find((f) => f.pkg.id === planned.id);
        expect(fact?.versions.map((v) => v.contentHash)).toEqual(planned.versions.map((v) => v.prepared.contentHash));
        const state = fact ? summarize(fact, now).state : undefined;
        expect(state?.steps.filter((step) => step.status === 'approved')).toHaveLength(planned.approvedSteps);
      }
      const log = await store.listAuditEntries({}, 0, 100_000);
      const entries = log.map((row) => ({ ...row, before: JSON.parse(row.beforeJson) as unknown, after: JSON.parse(row.afterJson) as unknown }));
      expect(verifyAuditChain(entries).breaks).toEqual([]);
      expect((await store.findUserByEmail('bench-signer-01@example.com'))?.roles).toContain('data_governance');
      // Every package is filed under a listed line, or no step of it could be approved (0176).
      const listed = new Set((await store.listBusinessLines()).map((line) => line.key));
      expect(plan.packages.filter((p) => !listed.has(businessLineKey(p.businessLine)))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
