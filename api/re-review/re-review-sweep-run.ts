import type { Store, StoreTx } from '../store/store.ts';
import { loadWorkflowFacts, type WorkflowFacts } from '../package-access/views.ts';
import { publishPackageEvents } from '../events/publish.ts';
import { openDueRevalidations } from './revalidation-openings.ts';
import { dueReReviews, type DueReReview, type SweepPackage } from '#domain/workflow/re-review-sweep.ts';

// Applies the re-review rule to storage: each approval with conditions that has reached its
// re-review date is announced once, ever. The server runs this on a timer (server/
// timers/re-review-sweep.ts); tests run it over any store with any `now`.

export interface ReReviewSweepOptions {
  now: Date;
  /** A fresh random id (the outbox's event and delivery ids). */
  newId: () => string;
}

const toSweep = (f: WorkflowFacts): SweepPackage => ({ id: f.pkg.id, template: f.template, versions: f.versions, decisions: f.decisions, chainMoves: f.chainMoves, delegators: f.delegators });

/**
 * The packages with a conditional approval dated on or before today that has no notice yet:
 * usually none, so a pass costs two small reads (the decisions with conditions only, not every
 * decision of the inventory: that read held the event loop for a second every minute at 10,000
 * packages, docs/decisions/0148).
 */
async function candidates(store: Store, now: Date): Promise<{ facts: WorkflowFacts[]; noticed: Set<string> }> {
  const today = now.toISOString().slice(0, 10);
  const noticed = new Set((await store.listReReviewNotices()).map((n) => n.decisionId));
  const decisions = await store.listDecisionsWhere({ withConditions: true });
  const ids = new Set(decisions.filter((d) => d.conditions !== null && d.conditions.reReviewOn <= today && !noticed.has(d.id)).map((d) => d.packageId));
  if (ids.size === 0) return { facts: [], noticed };
  const packages = (await store.listPackages()).filter((p) => ids.has(p.id));
  return { facts: await loadWorkflowFacts(store, packages), noticed };
}

/**
 * One due re-review, in one transaction: the notice row first (the primary key is the
 * exactly-once guard: a concurrent or later sweep inserts nothing and stops), then the audit
 * entry and the outbox rows. So the event exists exactly when its notice does.
 */
async function announce(tx: StoreTx, item: DueReReview, options: ReReviewSweepOptions): Promise<boolean> {
  const pkg = await tx.findPackage(item.packageId);
  if (!pkg) return false;
  // Read again inside the transaction: a version submitted since may have made it stale.
  const [facts] = await loadWorkflowFacts(tx, [pkg]);
  if (!facts || !dueReReviews([toSweep(facts)], options.now).some((d) => d.decisionId === item.decisionId)) return false;
  const at = options.now.toISOString();
  if (!(await tx.insertReReviewNotice({ decisionId: item.decisionId, packageId: item.packageId, reReviewOn: item.reReviewOn, noticedAt: at }))) return false;
  await tx.appendAudit({
    event: { action: 'package.re_review_due', subject: pkg.id, before: null, after: { decision: item.decisionId, step: item.stepKey, role: item.role, version: item.versionNumber, reReviewOn: item.reReviewOn } },
    actorId: null,
    at,
  });
  const data = { packageId: pkg.id, modelKey: pkg.modelKey, version: item.versionNumber, versionLabel: pkg.versionLabel, step: item.stepKey, decision: 'approve_with_conditions', actor: null };
  await publishPackageEvents(tx, [{ type: 'package.re_review_due', data }], { at, newId: options.newId });
  return true;
}

/** One pass: announces every re-review due at `now` not yet announced, then opens the periodic revalidations due (decision record 0114); returns the re-reviews this pass announced. */
export async function runReReviewSweep(store: Store, options: ReReviewSweepOptions): Promise<DueReReview[]> {
  const { facts, noticed } = await candidates(store, options.now);
  const announced: DueReReview[] = [];
  for (const item of dueReReviews(facts.map(toSweep), options.now, noticed)) {
    if (await store.transaction((tx) => announce(tx, item, options))) announced.push(item);
  }
  await openDueRevalidations(store, options);
  return announced;
}
