import { locateQuote } from '#domain/annotations/section-text.ts';
import type { OpenThreadRequest } from '#domain/contracts/threads.ts';
import type { ApiDeps } from '../kernel/context.ts';
import { problems } from '../kernel/problems.ts';
import { newId } from '../kernel/new-id.ts';
import type { StoredPackage, StoredThread, StoredUser, StoreTx } from '../store/store.ts';
import { actorOf, assertNotDecided, sectionOf } from '../package-access/package-access.ts';
import { roleFor } from './thread-message.ts';

interface Opening {
  pkg: StoredPackage;
  user: StoredUser;
  request: OpenThreadRequest;
  at: string;
  /** Where the request's fields are in the body, for a problem's pointers ('' for the body itself). */
  pointer?: string;
}

/** The checks a new thread passes, for a thread opened now or a draft saved for later. */
export async function checkOpening(tx: StoreTx, deps: Pick<ApiDeps, 'now'>, pkg: StoredPackage, request: Pick<OpenThreadRequest, 'versionNumber' | 'sectionKey' | 'anchor'>, pointer = ''): Promise<void> {
  const versions = await tx.listVersionFacts([pkg.id]);
  const latest = Math.max(...versions.map((v) => v.number));
  if (request.versionNumber !== latest && versions.some((v) => v.number === request.versionNumber)) {
    throw problems.conflict(`Version ${request.versionNumber} has been superseded by version ${latest}; annotate the latest version.`);
  }
  await assertNotDecided(tx, pkg, request.versionNumber, deps.now());
  const section = await sectionOf(tx, pkg.id, request.versionNumber, request.sectionKey, `${pointer}/sectionKey`);
  if (request.anchor && locateQuote(section, request.anchor) === -1) {
    throw problems.validation([{ pointer: `${pointer}/anchor/exact`, message: `The quoted text does not occur in section "${section.title}"` }]);
  }
}

/**
 * Opens a thread inside the caller's transaction, which already holds the package lock: on
 * its own (POST /threads) or as one of a reviewer's drafts being published.
 */
export async function openThreadIn(tx: StoreTx, deps: Pick<ApiDeps, 'now' | 'randomToken'>, { pkg, user, request, at, pointer = '' }: Opening): Promise<StoredThread> {
  await checkOpening(tx, deps, pkg, request, pointer);
  const stored: StoredThread = { id: newId(deps, 'thr'), packageId: pkg.id, versionNumber: request.versionNumber, sectionKey: request.sectionKey, kind: request.kind, severity: request.severity, status: 'open', anchor: request.anchor, createdBy: actorOf(user), createdAt: at, resolvedBy: null, resolvedAt: null };
  await tx.insertThread(stored);
  await tx.insertMessage({ id: newId(deps, 'msg'), threadId: stored.id, author: actorOf(user), authorRole: roleFor(user, pkg.ownerId), body: request.body, createdAt: at, position: 0 });
  await tx.appendAudit({ event: { action: 'thread.opened', subject: pkg.id, before: null, after: { section: request.sectionKey, kind: request.kind, version: request.versionNumber, thread: stored.id, quote: request.anchor?.exact ?? null, body: request.body } }, actorId: user.id, at });
  return stored;
}
