import { isReviewerRole } from '#domain/contracts/roles.ts';
import { problems } from '../kernel/problems.ts';
import { threadsRoutes as routes } from './routes.ts';
import { threadView, threadViews } from './thread-views.ts';
import type { RequestContext } from '../kernel/context.ts';
import type { StoredPackage, StoredThread, StoreTx } from '../store/store.ts';
import { moverOf } from '../delegations/acting-roles.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { actorOf, assertConversationOpen, seePackage, signedIn } from '../package-access/package-access.ts';
import { deniedNotFound, auditDenied, DeniedError } from '../denials/denials.ts';
import { resolveRefusal } from '#domain/workflow/thread-resolution.ts';
import { addThreadMessage } from './thread-message.ts';
import { openThreadIn } from './open-thread.ts';
import { newId } from '../kernel/new-id.ts';

async function threadOf(tx: StoreTx, packageId: string, threadId: string): Promise<StoredThread> {
  const thread = await tx.findThread(threadId);
  // A thread id of another package in the path is an object-reference probe: audited.
  if (thread && thread.packageId !== packageId) throw deniedNotFound(`Package ${packageId} has no thread ${threadId}.`, `thread belongs to package ${thread.packageId}`);
  if (thread?.packageId !== packageId) throw problems.notFound(`Package ${packageId} has no thread ${threadId}.`);
  return thread;
}

export const listThreads = defineHandler(routes.listThreads, async (ctx, { params }) => {
  const pkg = await seePackage(ctx, params.id);
  const { store } = ctx.deps;
  return { status: 200, body: { items: await threadViews(store, await store.listThreads([pkg.id])) } };
});

export const openThread = defineHandler(routes.openThread, async (ctx, { params, body }) => {
  const user = signedIn(ctx);
  const pkg = await seePackage(ctx, params.id);
  const at = ctx.deps.now().toISOString();
  const thread = await ctx.deps.store.transaction(async (tx) => {
    // Serialised with signing and resubmission: a question opened while an approval is being
    // signed is either seen by the approval's gate or opened after the decision, never both missed.
    await tx.lockPackage(pkg.id);
    const stored = await openThreadIn(tx, ctx.deps, { pkg, user, request: body, at });
    return threadView(tx, stored);
  });
  return { status: 201, body: thread };
});

export const replyToThread = defineHandler(routes.replyToThread, async (ctx, { params, body }) => {
  const user = signedIn(ctx);
  const pkg = await seePackage(ctx, params.id);
  const isOwner = user.id === pkg.ownerId;
  if (!isOwner && !user.roles.some(isReviewerRole)) {
    await auditDenied(ctx, 'only the owner or a reviewer may reply');
    throw problems.forbidden('Only the package owner or a reviewer may reply in a thread.');
  }
  const at = ctx.deps.now().toISOString();
  const thread = await ctx.deps.store.transaction(async (tx) => {
    await tx.lockPackage(pkg.id);
    const stored = await threadOf(tx, pkg.id, params.threadId);
    if (stored.status === 'resolved') throw problems.conflict('This thread is resolved; open a new one to raise something else.');
    await assertConversationOpen(tx, pkg, ctx.deps.now());
    return threadView(tx, await addThreadMessage(ctx, tx, { pkg, thread: stored, user, body: body.body, at }));
  });
  return { status: 201, body: thread };
});

async function ownMessage(ctx: RequestContext, tx: StoreTx, pkg: StoredPackage, threadId: string, messageId: string) {
  const user = signedIn(ctx);
  const thread = await threadOf(tx, pkg.id, threadId);
  const message = (await tx.listMessages([thread.id])).find((m) => m.id === messageId);
  if (!message) throw problems.notFound(`Thread ${threadId} has no message ${messageId}.`);
  if (message.author.id !== user.id) throw problems.forbidden('Only its author may change a message.');
  if (thread.status === 'resolved') throw problems.conflict('This thread is resolved; its messages can no longer change.');
  await assertConversationOpen(tx, pkg, ctx.deps.now());
  const [view] = await threadViews(tx, [thread]);
  const current = view?.messages.find((m) => m.id === messageId);
  if (!current || current.retractedAt) throw problems.conflict('This message was retracted.');
  return { user, thread, current };
}

export const editMessage = defineHandler(routes.editMessage, async (ctx, { params, body }) => {
  const pkg = await seePackage(ctx, params.id);
  const at = ctx.deps.now().toISOString();
  const thread = await ctx.deps.store.transaction(async (tx) => {
    await tx.lockPackage(pkg.id);
    const { user, thread, current } = await ownMessage(ctx, tx, pkg, params.threadId, params.messageId);
    if (current.body === body.body) throw problems.conflict('The new text is the same as the current one.');
    await tx.insertRevision({ id: newId(ctx.deps, 'rev'), messageId: current.id, kind: 'edit', body: body.body, at });
    await tx.appendAudit({ event: { action: 'thread.message_edited', subject: pkg.id, before: { message: current.id, body: current.body }, after: { message: current.id, body: body.body } }, actorId: user.id, at });
    return threadView(tx, thread);
  });
  return { status: 201, body: thread };
});

export const retractMessage = defineHandler(routes.retractMessage, async (ctx, { params }) => {
  const pkg = await seePackage(ctx, params.id);
  const at = ctx.deps.now().toISOString();
  const thread = await ctx.deps.store.transaction(async (tx) => {
    await tx.lockPackage(pkg.id);
    const { user, thread, current } = await ownMessage(ctx, tx, pkg, params.threadId, params.messageId);
    await tx.insertRevision({ id: newId(ctx.deps, 'rev'), messageId: current.id, kind: 'retract', body: '', at });
    await tx.appendAudit({ event: { action: 'thread.message_retracted', subject: pkg.id, before: { message: current.id, body: current.body }, after: null }, actorId: user.id, at });
    return threadView(tx, thread);
  });
  return { status: 201, body: thread };
});

export const resolveThread = defineHandler(routes.resolveThread, async (ctx, { params }) => {
  const user = signedIn(ctx);
  const pkg = await seePackage(ctx, params.id);
  const now = ctx.deps.now();
  const at = now.toISOString();
  const thread = await ctx.deps.store.transaction(async (tx) => {
    await tx.lockPackage(pkg.id);
    const stored = await threadOf(tx, pkg.id, params.threadId);
    // Who may close it (domain/workflow/thread-resolution.ts): its author or a reviewer of its role, never the owner team.
    const [first] = await tx.listMessages([stored.id]);
    const ownerTeam = new Set([pkg.ownerId, ...(await tx.listVersionFacts([pkg.id])).map((v) => v.submittedBy)]);
    const refusal = resolveRefusal({ kind: stored.kind, authorId: stored.createdBy.id, authorRole: first?.authorRole ?? 'model_owner' }, await moverOf(tx, user, now), ownerTeam);
    if (refusal) throw new DeniedError(problems.forbidden(refusal), `resolving thread ${stored.id}: ${refusal}`);
    if (stored.status === 'resolved') throw problems.conflict('This thread is already resolved.');
    await assertConversationOpen(tx, pkg, ctx.deps.now());
    await tx.setThreadStatus(stored.id, 'resolved', actorOf(user), at);
    await tx.appendAudit({ event: { action: 'thread.resolved', subject: pkg.id, before: { thread: stored.id, status: stored.status }, after: { thread: stored.id, status: 'resolved' } }, actorId: user.id, at });
    return threadView(tx, { ...stored, status: 'resolved', resolvedBy: actorOf(user), resolvedAt: at });
  });
  return { status: 201, body: thread };
});
