import { dayOf, dueStage, type DueStage } from '#domain/findings/lifecycle.ts';
import type { Store, StoreTx } from '../store/store.ts';

// Reminds each finding's owner once when it falls due within a week and once when it is past
// due (issue 19): a notice row, then an audit entry with no actor, from which the in-app
// notification and the mail (through the owner's preferences) are derived. The server runs this
// on a timer (server/timers/finding-due-sweep.ts); tests run it over any store with any `now`.

export interface FindingDueReminder {
  findingId: string;
  packageId: string;
  stage: DueStage;
}

/** One reminder in one transaction: the notice first (its primary key is the exactly-once guard), then the entry. */
async function remind(tx: StoreTx, item: FindingDueReminder, now: Date): Promise<boolean> {
  await tx.lockPackage(item.packageId);
  // Read again under the lock: a transition since may have closed it.
  const finding = await tx.findFinding(item.findingId);
  if (!finding || dueStage(finding, dayOf(now)) !== item.stage) return false;
  const at = now.toISOString();
  if (!(await tx.insertFindingDueNotice({ findingId: finding.id, stage: item.stage, packageId: finding.packageId, dueDate: finding.dueDate, noticedAt: at }))) return false;
  await tx.appendAudit({
    event: { action: 'finding.due_reminder', subject: finding.packageId, before: null, after: { finding: finding.id, stage: item.stage, owner: finding.ownerId, dueDate: finding.dueDate, title: finding.title } },
    actorId: null,
    at,
  });
  return true;
}

/** One pass: every reminder owed at `now` and not yet sent; returns those this pass sent. */
export async function runFindingDueSweep(store: Store, now: Date): Promise<FindingDueReminder[]> {
  const today = dayOf(now);
  const sent = new Set((await store.listFindingDueNotices()).map((n) => `${n.findingId}:${n.stage}`));
  const owed: FindingDueReminder[] = [];
  for (const f of await store.listFindings('all')) {
    const stage = dueStage(f, today);
    // Overdue without a "due soon" first (raised with a near date, or the server was down): only the overdue one.
    if (stage && !sent.has(`${f.id}:${stage}`)) owed.push({ findingId: f.id, packageId: f.packageId, stage });
  }
  const done: FindingDueReminder[] = [];
  for (const item of owed) {
    if (await store.transaction((tx) => remind(tx, item, now))) done.push(item);
  }
  return done;
}
