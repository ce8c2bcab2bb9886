import type { SessionResponse } from '#domain/contracts/users.ts';
import { rolesActedIn } from '../delegations/acting-roles.ts';
import { needsSecondAdministrator } from '../kernel/catalogue-change.ts';
import { toUser } from '../package-access/views.ts';
import type { StoredUser, StoreTx } from '../store/store.ts';

// What a session answers, on sign-in and on every read of it. An administrator's also says
// whether catalogue changes wait for a second administrator: every admin page already has the
// session, so its buttons can say "Propose" without a read of their own (0192, third amendment).

export async function sessionBody(reader: Pick<StoreTx, 'listDelegations' | 'listUsers'>, user: StoredUser, expiresAt: string, now: Date): Promise<SessionResponse> {
  const body: SessionResponse = { user: toUser(user), expiresAt, actingRoles: await rolesActedIn(reader, user, now) };
  return user.roles.includes('admin') ? { ...body, catalogueNeedsSecondAdministrator: await needsSecondAdministrator(reader) } : body;
}
