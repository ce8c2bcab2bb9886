import type { ApiDeps } from '../kernel/context.ts';
import { ApiError, problems } from '../kernel/problems.ts';
import type { StoredPackage, StoredThread, StoredUser, StoreTx } from '../store/store.ts';
import { openThreadIn } from '../threads/open-thread.ts';

interface Publication {
  pkg: StoredPackage;
  user: StoredUser;
  at: string;
  /** The decision being signed in the same transaction, or null when published on their own. */
  decision: string | null;
}

/**
 * Publishes every draft the reviewer has on the package, inside the caller's transaction,
 * which holds the package lock: the drafts are read after the lock, so of two publications
 * at once the second finds none left and publishes nothing twice. A draft that can no longer
 * be published (its version superseded or decided) refuses the whole publication, and with
 * it the decision it comes with: nothing is half published.
 */
export async function publishReviewDraftsIn(tx: StoreTx, deps: Pick<ApiDeps, 'now' | 'randomToken'>, { pkg, user, at, decision }: Publication): Promise<StoredThread[]> {
  const drafts = await tx.listReviewDrafts(pkg.id, user.id);
  if (drafts.length === 0) return [];
  const opened: StoredThread[] = [];
  for (const draft of drafts) {
    try {
      opened.push(await openThreadIn(tx, deps, { pkg, user, at, request: { ...draft, severity: null } }));
    } catch (error) {
      if (error instanceof ApiError && error.problem.status === 409) {
        throw problems.conflict(`One of your unpublished drafts, on version ${draft.versionNumber}, can no longer be published (${error.message}). Discard it, or write it again on the latest version.`);
      }
      throw error;
    }
  }
  if ((await tx.deleteReviewDrafts(drafts.map((d) => d.id), user.id)) !== drafts.length) {
    throw problems.conflict('Your drafts changed while they were being published; try again.');
  }
  await tx.appendAudit({ event: { action: 'review.published', subject: pkg.id, before: null, after: { threads: opened.map((t) => t.id), decision } }, actorId: user.id, at });
  return opened;
}
