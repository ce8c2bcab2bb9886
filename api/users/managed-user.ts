import type { StoredUser, StoreTx } from '../store/store.ts';
import { problems } from '../kernel/problems.ts';
import { toUser } from '../package-access/views.ts';
import type { ManagedUser } from './contract.ts';
import { isBreachedPassword } from '#domain/accounts/breached-passwords.ts';
import { passwordProblem } from '#domain/accounts/password-policy.ts';

// An account as administrators see it, and the checks shared by the account routes.

export async function managedUser(tx: Pick<StoreTx, 'listUserSessions'>, user: StoredUser): Promise<ManagedUser> {
  return { ...toUser(user), disabledAt: user.disabledAt ?? null, passwordChangeRequired: user.passwordChangeRequired === true, sessions: (await tx.listUserSessions(user.id)).length };
}

export async function existingUser(tx: Pick<StoreTx, 'findUserById'>, id: string): Promise<StoredUser> {
  const user = await tx.findUserById(id);
  if (!user) throw problems.notFound(`No account ${id}.`);
  return user;
}

/** Refuses a new password that the policy refuses, or that is known from breaches, at its field. */
export function assertAcceptablePassword(password: string, pointer: string, context: { email?: string; displayName?: string }): void {
  const problem = passwordProblem(password, context) ?? (isBreachedPassword(password.normalize('NFKC').toLowerCase()) ? breachedMessage : null);
  if (problem) throw problems.validation([{ pointer, message: problem }]);
}

const breachedMessage = 'This password, or what it is built from, appears in lists of passwords leaked in breaches; choose another.';

/** The id a session is shown under: the start of its token hash (which is itself a hash of the secret). */
export function sessionIdOf(tokenHash: string): string {
  return tokenHash.slice(0, 16);
}
