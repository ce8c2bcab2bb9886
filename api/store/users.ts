import type { Role } from '#domain/contracts/roles.ts';
import type { StoredSession } from './session.ts';

// The users slice of the storage port: what administration and self-service change about an
// account and its sessions, and the one-time setup secret of a production start.

/** A one-time set-password link sent to the account's own address (docs/decisions/0181). */
export interface StoredPasswordLink {
  tokenHash: string;
  userId: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
}

/** Who set an account's credential, and when (docs/decisions/0181, 0186). */
export interface PasswordProvenance {
  setByAdmin: string | null;
  at: string;
}

export interface UsersStore {
  setUserRoles(id: string, roles: readonly Role[]): Promise<void>;
  /** null enables the account again. */
  setUserDisabled(id: string, disabledAt: string | null): Promise<void>;
  /**
   * `provenance`: who set this credential and when: `setByAdmin` the administrator whose temporary
   * password this is, null for the holder's own (through a link); absent keeps both (a change
   * after signing in with it, docs/decisions/0181, 0186).
   */
  setUserPassword(id: string, passwordHash: string, changeRequired: boolean, provenance?: PasswordProvenance): Promise<void>;
  /** Keeps a set-password link (its token's SHA-256 only). */
  insertPasswordLink(link: StoredPasswordLink): Promise<void>;
  /** Marks the account's unused links used at `at` (a later reset or link supersedes them); returns how many. */
  endPasswordLinks(userId: string, at: string): Promise<number>;
  /** The account an unused, unexpired link is for (nothing changes); null otherwise. */
  findPasswordLinkUser(tokenHash: string, at: string): Promise<string | null>;
  /** Uses a link once: the account's id for exactly one caller while it is unused and unexpired, null otherwise. */
  usePasswordLink(tokenHash: string, at: string): Promise<string | null>;
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
