import { dayOf } from '#domain/findings/lifecycle.ts';
import { isLapsing } from '#domain/obligations/lifecycle.ts';
import type { Store, StoreTx } from '../store/store.ts';
import { publishPackageEvents } from '../events/publish.ts';

// Lapses the obligations past their due date (decision record 0111): each in one transaction,
// under the package lock and on the revision read, so a fulfilment recorded at the same moment
// and a second sweep (another instance) cannot both win. A lapse is an audit entry with no actor,
// an `obligation.lapsed` package event, and a re-review of the approval (the re-review notice of
// api/re-review, as a monitoring alert opens one). The server runs this on a timer
// (server/timers/obligation-lapse-sweep.ts); tests run it over any store with any `now`.

export interface LapsedObligation {
  obligationId: string;
  packageId: string;
  decisionId: string;
}

async function lapse(tx: StoreTx, obligationId: string, now: Date, newId: () => string): Promise<LapsedObligation | null> {
  const read = await tx.findObligation(obligationId);
  if (!read) return null;
  await tx.lockPackage(read.packageId);
  // Read again under the lock: a fulfilment recorded since keeps it from lapsing.
  const stored = await tx.findObligation(obligationId);
  const pkg = await tx.findPackage(read.packageId);
  if (!stored || !pkg || !isLapsing(stored, dayOf(now))) return null;
  const at = now.toISOString();
  const next = { ...stored, status: 'lapsed' as const, lapsedAt: at, revision: stored.revision + 1, updatedAt: at };
  if (!(await tx.updateObligation(next))) return null;
  await tx.appendAudit({
    event: { action: 'obligation.lapsed', subject: pkg.id, before: { obligation: stored.id, status: stored.status, revision: stored.revision }, after: { obligation: stored.id, status: 'lapsed', revision: next.revision, decision: stored.decisionId, owner: stored.ownerId, dueOn: stored.dueOn, role: stored.role } },
    actorId: null,
    at,
  });
  // The approval is under re-review from now (an approval flagged before stays so).
  await tx.insertReReviewNotice({ decisionId: stored.decisionId, packageId: pkg.id, reReviewOn: dayOf(now), noticedAt: at });
  const data = {
    packageId: pkg.id,
    modelKey: pkg.modelKey,
    version: stored.versionNumber,
    versionLabel: pkg.versionLabel,
    step: stored.stepKey,
    decision: 'approve_with_conditions',
    actor: null,
    obligation: { id: stored.id, text: stored.text, dueOn: stored.dueOn, ownerId: stored.ownerId, scope: stored.scope },
  };
  await publishPackageEvents(tx, [{ type: 'obligation.lapsed', data }], { at, newId });
  await tx.touchPackage(pkg.id, at);
  return { obligationId: stored.id, packageId: pkg.id, decisionId: stored.decisionId };
}

/** One pass: lapses every open obligation past its due date at `now`; returns those this pass lapsed. */
export async function runObligationLapseSweep(store: Store, options: { now: Date; newId: () => string }): Promise<LapsedObligation[]> {
  const today = dayOf(options.now);
  const due = (await store.listObligations('all')).filter((o) => isLapsing(o, today));
  const done: LapsedObligation[] = [];
  for (const o of due) {
    const lapsed = await store.transaction((tx) => lapse(tx, o.id, options.now, options.newId));
    if (lapsed) done.push(lapsed);
  }
  return done;
}
