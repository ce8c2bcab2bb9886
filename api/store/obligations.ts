import type { Actor } from '#domain/contracts/decisions.ts';
import type { ObligationScope, ObligationStatus } from '#domain/contracts/obligations.ts';
import type { Role } from '#domain/contracts/roles.ts';

// The obligations slice of the storage port: the conditions of approvals, tracked (0111).

export interface StoredObligation {
  id: string;
  packageId: string;
  decisionId: string;
  versionNumber: number;
  stepKey: string;
  role: Role;
  position: number;
  text: string;
  ownerId: string;
  dueOn: string;
  scope: ObligationScope | null;
  status: ObligationStatus;
  evidence: { text: string; link: string | null; by: Actor; at: string } | null;
  review: { outcome: 'confirmed' | 'sent_back'; note: string; by: Actor; at: string } | null;
  lapsedAt: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface ObligationsStore {
  listObligations(packageIds: readonly string[] | 'all'): Promise<StoredObligation[]>;
  findObligation(id: string): Promise<StoredObligation | null>;
  insertObligation(obligation: StoredObligation): Promise<void>;
  /**
   * Writes a transition made on revision `obligation.revision - 1`; false (nothing written)
   * when the stored obligation is no longer at that revision: another transition came first.
   */
  updateObligation(obligation: StoredObligation): Promise<boolean>;
}
