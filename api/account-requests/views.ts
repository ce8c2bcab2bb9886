import type { StoredAccountRequest, StoreTx } from '../store/store.ts';
import type { AccountRequest } from './contract.ts';

// A request as administrators see it: named people, and its status at `now` (a request nobody
// decided within its lifetime reads as expired; no sweep is needed for that).

async function person(store: Pick<StoreTx, 'findUserById'>, id: string) {
  const user = await store.findUserById(id);
  return { id, displayName: user?.displayName ?? id };
}

export async function accountRequestView(store: Pick<StoreTx, 'findUserById'>, r: StoredAccountRequest, now: string): Promise<AccountRequest> {
  const status = r.decision ?? (r.expiresAt <= now ? 'expired' : 'pending');
  return {
    id: r.id,
    kind: r.kind,
    account: { id: r.userId, email: r.email, displayName: r.displayName },
    roles: r.rolesAfter ? { before: r.rolesBefore, after: r.rolesAfter } : null,
    requestedBy: await person(store, r.requestedBy),
    requestedAt: r.requestedAt,
    expiresAt: r.expiresAt,
    status,
    decidedBy: r.decidedBy ? await person(store, r.decidedBy) : null,
    decidedAt: r.decidedAt,
  };
}
