import type { FieldProblem } from '../contracts/problem.ts';
import { maxDelegationDays, maxDelegationStartAheadDays, maxDelegationStartPastHours, type DelegationStatus } from '../contracts/delegations.ts';
import type { Role } from '../contracts/roles.ts';

// The rules of delegation, pure so the server, the mocks and the tests apply the same ones.
// A window is half-open, [startsAt, endsAt): at endsAt the delegate no longer acts. A
// revocation ends it early, from revokedAt on. A delegation someone else made for the
// delegator (an administrator) acts only once the delegator has accepted it.

export interface DelegationFacts {
  id: string;
  role: Role;
  delegatorId: string;
  delegateId: string;
  startsAt: string;
  endsAt: string;
  revokedAt: string | null;
  /** Who made it: the delegator, or an administrator for them. */
  createdBy: string;
  /** When the delegator accepted it; null if not (yet), or if they made it themselves. */
  acceptedAt: string | null;
}

const dayMs = 24 * 60 * 60_000;

/** When the delegation stops counting: its end, or its revocation if earlier. */
function effectiveEnd(d: Pick<DelegationFacts, 'endsAt' | 'revokedAt'>): number {
  const end = Date.parse(d.endsAt);
  return d.revokedAt === null ? end : Math.min(end, Date.parse(d.revokedAt));
}

/** Made by someone other than the delegator: it needs their acceptance before it acts. */
export function needsAcceptance(d: Pick<DelegationFacts, 'createdBy' | 'delegatorId'>): boolean {
  return d.createdBy !== d.delegatorId;
}

/** Whether the delegator's consent stands at a time: given by then, or not needed. */
function consentedAt(d: DelegationFacts, t: number): boolean {
  return !needsAcceptance(d) || (d.acceptedAt !== null && Date.parse(d.acceptedAt) <= t);
}

export function isActiveAt(d: DelegationFacts, at: Date): boolean {
  const t = at.getTime();
  return Date.parse(d.startsAt) <= t && t < effectiveEnd(d) && consentedAt(d, t);
}

export function delegationStatus(d: DelegationFacts, at: Date): DelegationStatus {
  const t = at.getTime();
  if (d.revokedAt !== null && Date.parse(d.revokedAt) <= t) return 'revoked';
  if (t >= Date.parse(d.endsAt)) return 'ended';
  if (!consentedAt(d, t)) return 'pending';
  return t < Date.parse(d.startsAt) ? 'scheduled' : 'active';
}

/** The roles a user acts in at a time: their own, then those delegated to them by an active delegation. */
export function actingRoles(user: { id: string; roles: readonly Role[] }, delegations: readonly DelegationFacts[], at: Date): Role[] {
  const delegated = delegations.filter((d) => d.delegateId === user.id && isActiveAt(d, at)).map((d) => d.role);
  return [...new Set([...user.roles, ...delegated])];
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
 * The roles a user acts in at a time only as a delegate, each with the holder a signature in it
 * would be made for (actingCapacity's choice): the inbox leaves out what that signature would be
 * refused on (decision record 0186).
 */
export function delegatedCapacities(user: { id: string; roles: readonly Role[] }, delegations: readonly DelegationFacts[], at: Date): { role: Role; delegatorId: string }[] {
  const roles = new Set(delegations.filter((d) => d.delegateId === user.id && !user.roles.includes(d.role) && isActiveAt(d, at)).map((d) => d.role));
  return [...roles].flatMap((role) => {
    const capacity = actingCapacity(user, role, delegations, at);
    return capacity?.kind === 'delegate' ? [{ role, delegatorId: capacity.delegation.delegatorId }] : [];
  });
}

/**
 * A chain of delegations of the same role, back from the new delegate to its delegator,
 * whose windows (with the new one's) share a moment: the people in order, or null. A role
 * delegated round in a circle would leave nobody accountable for it.
 */
export function delegationCycle(draft: Omit<DelegationFacts, 'id' | 'revokedAt' | 'createdBy' | 'acceptedAt'>, existing: readonly DelegationFacts[]): string[] | null {
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
  // A delegation acts from when it is made: a start far back would only misstate the record.
  if (start < now.getTime() - maxDelegationStartPastHours * 3_600_000) out.push({ pointer: '/startsAt', message: `The start may be at most ${maxDelegationStartPastHours} hours ago; a delegation acts from when it is made` });
  else if (start > now.getTime() + maxDelegationStartAheadDays * dayMs) out.push({ pointer: '/startsAt', message: `The start may be at most ${maxDelegationStartAheadDays} days ahead` });
  if (out.length > 0) return out;
  const cycle = delegationCycle(draft, existing);
  if (cycle) out.push({ pointer: '/delegateId', message: `This would delegate the role in a circle (${cycle.map(nameOf).join(' → ')}) during overlapping periods` });
  return out;
}
