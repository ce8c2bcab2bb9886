import type { Role } from '#domain/contracts/roles.ts';
import type { AwaitingSecondAdministrator } from './second-administrator.ts';

// The account requests slice of the storage port (docs/decisions/0175): privileged account
// changes waiting for a second administrator, and how each was decided.

export interface StoredAccountRequest extends AwaitingSecondAdministrator {
  id: string;
  kind: 'create_account' | 'set_roles' | 'reset_password';
  /** The account concerned (for a creation, the id the new account will have). */
  userId: string;
  /** The account as it was named at the request (a creation's new email, name and title). */
  email: string;
  displayName: string;
  title: string;
  /** Roles before (null for a creation or a reset) and after (null for a reset). */
  rolesBefore: Role[] | null;
  rolesAfter: Role[] | null;
  /** The temporary password's hash for a creation or a reset; never leaves the server. */
  passwordHash: string | null;
  /** SHA-256 of the canonical content as filed (docs/decisions/0198); null for a request filed before hashes were kept. */
  contentSha256: string | null;
}

export interface AccountRequestsStore {
  insertAccountRequest(request: StoredAccountRequest): Promise<void>;
  findAccountRequest(id: string): Promise<StoredAccountRequest | null>;
  /** Undecided requests that have not expired at `now`, newest first. */
  listPendingAccountRequests(now: string): Promise<StoredAccountRequest[]>;
  /** Records the decision if none is recorded yet; false when another decision came first. */
  decideAccountRequest(id: string, decision: 'approved' | 'rejected', by: string, at: string): Promise<boolean>;
}
