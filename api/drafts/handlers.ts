import { problems } from '../kernel/problems.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { newId } from '../kernel/new-id.ts';
import type { RequestContext } from '../kernel/context.ts';
import type { StoredReviewDraft } from '../store/store.ts';
import { seePackage, signedIn } from '../package-access/package-access.ts';
import { deniedNotFound } from '../denials/denials.ts';
import { checkOpening } from '../threads/open-thread.ts';
import { threadViews } from '../threads/thread-views.ts';
import { draftsRoutes as routes } from './routes.ts';
import { publishReviewDraftsIn } from './publish.ts';

// A reviewer's drafts: every query is keyed to the signed-in author, so another reviewer (or
// the owner) reaches none of them; a draft id of someone else's answers 404 like a missing one.

/** Enough for the longest review; a client writing more is not a reviewer at work. */
const maxDraftsPerPackage = 200;

const view = ({ author: _author, ...draft }: StoredReviewDraft) => draft;

export const listReviewDrafts = defineHandler(routes.listReviewDrafts, async (ctx, { params }) => {
  const user = signedIn(ctx);
  const pkg = await seePackage(ctx, params.id);
  return { status: 200, body: { items: (await ctx.deps.store.listReviewDrafts(pkg.id, user.id)).map(view) } };
});

export const saveReviewDraft = defineHandler(routes.saveReviewDraft, async (ctx, { params, body }) => {
  const user = signedIn(ctx);
  const pkg = await seePackage(ctx, params.id);
  const at = ctx.deps.now().toISOString();
  const draft = await ctx.deps.store.transaction(async (tx) => {
    // The same checks as publishing it now: a draft that could never be published is refused at once.
    await checkOpening(tx, ctx.deps, pkg, body);
    if ((await tx.listReviewDrafts(pkg.id, user.id)).length >= maxDraftsPerPackage) {
      throw problems.conflict(`You have ${maxDraftsPerPackage} unpublished drafts on this package; publish or discard some first.`);
    }
    const stored: StoredReviewDraft = { id: newId(ctx.deps, 'drf'), packageId: pkg.id, author: { id: user.id }, versionNumber: body.versionNumber, sectionKey: body.sectionKey, kind: body.kind, anchor: body.anchor, body: body.body, createdAt: at, updatedAt: at };
    await tx.insertReviewDraft(stored);
    return stored;
  });
  return { status: 201, body: view(draft) };
});

/** The caller's draft; someone else's is answered like a missing one, and the probe audited. */
async function ownDraft(ctx: RequestContext, packageId: string, draftId: string): Promise<StoredReviewDraft> {
  const user = signedIn(ctx);
  const draft = await ctx.deps.store.findReviewDraft(draftId);
  const missing = `You have no draft ${draftId} on package ${packageId}.`;
  if (draft && (draft.author.id !== user.id || draft.packageId !== packageId)) throw deniedNotFound(missing, `review draft ${draftId} is another reviewer's or on another package`);
  if (!draft) throw problems.notFound(missing);
  return draft;
}

export const editReviewDraft = defineHandler(routes.editReviewDraft, async (ctx, { params, body }) => {
  const user = signedIn(ctx);
  const pkg = await seePackage(ctx, params.id);
  const draft = await ownDraft(ctx, pkg.id, params.draftId);
  const at = ctx.deps.now().toISOString();
  // Under the package lock, like publication: an edit lands wholly before a publication reads the
  // drafts, or finds the draft gone (404) after it, never between its read and its delete.
  const updated = await ctx.deps.store.transaction(async (tx) => {
    await tx.lockPackage(pkg.id);
    return tx.updateReviewDraft(draft.id, user.id, body.body, at);
  });
  if (!updated) throw problems.notFound(`You have no draft ${params.draftId} on package ${pkg.id}.`);
  return { status: 200, body: view({ ...draft, body: body.body, updatedAt: at }) };
});

export const discardReviewDraft = defineHandler(routes.discardReviewDraft, async (ctx, { params }) => {
  const user = signedIn(ctx);
  const pkg = await seePackage(ctx, params.id);
  const draft = await ownDraft(ctx, pkg.id, params.draftId);
  if ((await ctx.deps.store.deleteReviewDrafts([draft.id], user.id)) === 0) throw problems.notFound(`You have no draft ${params.draftId} on package ${pkg.id}.`);
  return { status: 204 };
});

export const publishReviewDrafts = defineHandler(routes.publishReviewDrafts, async (ctx, { params }) => {
  const user = signedIn(ctx);
  const pkg = await seePackage(ctx, params.id);
  const at = ctx.deps.now().toISOString();
  const published = await ctx.deps.store.transaction(async (tx) => {
    // Serialised with signing, resubmission and the other publications of the package.
    await tx.lockPackage(pkg.id);
    return threadViews(tx, await publishReviewDraftsIn(tx, ctx.deps, { pkg, user, at, decision: null }));
  });
  return { status: 201, body: { published } };
});
