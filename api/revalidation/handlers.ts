import type { RevalidationSchedule } from '#domain/contracts/revalidation.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { problems } from '../kernel/problems.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { toActor } from '../package-access/views.ts';
import { signedIn } from '../package-access/package-access.ts';
import type { StoredRevalidationSchedule, StoredUser } from '../store/store.ts';
import { revalidationRoutes as routes } from './routes.ts';

// Revalidation schedules are published, never edited (decision record 0114): each change is
// the next version, and a scheduled revalidation keeps the version it was computed under.

function toSchedule(row: StoredRevalidationSchedule, users: ReadonlyMap<string, StoredUser>): RevalidationSchedule {
  return { version: row.version, months: row.months, publishedBy: row.publishedBy ? toActor(users.get(row.publishedBy), row.publishedBy) : null, publishedAt: row.publishedAt };
}

export const listTieringMethods = defineHandler(routes.listTieringMethods, async (ctx) => {
  signedIn(ctx);
  const { store } = ctx.deps;
  const rows = await store.listTieringMethods();
  const current = await store.currentTieringMethod();
  const isCurrent = (key: string, version: number) => current?.method.key === key && current.method.version === version;
  return { status: 200, body: { items: rows.map((r) => ({ method: r.method, publishedAt: r.publishedAt, current: isCurrent(r.method.key, r.method.version) })) } };
});

export const listRevalidationSchedules = defineHandler(routes.listRevalidationSchedules, async (ctx) => {
  signedIn(ctx);
  const { store } = ctx.deps;
  const users = new Map((await store.listUsers()).map((u) => [u.id, u]));
  return { status: 200, body: { items: (await store.listRevalidationSchedules()).map((r) => toSchedule(r, users)) } };
});

export const publishRevalidationSchedule = defineHandler(routes.publishRevalidationSchedule, async (ctx, { body }) => {
  const user = signedIn(ctx);
  const at = ctx.deps.now().toISOString();
  const row = await ctx.deps.store.transaction(async (tx) => {
    const current = (await tx.listRevalidationSchedules()).at(-1);
    const currentVersion = current?.version ?? 0;
    if (body.replacesVersion !== currentVersion) {
      throw problems.conflict(`Version ${body.replacesVersion} is no longer the current revalidation schedule (it is ${currentVersion}); reload and start from the current version.`);
    }
    if (current && canonicalize(current.months) === canonicalize(body.months)) {
      throw problems.conflict(`This is the same as version ${currentVersion}; change a tier's months before publishing a new version.`);
    }
    const next: StoredRevalidationSchedule = { version: currentVersion + 1, months: body.months, publishedBy: user.id, publishedAt: at };
    // Two administrators publishing at once: the version's primary key lets one through.
    if (!(await tx.insertRevalidationSchedule(next))) throw problems.conflict(`Another administrator has just published version ${next.version}; reload and start from it.`);
    await tx.appendAudit({ event: { action: 'revalidation.schedule_published', subject: 'revalidation schedule', before: { version: currentVersion }, after: { version: next.version, months: next.months } }, actorId: user.id, at });
    return next;
  });
  return { status: 201, body: toSchedule(row, new Map([[user.id, user]])) };
});
