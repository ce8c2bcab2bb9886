import type { FieldProblem } from '../contracts/problem.ts';
import { maxDelegationDays, type DelegationStatus } from '../contracts/delegations.ts';
import type { Role } from '../contracts/roles.ts';

// The rules of delegation, pure so the server, the mocks and the tests apply the same ones.
// A window is half-open, [startsAt, endsAt): at endsAt the delegate no longer acts. A
// revocation ends it early, from revokedAt on.

export interface DelegationFacts {
  id: string;
  role: Role;
  delegatorId: string;
  delegateId: string;
  startsAt: string;
  endsAt: string;
  revokedAt: string | null;
}

const dayMs = 24 * 60 * 60_000;

/** When the delegation stops counting: its end, or its revocation if earlier. */
function effectiveEnd(d: Pick<DelegationFacts, 'endsAt' | 'revokedAt'>): number {
  const end = Date.parse(d.endsAt);
  return d.revokedAt === null ? end : Math.min(end, Date.parse(d.revokedAt));
}

export function isActiveAt(d: DelegationFacts, at: Date): boolean {
  const t = at.getTime();
  return Date.parse(d.startsAt) <= t && t < effectiveEnd(d);
}

export function delegationStatus(d: DelegationFacts, at: Date): DelegationStatus {
  const t = at.getTime();
  if (d.revokedAt !== null && Date.parse(d.revokedAt) <= t) return 'revoked';
  if (t < Date.parse(d.startsAt)) return 'scheduled';
  return t < Date.parse(d.endsAt) ? 'active' : 'ended';
}

/**
 * How a user may act for a role at a time: as a holder, or as a delegate under an active
 * delegation (the earliest-made one when several apply, so the answer is stable); null if
 * neither. Holding the role wins: a holder never signs "on behalf of" someone.
 */
export function actingCapacity(
  user: { id: string; roles: readonly Role[] },
  role: Role,
  delegations: readonly DelegationFacts[],
  at: Date,
): { kind: 'holder' } | { kind: 'delegate'; delegation: DelegationFacts } | null {
  if (user.roles.includes(role)) return { kind: 'holder' };
  const delegation = delegations.find((d) => d.delegateId === user.id && d.role === role && isActiveAt(d, at));
  return delegation ? { kind: 'delegate', delegation } : null;
}

/**
 * A chain of delegations of the same role, back from the new delegate to its delegator,
 * whose windows (with the new one's) share a moment: the people in order, or null. A role
 * delegated round in a circle would leave nobody accountable for it.
 */
export function delegationCycle(draft: Omit<DelegationFacts, 'id' | 'revokedAt'>, existing: readonly DelegationFacts[]): string[] | null {
  const edges = existing.filter((d) => d.role === draft.role && d.revokedAt === null);
  const search = (person: string, from: number, to: number, path: string[]): string[] | null => {
    if (person === draft.delegatorId) return path;
    for (const edge of edges) {
      if (edge.delegatorId !== person || (edge.delegateId !== draft.delegatorId && path.includes(edge.delegateId))) continue;
      const lo = Math.max(from, Date.parse(edge.startsAt));
      const hi = Math.min(to, effectiveEnd(edge));
      if (lo >= hi) continue;
      const found = search(edge.delegateId, lo, hi, [...path, edge.delegateId]);
      if (found) return found;
    }
    return null;
  };
  return search(draft.delegateId, Date.parse(draft.startsAt), Date.parse(draft.endsAt), [draft.delegatorId, draft.delegateId]);
}

export interface DelegationDraft {
  role: Role;
  delegatorId: string;
  delegateId: string;
  startsAt: string;
  endsAt: string;
}

/** What is wrong with a new delegation, each problem at its field; [] when it may be made. */
export function delegationProblems(draft: DelegationDraft, existing: readonly DelegationFacts[], now: Date, nameOf: (id: string) => string = (id) => id): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (draft.delegateId === draft.delegatorId) out.push({ pointer: '/delegateId', message: 'You cannot delegate a role to yourself; choose a colleague' });
  const start = Date.parse(draft.startsAt);
  const end = Date.parse(draft.endsAt);
  if (end <= start) out.push({ pointer: '/endsAt', message: 'The end must come after the start' });
  else if (end - start > maxDelegationDays * dayMs) out.push({ pointer: '/endsAt', message: `A delegation lasts at most ${maxDelegationDays} days` });
  if (end <= now.getTime()) out.push({ pointer: '/endsAt', message: 'The end is already past' });
  if (out.length > 0) return out;
  const cycle = delegationCycle(draft, existing);
  if (cycle) out.push({ pointer: '/delegateId', message: `This would delegate the role in a circle (${cycle.map(nameOf).join(' → ')}) during overlapping periods` });
  return out;
}
