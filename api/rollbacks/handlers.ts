import type { PackageRollback } from '#domain/contracts/rollbacks.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import { judgeRollback, type ModelPackageFacts } from '#domain/governance/rollback.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { problems } from '../kernel/problems.ts';
import { seePackage } from '../package-access/package-access.ts';
import { loadWorkflowFacts, toActor, usersById, workflowStateOf } from '../package-access/views.ts';
import type { StoredPackage, StoredPackageRollback, StoredUser, StoreTx } from '../store/store.ts';
import { publishPackageEvents } from '../events/publish.ts';
import { newId } from '../kernel/new-id.ts';
import { rollbacksRoutes as routes } from './routes.ts';

// Rollbacks (docs/decisions/0135). Which approval is in force, and which one a rollback puts
// back, is decided in domain/governance/rollback.ts over the model's packages and their
// workflow state; the rollback itself is one append-only row, an audit entry about the package
// (so it is in the package's signed record, where the deployment gate reads it), and a
// `package.rolled_back` event that also tells a source registry the approval lapsed.

async function modelFacts(tx: StoreTx, modelKey: string, now: Date): Promise<{ facts: ModelPackageFacts[]; rollbacks: StoredPackageRollback[]; packages: StoredPackage[] }> {
  const packages = (await tx.listPackages()).filter((p) => p.modelKey === modelKey);
  const [loaded, rollbacks] = await Promise.all([loadWorkflowFacts(tx, packages), tx.listPackageRollbacks([modelKey])]);
  const rolledBack = new Set(rollbacks.map((r) => r.packageId));
  const facts = loaded.map((f): ModelPackageFacts => {
    const { state } = workflowStateOf(f, now);
    return { id: f.pkg.id, versionLabel: f.pkg.versionLabel, createdAt: f.pkg.createdAt, status: state.status, rolledBack: rolledBack.has(f.pkg.id) };
  });
  return { facts, rollbacks, packages };
}

function toRollback(row: StoredPackageRollback, packages: readonly StoredPackage[], users: ReadonlyMap<string, StoredUser>): PackageRollback {
  const restored = row.restoredPackageId ? packages.find((p) => p.id === row.restoredPackageId) : undefined;
  return {
    packageId: row.packageId,
    modelKey: row.modelKey,
    rolledBackBy: toActor(users.get(row.rolledBackBy), row.rolledBackBy),
    role: row.role,
    reason: row.reason,
    at: row.at,
    restored: row.restoredPackageId ? { packageId: row.restoredPackageId, versionLabel: restored?.versionLabel ?? row.restoredPackageId } : null,
  };
}

export const getPackageRollback = defineHandler(routes.getPackageRollback, async (ctx, { params }) => {
  const pkg = await seePackage(ctx, params.id);
  const { store, now } = ctx.deps;
  const { facts, rollbacks, packages } = await modelFacts(store, pkg.modelKey, now());
  const row = rollbacks.find((r) => r.packageId === pkg.id);
  if (row) return { status: 200, body: { rollback: toRollback(row, packages, await usersById(store)), refusal: null, wouldRestore: null } };
  const verdict = judgeRollback(pkg.id, facts);
  return {
    status: 200,
    body: verdict.ok
      ? { rollback: null, refusal: null, wouldRestore: verdict.restores ? { packageId: verdict.restores.id, versionLabel: verdict.restores.versionLabel } : null }
      : { rollback: null, refusal: verdict.reason, wouldRestore: null },
  };
});

export const rollBackPackage = defineHandler(routes.rollBackPackage, async (ctx, { params, body }) => {
  const pkg = await seePackage(ctx, params.id);
  const user = ctx.user;
  if (!user) throw problems.unauthenticated();
  if (!user.roles.includes(body.role)) throw problems.validation([{ pointer: '/role', message: `You do not hold the role ${roleLabels[body.role]}`, code: 'role_not_held' }]);
  const now = ctx.deps.now();
  const at = now.toISOString();
  const view = await ctx.deps.store.transaction(async (tx) => {
    // Under the package's lock, on the model's state read inside it: a decision, a resubmission
    // or a second rollback at the same moment waits, then sees this one.
    await tx.lockPackage(pkg.id);
    const { facts, packages } = await modelFacts(tx, pkg.modelKey, now);
    const verdict = judgeRollback(pkg.id, facts);
    if (!verdict.ok) throw problems.conflict(verdict.reason);
    const target = facts.find((f) => f.id === pkg.id);
    const row: StoredPackageRollback = { packageId: pkg.id, modelKey: pkg.modelKey, rolledBackBy: user.id, role: body.role, reason: body.reason, restoredPackageId: verdict.restores?.id ?? null, at };
    if (!(await tx.insertPackageRollback(row))) throw problems.conflict(`${pkg.versionLabel} was rolled back already.`);
    const version = Math.max(...(await tx.listVersionFacts([pkg.id])).map((v) => v.number));
    const restored = verdict.restores ? { packageId: verdict.restores.id, versionLabel: verdict.restores.versionLabel } : null;
    await tx.appendAudit({
      event: { action: 'package.rolled_back', subject: pkg.id, before: { status: target?.status ?? 'approved', version }, after: { modelKey: pkg.modelKey, role: body.role, reason: body.reason, restored } },
      actorId: user.id,
      at,
    });
    const data = { packageId: pkg.id, modelKey: pkg.modelKey, version, versionLabel: pkg.versionLabel, step: null, decision: null, actor: toActor(user, user.id) };
    await publishPackageEvents(tx, [{ type: 'package.rolled_back', data }], { at, newId: () => newId(ctx.deps) });
    await tx.touchPackage(pkg.id, at);
    return toRollback(row, packages, new Map([[user.id, user]]));
  });
  return { status: 201, body: view };
});
