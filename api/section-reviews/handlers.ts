import { problems } from '../kernel/problems.ts';
import { sectionReviewsRoutes as routes } from './routes.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { actorOf, assertNotDecided, seePackage, sectionOf, signedIn } from '../package-access/package-access.ts';

export const listSectionReviews = defineHandler(routes.listSectionReviews, async (ctx, { params }) => {
  const pkg = await seePackage(ctx, params.id);
  const items = (await ctx.deps.store.listSectionReviews(pkg.id)).map(({ packageId: _packageId, ...review }) => review);
  return { status: 200, body: { items } };
});

export const markSectionReviewed = defineHandler(routes.markSectionReviewed, async (ctx, { params }) => {
  const user = signedIn(ctx);
  const pkg = await seePackage(ctx, params.id);
  const at = ctx.deps.now().toISOString();
  const review = await ctx.deps.store.transaction(async (tx) => {
    await assertNotDecided(tx, pkg, params.n, ctx.deps.now());
    await sectionOf(tx, pkg.id, params.n, params.key, '/key');
    const wanted = { packageId: pkg.id, versionNumber: params.n, sectionKey: params.key, reviewer: actorOf(user), reviewedAt: at, carriedFrom: null };
    if (await tx.insertSectionReview(wanted)) {
      await tx.appendAudit({ event: { action: 'section.reviewed', subject: pkg.id, before: null, after: { version: params.n, section: params.key } }, actorId: user.id, at });
      return wanted;
    }
    const existing = (await tx.listSectionReviews(pkg.id)).find((r) => r.versionNumber === params.n && r.sectionKey === params.key && r.reviewer.id === user.id);
    if (!existing) throw problems.conflict('The review mark could not be recorded; try again.');
    return existing;
  });
  const { packageId: _packageId, ...body } = review;
  return { status: 200, body };
});

export const unmarkSectionReviewed = defineHandler(routes.unmarkSectionReviewed, async (ctx, { params }) => {
  const user = signedIn(ctx);
  const pkg = await seePackage(ctx, params.id);
  const at = ctx.deps.now().toISOString();
  await ctx.deps.store.transaction(async (tx) => {
    await assertNotDecided(tx, pkg, params.n, ctx.deps.now());
    if (await tx.deleteSectionReview(pkg.id, params.n, params.key, user.id)) {
      await tx.appendAudit({ event: { action: 'section.review_withdrawn', subject: pkg.id, before: { version: params.n, section: params.key }, after: null }, actorId: user.id, at });
    }
  });
  return { status: 204 };
});
