import type { Obligation } from '#domain/contracts/obligations.ts';
import type { StoredObligation, StoredUser } from '../store/store.ts';
import { toActor } from '../package-access/views.ts';

/** An obligation as the API shows it: its owner named. */
export function obligationView(o: StoredObligation, users: ReadonlyMap<string, StoredUser>): Obligation {
  const { ownerId, ...rest } = o;
  return { ...rest, owner: toActor(users.get(ownerId), ownerId) };
}
