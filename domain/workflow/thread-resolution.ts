import { isReviewerRole, type Role, roleInProse } from '../contracts/roles.ts';
import { threadKindLabels, type ThreadKind } from '../contracts/threads.ts';

// Who may resolve a thread. Never the package's owner team (its owner and whoever submitted a
// version): they answer questions, they do not close them. A clarification request or a
// finding is closed by its author or by a reviewer of the same role (a holder, or a delegate
// acting for it now), so a finding is not closed by whoever happens to hold some reviewer
// role. A comment, which asks nothing, any reviewer may close.

export interface ThreadToResolve {
  kind: ThreadKind;
  authorId: string;
  /** The role its first message was written in. */
  authorRole: Role;
}

export interface Resolver {
  id: string;
  roles: readonly Role[];
  /** Roles the resolver acts for now through an active delegation. */
  delegatedRoles: readonly Role[];
}

/** Why this person may not resolve the thread, in a sentence, or null if they may. */
export function resolveRefusal(thread: ThreadToResolve, resolver: Resolver, ownerTeam: ReadonlySet<string>): string | null {
  const what = threadKindLabels[thread.kind].toLowerCase();
  if (ownerTeam.has(resolver.id)) return `The package's owner team answers a ${what}; a reviewer resolves it.`;
  if (thread.kind === 'comment' || thread.authorId === resolver.id) return null;
  // A request the owner team opened has no reviewer role behind it: any reviewer may close it.
  if (!isReviewerRole(thread.authorRole)) return null;
  if (resolver.roles.includes(thread.authorRole) || resolver.delegatedRoles.includes(thread.authorRole)) return null;
  return `Only its author or a ${roleInProse(thread.authorRole)} reviewer may resolve this ${what}.`;
}
