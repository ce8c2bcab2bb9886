import { defineHandler } from '../kernel/define-handler.ts';
import { signedIn } from '../package-access/package-access.ts';
import { assertDirectCatalogueChange, changeTime } from '../kernel/catalogue-change.ts';
import { businessLinesRoutes as routes } from './routes.ts';
import { checkLineAddition, checkLineRetirement, lineLocation } from './line-changes.ts';

// Administrators keep the organisation's list of business lines (docs/decisions/0168; the
// checks in line-changes.ts). Once two administrators exist, an addition or a retirement is
// proposed and approved by another (docs/decisions/0182).

export const listBusinessLines = defineHandler(routes.listBusinessLines, async (ctx) => {
  signedIn(ctx);
  return { status: 200, body: { items: await ctx.deps.store.listBusinessLines() } };
});

export const addBusinessLine = defineHandler(routes.addBusinessLine, async (ctx, { body }) => {
  const user = signedIn(ctx);
  const when = changeTime(ctx);
  const line = await ctx.deps.store.transaction(async (tx) => {
    await assertDirectCatalogueChange(tx);
    return (await checkLineAddition(tx, body, user.id, when)).write();
  });
  return { status: 201, body: line, headers: [['location', lineLocation(line)]] };
});

export const retireBusinessLine = defineHandler(routes.retireBusinessLine, async (ctx, { params }) => {
  const user = signedIn(ctx);
  const when = changeTime(ctx);
  const line = await ctx.deps.store.transaction(async (tx) => {
    await assertDirectCatalogueChange(tx);
    return (await checkLineRetirement(tx, params, user.id, when)).write();
  });
  return { status: 200, body: line };
});
