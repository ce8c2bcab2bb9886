import type { Role } from '#domain/contracts/roles.ts';
import { actingRoles, delegatedCapacities, isActiveAt } from '#domain/workflow/delegation.ts';
import type { InboxViewer } from '#domain/package/inbox-tabs.ts';
import type { StoreTx } from '../store/store.ts';

// The roles a person acts in now, for the other capabilities' authorization: the roles they
// hold, and those an active delegation gives them. The rule of what "active" means stays in
// domain/workflow/delegation.ts; this is the one place that reads delegations for it.

type DelegationReader = Pick<StoreTx, 'listDelegations'>;
interface Person {
  id: string;
  roles: readonly Role[];
}

/** Someone moving a finding, an obligation or a thread, as those rules take them. */
export interface Mover extends Person {
  /** Roles the mover acts for now through an active delegation. */
  delegatedRoles: Role[];
}

/** Every role `user` acts in at `now`: their own first, then those acted for. */
export async function rolesActedIn(reader: DelegationReader, user: Person, now: Date): Promise<Role[]> {
  return actingRoles(user, await reader.listDelegations(), now);
}

/** `user` as the inbox's tabs read them at `now`: acting roles, and whose delegate they are in those they do not hold (0186). One read of the delegations. */
export async function inboxViewerOf(reader: DelegationReader, user: Person, now: Date): Promise<InboxViewer> {
  const delegations = await reader.listDelegations();
  return { id: user.id, roles: actingRoles(user, delegations, now), delegatedFrom: delegatedCapacities(user, delegations, now) };
}

/**
 * `user` as a mover at `now`. `notFrom`: people whose delegations do not count here (a role
 * handed over by one of them acts for nothing).
 */
export async function moverOf(reader: DelegationReader, user: Person, now: Date, options: { notFrom?: ReadonlySet<string> } = {}): Promise<Mover> {
  const delegatedRoles = (await reader.listDelegations()).filter((d) => d.delegateId === user.id && isActiveAt(d, now) && !options.notFrom?.has(d.delegatorId)).map((d) => d.role);
  return { id: user.id, roles: user.roles, delegatedRoles };
}
