import type { Store, StoreTx } from '../store/store.ts';
import { loadWorkflowFacts, workflowStateOf } from '../package-access/views.ts';
import { publishPackageEvents } from '../events/publish.ts';
import { latestRevalidation } from './revalidation-schedule.ts';
import { standingApprovals } from './standing-approvals.ts';
import type { StoredRevalidation } from '../store/re-review.ts';

// Opens the revalidations that have fallen due (decision record 0114), from the re-review
// sweep: per package, its latest revalidation, once its due date is today or earlier and the
// package still stands approved. One transaction each, whose first write is the opening row
// (the exactly-once guard), then the standing approvals flagged as under re-review (as a
// monitoring alert flags them), the audit entry and the `package.re_review_due` event.

const approved = new Set(['approved', 'approved_with_conditions']);

async function open(tx: StoreTx, due: StoredRevalidation, now: Date, newId: () => string): Promise<boolean> {
  await tx.lockPackage(due.packageId);
  const pkg = await tx.findPackage(due.packageId);
  if (!pkg) return false;
  // Read again inside the transaction: a newer approval or a new version may have come since.
  if (latestRevalidation(await tx.listRevalidations([pkg.id]))?.decisionId !== due.decisionId) return false;
  const [facts] = await loadWorkflowFacts(tx, [pkg]);
  if (!facts || !approved.has(workflowStateOf(facts, now).state.status)) return false;
  const at = now.toISOString();
  if (!(await tx.insertRevalidationOpening({ decisionId: due.decisionId, packageId: pkg.id, openedAt: at }))) return false;
  const approvals = standingApprovals(facts.decisions);
  // An approval flagged before (a condition's re-review date, an alert) stays so.
  for (const d of approvals) await tx.insertReReviewNotice({ decisionId: d.id, packageId: pkg.id, reReviewOn: due.dueOn, noticedAt: at });
  await tx.appendAudit({
    event: { action: 'package.revalidation_due', subject: pkg.id, before: null, after: { decision: due.decisionId, version: due.versionNumber, tier: due.tier, dueOn: due.dueOn, owner: due.ownerId, decisions: approvals.map((d) => d.id) } },
    actorId: null,
    at,
  });
  const data = { packageId: pkg.id, modelKey: pkg.modelKey, version: due.versionNumber, versionLabel: pkg.versionLabel, step: null, decision: 'revalidation', actor: null };
  await publishPackageEvents(tx, [{ type: 'package.re_review_due', data }], { at, newId });
  return true;
}

/** One pass: opens every revalidation due at `now` not yet opened; returns those this pass opened. */
export async function openDueRevalidations(store: Store, options: { now: Date; newId: () => string }): Promise<StoredRevalidation[]> {
  const today = options.now.toISOString().slice(0, 10);
  const byPackage = new Map<string, StoredRevalidation[]>();
  for (const r of await store.listRevalidations('all')) byPackage.set(r.packageId, [...(byPackage.get(r.packageId) ?? []), r]);
  const opened: StoredRevalidation[] = [];
  for (const rows of byPackage.values()) {
    const due = latestRevalidation(rows);
    if (!due || due.openedAt !== null || due.dueOn > today) continue;
    if (await store.transaction((tx) => open(tx, due, options.now, options.newId))) opened.push(due);
  }
  return opened;
}
