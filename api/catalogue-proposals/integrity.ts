import { canonicalize } from '#domain/json/canonicalize.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import type { StoredCatalogueProposal } from '../store/store.ts';

// `catalogue_proposals` is an ordinary table, outside the audit log's chain: someone with the
// database could edit a proposal's content between filing and approval. At approval the stored
// text is canonicalised and hashed again (docs/decisions/0192); it must be canonical already
// (it was stored so) and hash to the SHA-256 stored beside it, which the approver sends back.

/** What the stored content hashes to now, or why it cannot be the content that was filed. */
export interface StoredIntegrity {
  intact: boolean;
  /** SHA-256 of the stored text's canonical form; null when it is not JSON at all. */
  contentSha256: string | null;
}

export async function storedIntegrity(proposal: Pick<StoredCatalogueProposal, 'contentJson' | 'contentSha256'>): Promise<StoredIntegrity> {
  let canonical: string;
  try {
    canonical = canonicalize(JSON.parse(proposal.contentJson));
  } catch {
    return { intact: false, contentSha256: null };
  }
  const contentSha256 = await sha256Hex(canonical);
  return { intact: canonical === proposal.contentJson && contentSha256 === proposal.contentSha256, contentSha256 };
}

/** Thrown inside the approval's transaction, so that it rolls back; the handler then records the signal in a transaction of its own. */
export class TamperedProposal extends Error {
  readonly proposal: StoredCatalogueProposal;
  readonly found: StoredIntegrity;
  constructor(proposal: StoredCatalogueProposal, found: StoredIntegrity) {
    super(`Catalogue proposal ${proposal.id} does not hash to its stored SHA-256`);
    this.proposal = proposal;
    this.found = found;
  }
}
