import { defineHandler } from '../kernel/define-handler.ts';
import { signedIn } from '../package-access/package-access.ts';
import { assertDirectCatalogueChange, changeTime } from '../kernel/catalogue-change.ts';
import { revalidationRoutes as routes } from './routes.ts';
import { checkSchedulePublication, toSchedule } from './publish-schedule.ts';

// Revalidation schedules are published, never edited (decision record 0114): each change is
// the next version, and a scheduled revalidation keeps the version it was computed under.
// Once two administrators exist, a publication is proposed and approved by another (0182).

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
  const when = changeTime(ctx);
  const schedule = await ctx.deps.store.transaction(async (tx) => {
    await assertDirectCatalogueChange(tx);
    return (await checkSchedulePublication(tx, body, user.id, when)).write();
  });
  return { status: 201, body: schedule };
});
