import type { PackageStatus } from '#domain/contracts/packages.ts';
import { loadWorkflowFacts, workflowStateOf } from '../package-access/views.ts';
import type { StoreTx } from '../store/store.ts';
import { publishPackageEvents } from './publish.ts';

// A chain move (a new tier, 0167; a re-filed business line, 0176) can end an approval: an
// emergency approval signed under the chain left no longer stands (0193, S25), and a kept
// approval may stop counting, so an approved package is in review again. Whoever acted on the
// approval (the registry's alias, a deployment webhook) must hear it ended, as they hear of a
// lapse (docs/decisions/0193, S30). Run under the package lock, in the move's transaction.

/** Statuses under which the latest version may be deployed. */
const deployable: ReadonlySet<PackageStatus> = new Set(['approved', 'approved_with_conditions', 'emergency_approved']);

/** The package's derived status now, read in the transaction (null when the package is gone). */
export async function statusInTx(tx: StoreTx, packageId: string, at: string): Promise<PackageStatus | null> {
  const pkg = await tx.findPackage(packageId);
  if (!pkg) return null;
  const [facts] = await loadWorkflowFacts(tx, [pkg]);
  return facts ? workflowStateOf(facts, new Date(at)).state.status : null;
}

export interface ChainMove {
  packageId: string;
  /** The status just before the move. */
  before: PackageStatus | null;
  /** What moved the chain, as the event's reason reads ("Risk assessment 2 set tier 1: ..."). */
  reason: string;
  actor: { id: string; displayName: string; title: string } | null;
  at: string;
  newId: () => string;
}

/** Publishes `package.approval_ended` when the move turned a deployable status into one that is not; nothing otherwise. */
export async function publishIfApprovalEnded(tx: StoreTx, move: ChainMove): Promise<void> {
  if (!move.before || !deployable.has(move.before)) return;
  const after = await statusInTx(tx, move.packageId, move.at);
  if (!after || deployable.has(after)) return;
  const pkg = await tx.findPackage(move.packageId);
  const version = (await tx.listVersionFacts([move.packageId])).at(-1);
  if (!pkg || !version) throw new Error(`Package ${move.packageId} just moved is missing`);
  const data = { packageId: pkg.id, modelKey: pkg.modelKey, version: version.number, versionLabel: pkg.versionLabel, step: null, decision: null, actor: move.actor, approvalEnded: { reason: move.reason, from: move.before, to: after } };
  await publishPackageEvents(tx, [{ type: 'package.approval_ended', data }], { at: move.at, newId: move.newId });
}
