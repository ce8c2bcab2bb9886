import type { PublishRevalidationScheduleRequest, RevalidationSchedule } from '#domain/contracts/revalidation.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { problems } from '../kernel/problems.ts';
import { toActor } from '../package-access/views.ts';
import type { StoredRevalidationSchedule, StoredUser, StoreTx } from '../store/store.ts';
import type { ChangeTime, CheckedChange } from '../kernel/catalogue-change.ts';

// Revalidation schedules are published, never edited (decision record 0114): each change is
// the next version, and a scheduled revalidation keeps the version it was computed under.

export function toSchedule(row: StoredRevalidationSchedule, users: ReadonlyMap<string, StoredUser>): RevalidationSchedule {
  return { version: row.version, months: row.months, publishedBy: row.publishedBy ? toActor(users.get(row.publishedBy), row.publishedBy) : null, publishedAt: row.publishedAt };
}

export async function checkSchedulePublication(tx: StoreTx, body: PublishRevalidationScheduleRequest, actorId: string, when: ChangeTime): Promise<CheckedChange<RevalidationSchedule>> {
  const current = (await tx.listRevalidationSchedules()).at(-1);
  const currentVersion = current?.version ?? 0;
  if (body.replacesVersion !== currentVersion) {
    throw problems.conflict(`Version ${body.replacesVersion} is no longer the current revalidation schedule (it is ${currentVersion}); reload and start from the current version.`);
  }
  if (current && canonicalize(current.months) === canonicalize(body.months)) {
    throw problems.conflict(`This is the same as version ${currentVersion}; change a tier's months before publishing a new version.`);
  }
  return {
    subject: 'revalidation schedule',
    async write() {
      const { at } = when;
      const next: StoredRevalidationSchedule = { version: currentVersion + 1, months: body.months, publishedBy: actorId, publishedAt: at };
      // Two administrators publishing at once: the version's primary key lets one through.
      if (!(await tx.insertRevalidationSchedule(next))) throw problems.conflict(`Another administrator has just published version ${next.version}; reload and start from it.`);
      await tx.appendAudit({ event: { action: 'revalidation.schedule_published', subject: 'revalidation schedule', before: { version: currentVersion }, after: { version: next.version, months: next.months } }, actorId, at });
      return toSchedule(next, new Map((await tx.listUsers()).map((u) => [u.id, u])));
    },
  };
}
