import type { Role } from '#domain/contracts/roles.ts';

// The delegations slice of the storage port: the delegation, its acceptance by the delegator
// (when someone else made it), its revocation and the decisions signed under it (all
// append-only).

export interface StoredDelegationRecord {
  id: string;
  role: Role;
  delegatorId: string;
  delegateId: string;
  startsAt: string;
  endsAt: string;
  reason: string;
  createdBy: string;
  createdAt: string;
}

export interface StoredDelegation extends StoredDelegationRecord {
  revokedAt: string | null;
  revokedBy: string | null;
  /** The delegator's acceptance of a delegation someone else made for them; null until given. */
  acceptedAt: string | null;
}

export interface StoredDecisionDelegation {
  decisionId: string;
  delegationId: string;
  delegatorId: string;
}

export interface DelegationsStore {
  // (a role delegated to a named person for a bounded time)
  insertDelegation(delegation: StoredDelegationRecord): Promise<void>;
  /** Every delegation with its acceptance and revocation (if any), oldest first. */
  listDelegations(): Promise<StoredDelegation[]>;
  /** Accepts once: false if the delegation was already accepted. */
  insertDelegationAcceptance(acceptance: { delegationId: string; acceptedAt: string; acceptedBy: string }): Promise<boolean>;
  /** Revokes once: false if the delegation was already revoked. */
  insertDelegationRevocation(revocation: { delegationId: string; revokedAt: string; revokedBy: string }): Promise<boolean>;
  /** Records that a decision was signed by a delegate; written in the signing transaction. */
  insertDecisionDelegation(row: StoredDecisionDelegation): Promise<void>;
  listDecisionDelegations(decisionIds: readonly string[]): Promise<StoredDecisionDelegation[]>;
}
