import type { Delegation } from '#domain/contracts/delegations.ts';
import { delegationStatus, needsAcceptance } from '#domain/workflow/delegation.ts';
import type { StoredDelegation, StoredUser } from '../store/store.ts';
import { toActor } from '../package-access/views.ts';

// How a delegation reads in the API: people by name, and its status at the time of answering.

export function delegationView(d: StoredDelegation, users: ReadonlyMap<string, StoredUser>, now: Date): Delegation {
  const actor = (id: string) => toActor(users.get(id), id);
  return {
    id: d.id,
    role: d.role,
    delegator: actor(d.delegatorId),
    delegate: actor(d.delegateId),
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    reason: d.reason,
    createdBy: actor(d.createdBy),
    createdAt: d.createdAt,
    revocation: d.revokedAt !== null && d.revokedBy !== null ? { revokedAt: d.revokedAt, revokedBy: actor(d.revokedBy) } : null,
    acceptance: { required: needsAcceptance(d), acceptedAt: d.acceptedAt },
    status: delegationStatus(d, now),
  };
}
