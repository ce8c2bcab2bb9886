import { canonicalize } from '#domain/json/canonicalize.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import type { StoredCatalogueProposal, StoreTx } from '../store/store.ts';

// `catalogue_proposals` is an ordinary table, outside the audit log's chain: someone with the
// database could edit a proposal's content between filing and approval. At approval the stored
// text is canonicalised and hashed again (docs/decisions/0192); it must be canonical already
// (it was stored so) and hash to the SHA-256 stored beside it, which the approver sends back.
// Both columns edited together pass that; so the stored SHA-256 must also be the one the chained
// `catalogue.change_proposed` entry recorded at filing (0192, amended 2026-12-06).

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

type Filed = Pick<StoredCatalogueProposal, 'id' | 'requestedAt'>;

/**
 * The SHA-256 each proposal's `catalogue.change_proposed` entry recorded, by proposal id, in one
 * read of those entries between the oldest and newest filing (the entry is written at filing, in
 * the same transaction). `subject` narrows the read when one proposal is looked up.
 */
export async function filedSha256s(store: Pick<StoreTx, 'listAuditEntries'>, proposals: readonly Filed[], subject?: string): Promise<ReadonlyMap<string, string>> {
  const times = proposals.map((p) => p.requestedAt).sort();
  const [fromAt, toAt] = [times[0], times.at(-1)];
  if (fromAt === undefined || toAt === undefined) return new Map();
  const entries = await store.listAuditEntries({ action: 'catalogue.change_proposed', fromAt, toAt, ...(subject === undefined ? {} : { subject }) }, 0, 100_000);
  const wanted = new Set(proposals.map((p) => p.id));
  const found = new Map<string, string>();
  for (const entry of entries) {
    const after = parsedAfter(entry.afterJson);
    if (after && wanted.has(after.proposal)) found.set(after.proposal, after.contentSha256);
  }
  return found;
}

function parsedAfter(json: string): { proposal: string; contentSha256: string } | null {
  try {
    const after: unknown = JSON.parse(json);
    if (typeof after !== 'object' || after === null) return null;
    const { proposal, contentSha256 } = after as Record<string, unknown>;
    return typeof proposal === 'string' && typeof contentSha256 === 'string' ? { proposal, contentSha256 } : null;
  } catch {
    return null;
  }
}

/** Intact and filed as stored: the stored text hashes to its SHA-256, and that is the one the audit log recorded at filing (`filedSha256`; none recorded: not filed through the API). */
export async function asFiled(proposal: Pick<StoredCatalogueProposal, 'contentJson' | 'contentSha256'>, filedSha256: string | undefined): Promise<StoredIntegrity> {
  const found = await storedIntegrity(proposal);
  return { ...found, intact: found.intact && filedSha256 === proposal.contentSha256 };
}

/** Thrown inside the approval's transaction, so that it rolls back; the handler then records the signal in a transaction of its own. */
export class TamperedProposal extends Error {
  readonly proposal: StoredCatalogueProposal;
  readonly found: StoredIntegrity;
  /** What the audit log recorded at filing; null when it recorded nothing for this proposal. */
  readonly filedSha256: string | null;
  constructor(proposal: StoredCatalogueProposal, found: StoredIntegrity, filedSha256: string | null) {
    super(`Catalogue proposal ${proposal.id} is not the content that was filed`);
    this.proposal = proposal;
    this.found = found;
    this.filedSha256 = filedSha256;
  }
}
