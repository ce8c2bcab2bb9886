import type { Finding } from '#domain/contracts/findings.ts';
import { dayOf, isAcceptanceExpired, isOverdue } from '#domain/findings/lifecycle.ts';
import type { StoredFinding, StoredPackage, StoreTx } from '../store/store.ts';
import { toActor, usersById } from '../package-access/views.ts';

/** Findings as the API shows them: with their model, owner, history, and whether they are overdue today. */
export async function findingViews(tx: StoreTx, packages: ReadonlyMap<string, StoredPackage>, findings: readonly StoredFinding[], now: Date): Promise<Finding[]> {
  if (findings.length === 0) return [];
  const [users, events] = await Promise.all([usersById(tx), tx.listFindingEvents(findings.map((f) => f.id))]);
  const historyOf = new Map<string, Finding['history']>();
  for (const { id: _id, findingId, position: _position, ...event } of events) {
    const list = historyOf.get(findingId);
    if (list) list.push(event);
    else historyOf.set(findingId, [event]);
  }
  const today = dayOf(now);
  return findings.map(({ ownerId, ...f }) => {
    const pkg = packages.get(f.packageId);
    return {
      ...f,
      modelKey: pkg?.modelKey ?? '',
      modelName: pkg?.modelName ?? '',
      owner: toActor(users.get(ownerId), ownerId),
      overdue: isOverdue(f, today),
      acceptanceExpired: isAcceptanceExpired(f, today),
      history: historyOf.get(f.id) ?? [],
    };
  });
}

export async function findingView(tx: StoreTx, pkg: StoredPackage, finding: StoredFinding, now: Date): Promise<Finding> {
  const [view] = await findingViews(tx, new Map([[pkg.id, pkg]]), [finding], now);
  if (!view) throw new Error('A finding always has a view');
  return view;
}
