import type { CatalogueChangeKind } from '#domain/contracts/catalogue-changes.ts';
import type { AwaitingSecondAdministrator } from './second-administrator.ts';

// The catalogue proposals slice of the storage port (docs/decisions/0182): a catalogue change
// one administrator proposed, waiting for another, and how it was decided.

export interface StoredCatalogueProposal extends AwaitingSecondAdministrator {
  id: string;
  kind: CatalogueChangeKind;
  /** What the change names: a policy or template key, a business line's key, or the method or schedule. */
  subject: string;
  /** The proposed request body ({ kind, change }) as RFC 8785 canonical JSON: exactly what is applied at approval. */
  contentJson: string;
  /** SHA-256 of `contentJson`, hex: the approver sends the one they were shown. */
  contentSha256: string;
}

export interface CatalogueProposalsStore {
  insertCatalogueProposal(proposal: StoredCatalogueProposal): Promise<void>;
  findCatalogueProposal(id: string): Promise<StoredCatalogueProposal | null>;
  /** Undecided proposals that have not expired at `now`, newest first. */
  listPendingCatalogueProposals(now: string): Promise<StoredCatalogueProposal[]>;
  /** Records the decision if none is recorded yet; false when another decision came first. */
  decideCatalogueProposal(id: string, decision: 'approved' | 'rejected', by: string, at: string): Promise<boolean>;
}
