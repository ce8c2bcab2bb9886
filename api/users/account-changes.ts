import type { Role } from '#domain/contracts/roles.ts';
import { problems } from '../kernel/problems.ts';
import type { StoredUser, StoreTx } from '../store/store.ts';
import type { ManagedUser } from './contract.ts';
import { managedUser } from './managed-user.ts';
import { grantNeedsHolderPassword } from '#domain/accounts/privileged-changes.ts';

// The account changes themselves, each with its audit entry, inside the caller's transaction:
// applied at once by the administration routes when the change is not privileged, or when a
// second administrator approves the request (docs/decisions/0175). `actorId` is whoever made it
// take effect.

/** `createdBy`: who chose the address (0186); `passwordSetAt`: null when no password signs in yet (a link is on its way). */
export type NewAccount = Pick<StoredUser, 'id' | 'email' | 'displayName' | 'title' | 'roles' | 'passwordHash' | 'passwordSetByAdmin'> & { createdBy: string; passwordSetAt: string | null };

export async function createAccount(tx: StoreTx, account: NewAccount, actorId: string, at: string): Promise<ManagedUser> {
  if (await tx.findUserByEmail(account.email)) throw problems.validation([{ pointer: '/email', message: 'An account with this email exists already' }]);
  const user = { ...account, createdAt: at, passwordChangeRequired: true };
  await tx.insertUser(user);
  await tx.appendAudit({ event: { action: 'user.created', subject: user.id, before: null, after: { email: user.email, displayName: user.displayName, roles: user.roles } }, actorId, at });
  return managedUser(tx, { ...user, disabledAt: null });
}

export async function replaceRoles(tx: StoreTx, user: StoredUser, roles: Role[], actorId: string, at: string): Promise<ManagedUser> {
  await tx.setUserRoles(user.id, roles);
  await tx.appendAudit({ event: { action: 'user.roles_changed', subject: user.id, before: { roles: user.roles }, after: { roles } }, actorId, at });
  return managedUser(tx, { ...user, roles });
}

/** Sets a temporary password the holder must replace (chosen by `setBy`), ends their sessions and any set-password link. */
export async function resetPassword(tx: StoreTx, user: StoredUser, passwordHash: string, actorId: string, at: string, setBy = actorId): Promise<ManagedUser> {
  await tx.setUserPassword(user.id, passwordHash, true, { setByAdmin: setBy, at });
  await tx.endPasswordLinks(user.id, at);
  const sessionsEnded = await tx.deleteUserSessions(user.id);
  await tx.appendAudit({ event: { action: 'user.password_reset', subject: user.id, before: { passwordChangeRequired: user.passwordChangeRequired === true }, after: { passwordChangeRequired: true, sessionsEnded } }, actorId, at });
  return managedUser(tx, { ...user, passwordHash, passwordChangeRequired: true, passwordSetByAdmin: setBy });
}


/** Refuses, as 409, a change that only a request approved by another administrator may make. */
export function secondAdministratorRequired(what: string): never {
  throw problems.conflict(`${what} needs a second administrator: file it as a request (POST /api/admin/account-requests), which another administrator approves.`);
}

/** Refuses, as 409, a grant to an account whose password an administrator set, while mail can reach its holder (0181). */
export function assertHolderPasswordBeforeGrant(account: Pick<StoredUser, 'roles' | 'passwordHash' | 'passwordSetByAdmin'>, rolesAfter: readonly Role[], mailOn: boolean): void {
  if (grantNeedsHolderPassword(account, rolesAfter, mailOn)) {
    throw problems.credentialSetByAdministrator('This account\'s password was set by an administrator, who could sign in as it: send the holder a set-password link first, and grant the role once they have set their own password.');
  }
}
