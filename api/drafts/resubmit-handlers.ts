import { resubmitDraftRequestSchema, type ResubmitDraft } from '#domain/contracts/drafts.ts';
import type { RequestContext } from '../kernel/context.ts';
import { problems } from '../kernel/problems.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { auditDenied } from '../denials/denials.ts';
import { signedIn } from '../package-access/package-access.ts';
import type { StoredPackage, StoredResubmitDraft } from '../store/store.ts';
import { draftsRoutes as routes } from './routes.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// An owner's resubmission in progress, on the server so that every tab and device of theirs
// edits the same one; submitting the version deletes it (api/packages/handlers.ts), in the
// same transaction. Only the package's owner reaches it: anyone else gets the audited 404.

async function ownedPackage(ctx: RequestContext, id: string): Promise<StoredPackage> {
  const user = signedIn(ctx);
  const pkg = await ctx.deps.store.findPackage(id);
  if (pkg?.ownerId === user.id) return pkg;
  if (pkg) await auditDenied(ctx, 'only the package owner has its resubmit draft');
  throw problems.notFound(`No package ${id} that you own.`);
}

function view(stored: StoredResubmitDraft | null): { draft: ResubmitDraft | null } {
  if (!stored) return { draft: null };
  const { content, answers } = resubmitDraftRequestSchema.pick({ content: true, answers: true }).parse(parseJson(stored.draft));
  return { draft: { baseVersion: stored.baseVersion, baseHash: stored.baseHash, content, answers, savedAt: stored.savedAt } };
}

export const getResubmitDraft = defineHandler(routes.getResubmitDraft, async (ctx, { params }) => {
  const user = signedIn(ctx);
  const pkg = await ownedPackage(ctx, params.id);
  return { status: 200, body: view(await ctx.deps.store.findResubmitDraft(pkg.id, user.id)) };
});

export const saveResubmitDraft = defineHandler(routes.saveResubmitDraft, async (ctx, { params, body }) => {
  const user = signedIn(ctx);
  const pkg = await ownedPackage(ctx, params.id);
  const savedAt = ctx.deps.now().toISOString();
  const stored: StoredResubmitDraft = { packageId: pkg.id, authorId: user.id, baseVersion: body.baseVersion, baseHash: body.baseHash, draft: JSON.stringify({ content: body.content, answers: body.answers }), savedAt };
  await ctx.deps.store.saveResubmitDraft(stored);
  return { status: 200, body: view(stored) };
});

export const discardResubmitDraft = defineHandler(routes.discardResubmitDraft, async (ctx, { params }) => {
  const user = signedIn(ctx);
  const pkg = await ownedPackage(ctx, params.id);
  await ctx.deps.store.deleteResubmitDraft(pkg.id, user.id);
  return { status: 204 };
});
