import type { PackageStatus } from '../contracts/packages.ts';

// Which approval a rollback withdraws and which it puts back in force (docs/decisions/0135).
// The approval in force for a model is its newest package approved through its whole chain and
// not rolled back. Only that one can be rolled back (an older approval is not in force, so there
// is nothing to withdraw); the one it restores is the next newest such package, if any.

export interface ModelPackageFacts {
  id: string;
  versionLabel: string;
  createdAt: string;
  status: PackageStatus;
  rolledBack: boolean;
}

export type RollbackVerdict = { ok: true; restores: ModelPackageFacts | null } | { ok: false; reason: string };

const chainApproved = (status: PackageStatus) => status === 'approved' || status === 'approved_with_conditions';

/** The model's approvals in force order: newest first, rolled-back ones left out. */
function standingApprovals(model: readonly ModelPackageFacts[]): ModelPackageFacts[] {
  return model.filter((p) => chainApproved(p.status) && !p.rolledBack).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** Whether `targetId` (one of `model`, the packages of one model) can be rolled back now, and what that restores. */
export function judgeRollback(targetId: string, model: readonly ModelPackageFacts[]): RollbackVerdict {
  const target = model.find((p) => p.id === targetId);
  if (!target) return { ok: false, reason: `No package ${targetId} in this model.` };
  if (target.rolledBack) return { ok: false, reason: `${target.versionLabel} was rolled back already.` };
  if (!chainApproved(target.status)) return { ok: false, reason: `${target.versionLabel} is ${target.status.replaceAll('_', ' ')}: only an approval can be rolled back.` };
  const [inForce, previous] = standingApprovals(model);
  if (inForce?.id !== target.id) return { ok: false, reason: `${target.versionLabel} is not the approval in force (${inForce?.versionLabel ?? 'none'} is): only that one can be rolled back.` };
  return { ok: true, restores: previous ?? null };
}
