import { isReviewerRole } from '#domain/contracts/roles.ts';
import type { RequestContext } from '../kernel/context.ts';
import type { StoredPackage, StoredThread, StoredUser, StoreTx } from '../store/store.ts';
import { actorOf } from '../package-access/package-access.ts';
import { newId } from '../kernel/new-id.ts';


/** The role a message is written in: the package owner's, else the writer's reviewer role. */
export function roleFor(user: StoredUser, ownerId: string) {
  if (user.id === ownerId) return 'model_owner' as const;
  return user.roles.find(isReviewerRole) ?? user.roles[0] ?? 'model_owner';
}

/**
 * Adds a message to a thread and audits it, within the caller's transaction. A reply and a
 * resubmission that answers a clarification request both come through here, so the request
 * moves on the same way whichever route answered it. The caller checks the thread may
 * still take messages.
 */
export async function addThreadMessage(ctx: RequestContext, tx: StoreTx, input: { pkg: StoredPackage; thread: StoredThread; user: StoredUser; body: string; at: string }): Promise<StoredThread> {
  const { pkg, thread, user, body, at } = input;
  const messageId = newId(ctx.deps, 'msg');
  const position = (await tx.listMessages([thread.id])).length;
  await tx.insertMessage({ id: messageId, threadId: thread.id, author: actorOf(user), authorRole: roleFor(user, pkg.ownerId), body, createdAt: at, position });
  // The owner's reply answers a request; a reviewer's reply puts the ball back with the owner.
  const status = thread.kind === 'clarification' ? (user.id === pkg.ownerId ? 'answered' : 'open') : thread.status;
  if (status !== thread.status) await tx.setThreadStatus(thread.id, status, null, null);
  await tx.appendAudit({ event: { action: 'thread.message_added', subject: pkg.id, before: null, after: { thread: thread.id, message: messageId, body } }, actorId: user.id, at });
  return { ...thread, status };
}
