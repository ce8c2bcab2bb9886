import type { StoredAccountRequest, StoredUser, StoreTx } from '../store/store.ts';
import type { AccountRequest } from './contract.ts';

// A request as administrators see it: named people, and its status at `now` (a request nobody
// decided within its lifetime reads as expired; no sweep is needed for that).

/** Every account, read once for a whole list of requests (not one read per request). */
export type UsersById = ReadonlyMap<string, StoredUser>;

export async function usersById(store: Pick<StoreTx, 'listUsers'>): Promise<UsersById> {
  return new Map((await store.listUsers()).map((user) => [user.id, user]));
}

function person(users: UsersById, id: string) {
  return { id, displayName: users.get(id)?.displayName ?? id };
}

/** Who the account's current password descends from, when an administrator set it (0181). */
function passwordSetBy(users: UsersById, r: StoredAccountRequest) {
  if (r.kind === 'create_account') return null;
  const setBy = users.get(r.userId)?.passwordSetByAdmin;
  if (setBy === 'unknown') return { id: setBy, displayName: 'an administrator not recorded (before 0181)' };
  return setBy ? person(users, setBy) : null;
}

export function accountRequestView(users: UsersById, r: StoredAccountRequest, now: string): AccountRequest {
  const status = r.decision ?? (r.expiresAt <= now ? 'expired' : 'pending');
  return {
    id: r.id,
    kind: r.kind,
    account: { id: r.userId, email: r.email, displayName: r.displayName },
    roles: r.rolesAfter ? { before: r.rolesBefore, after: r.rolesAfter } : null,
    passwordSetBy: passwordSetBy(users, r),
    requestedBy: person(users, r.requestedBy),
    requestedAt: r.requestedAt,
    expiresAt: r.expiresAt,
    status,
    decidedBy: r.decidedBy ? person(users, r.decidedBy) : null,
    decidedAt: r.decidedAt,
  };
}
