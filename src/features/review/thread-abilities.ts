import { isReviewerRole } from '#domain/contracts/roles.ts';
import type { Thread, ThreadMessage } from '#domain/contracts/threads.ts';
import type { User } from '#domain/contracts/users.ts';
import { resolveRefusal } from '#domain/workflow/thread-resolution.ts';

/**
 * What the signed-in user may do in a thread, mirroring the server's rules so the page
 * offers only what will be accepted (the server still decides): the owner and reviewers
 * reply; a reviewer resolves a comment, and a clarification request or finding only if
 * they wrote it or hold its author's role (domain/workflow/thread-resolution.ts); authors
 * edit and retract their own messages; nothing changes once the thread is resolved or its
 * version decided (`lock` says why).
 */
export interface ThreadAbilities {
  reply: boolean;
  resolve: boolean;
  changeMessage: (message: ThreadMessage) => boolean;
}

export function threadAbilities(thread: Thread, viewer: User | null, lock: string | null): ThreadAbilities {
  const open = thread.status !== 'resolved' && lock === null;
  const reviewer = viewer?.roles.some(isReviewerRole) ?? false;
  const owner = viewer?.roles.includes('model_owner') ?? false;
  return {
    reply: open && (reviewer || owner),
    // Delegations and the owner team are the server's to weigh; the role rule is shown here.
    resolve: open && reviewer && viewer !== null && resolveRefusal({ kind: thread.kind, authorId: thread.createdBy.id, authorRole: thread.messages[0]?.authorRole ?? 'model_owner' }, { id: viewer.id, roles: viewer.roles, delegatedRoles: [] }, new Set()) === null,
    changeMessage: (message) => open && message.author.id === viewer?.id && message.retractedAt === null,
  };
}

/** Threads of one version grouped by section key, in the order they were opened. */
export function threadsBySection(threads: readonly Thread[], versionNumber: number): Map<string, Thread[]> {
  const bySection = new Map<string, Thread[]>();
  for (const thread of threads) {
    if (thread.versionNumber !== versionNumber) continue;
    const list = bySection.get(thread.sectionKey) ?? [];
    list.push(thread);
    bySection.set(thread.sectionKey, list);
  }
  return bySection;
}

/** Threads still needing something: not resolved. */
export function openCount(threads: readonly Thread[] | undefined): number {
  return threads?.filter((thread) => thread.status !== 'resolved').length ?? 0;
}

export const threadAnchor = (id: string) => `thread-${id}`;
