import type { Role } from '#domain/contracts/roles.ts';
import type { StoredSession } from './session.ts';

// The users slice of the storage port: what administration and self-service change about an
// account and its sessions, and the one-time setup secret of a production start.

export interface UsersStore {
  setUserRoles(id: string, roles: readonly Role[]): Promise<void>;
  /** null enables the account again. */
  setUserDisabled(id: string, disabledAt: string | null): Promise<void>;
  setUserPassword(id: string, passwordHash: string, changeRequired: boolean): Promise<void>;
  /** A user's sessions, newest first. */
  listUserSessions(userId: string): Promise<StoredSession[]>;
  /** Ends every session of a user (disabling, a password reset); returns how many ended. */
  deleteUserSessions(userId: string, exceptTokenHash?: string | null): Promise<number>;
  /** Records that a session was used at `at` (idle timeout). */
  touchSession(tokenHash: string, at: string): Promise<void>;
  /** Records that the holder confirmed their password on this session at `at`. */
  markSessionSteppedUp(tokenHash: string, at: string): Promise<void>;
  /** Replaces the setup secret (there is at most one). */
  putSetupSecret(secretHash: string, at: string): Promise<void>;
  findSetupSecret(): Promise<{ secretHash: string; createdAt: string } | null>;
  deleteSetupSecret(): Promise<void>;
  /** Whether any account exists: a production start without one waits for the setup secret. */
  countUsers(): Promise<number>;
}
