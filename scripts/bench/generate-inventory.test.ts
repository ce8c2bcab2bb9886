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
import { handleApiRequest } from '#api/index.ts';
import { appliedAssessment } from '#api/package-access/applied-assessment.ts';
import { governanceBlockersOf } from '#api/risk-assessments/governance-gate.ts';
import { assertSignedGovernance } from '#api/signing/governance-check.ts';
import { assertNotTierSetter } from '#api/signing/deciding-capacity.ts';
import { readCookie, sessionCookieName } from '#api/kernel/cookies.ts';
import type { Store } from '#api/store/store.ts';
import { apiRequest } from '#tests/support/mock-api-session.ts';
import { inventoryDigest, planInventory, writeInventory, type InventoryPlan } from './generate-inventory.ts';
import { approvalPayload, decisionTargets } from './load-clients.ts';
import { generatePackage, reviseSections } from './generate-package.ts';

const now = new Date('2026-03-01T12:00:00.000Z');
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A store with the demo data and `plan` written after it, as the server bench prepares one; closed by the caller. */
async function storeWith(plan: InventoryPlan): Promise<{ store: Store; deps: ReturnType<typeof serverDeps>; auditEntries: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'inventory-'));
  folders.push(dataDir);
  const store = await openStore({ dataDir });
  const deps = serverDeps(store, { sessionTtlHours: 1 });
  await seedDemo(store, { password: 'bench-password', passwords: deps.passwords, now, randomToken: deps.randomToken });
  const { auditEntries } = await writeInventory(store, plan, { passwordHash: (await store.findUserByEmail('owner@example.com'))?.passwordHash ?? '', now });
  return { store, deps, auditEntries };
}

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
    const plan = await planInventory({ packages: 30, seed: 4, now, owners: 5, signers: 3 });
    const { store, auditEntries } = await storeWith(plan);
    try {
      expect(auditEntries).toBeGreaterThanOrEqual(30);

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

  it('leave every package waiting on a step approvable by the bench signers, as the approval route judges it', async () => {
    const plan = await planInventory({ packages: 80, seed: 8, now, owners: 6, signers: 4 });
    const { store, deps } = await storeWith(plan);
    try {
      const targets = await decisionTargets(plan);
      expect(targets.length).toBeGreaterThan(40);
      for (const target of targets) {
        const pkg = plan.packages.find((p) => p.id === target.packageId);
        const stored = await store.findPackage(target.packageId);
        if (!pkg || !stored) throw new Error(`${target.packageId} was not written`);
        // The governance gate in front of every approval (0141): nothing stands in the way.
        expect(await governanceBlockersOf(store, pkg.id, target.versionNumber), pkg.id).toEqual([]);
        // Model risk assessed it to the tier that chose its chain.
        expect((await appliedAssessment(store, pkg.id))?.tier, pkg.id).toBe(pkg.riskTier);
        // What the bench signs under is what the server stored (a mismatch is a 409), and no signer set the tier (0174).
        await store.transaction(async (tx) => {
          await expect(assertSignedGovernance(tx, stored, approvalPayload(target, target.steps[0] ?? { key: '', role: 'model_risk' }, { id: 'usr_bench_signer_01', displayName: '', title: '' }, { nonce: 'n', issuedAt: now.toISOString() }))).resolves.toBeUndefined();
          for (const signer of plan.signers) await expect(assertNotTierSetter(tx, stored, { signerId: signer.id, delegatorId: null })).resolves.toBeUndefined();
        });
      }
      // Realistic, not merely unblocked: policies apply to some versions, a share misses an
      // advisory bar, and some rejected versions were flagged for a blocking one.
      const checks = plan.packages.flatMap((p) => p.versions.flatMap((v) => (v.evaluation ? [v.evaluation] : [])));
      expect(checks.length).toBeGreaterThan(5);
      expect(checks.some((e) => e.outcome === 'pass' && e.checks.some((c) => c.enforcement === 'advisory' && c.status !== 'pass'))).toBe(true);
      expect(checks.some((e) => e.outcome === 'flagged')).toBe(true);

      // And the route itself signs them: the active step of a few, one with a policy check, through the API.
      const signed = [...targets.filter((t) => t.governance.policy).slice(0, 2), ...targets.filter((t) => !t.governance.policy).slice(0, 1)];
      for (const [index, target] of signed.entries()) {
        const signer = plan.signers[index % plan.signers.length];
        const step = target.steps[0];
        if (!signer || !step) throw new Error('A target has a step and the plan signers');
        const login = await handleApiRequest(apiRequest('POST', '/api/session', { email: signer.email, password: 'bench-password' }), deps);
        expect(login.status).toBe(200);
        const cookie = `${sessionCookieName}=${readCookie(login.headers.get('set-cookie'), sessionCookieName) ?? ''}`;
        const nonce = (await (await handleApiRequest(apiRequest('POST', '/api/signing/nonces', { packageId: target.packageId }, cookie), deps)).json()) as { nonce: string; issuedAt: string };
        const user = { id: signer.id, displayName: signer.displayName, title: signer.title };
        const decided = await handleApiRequest(apiRequest('POST', `/api/packages/${target.packageId}/decisions`, { payload: approvalPayload(target, step, user, nonce), authentication: { method: 'password', password: 'bench-password' } }, cookie), deps);
        expect(decided.status, await decided.clone().text()).toBe(201);
      }
    } finally {
      await store.close();
    }
  });
});
