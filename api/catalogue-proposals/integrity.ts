import { canonicalize } from '#domain/json/canonicalize.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { bindingEntries, bindingMismatches, onlyFiling, type FilingBinding } from '../kernel/filing-binding.ts';
import type { StoredCatalogueProposal, StoreTx } from '../store/store.ts';
import { newCatalogueProposalSchema, type NewCatalogueProposal } from './contract.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// `catalogue_proposals` is an ordinary table, outside the audit log's chain: someone with the
// database could edit a row between filing and approval. So the row is bound to exactly one
// chained `catalogue.change_proposed` entry naming its id (0192, amended 2026-12-06 three times):
// who filed it (the entry's actor), when (its `at`), its subject, kind, content SHA-256 and expiry
// must all be what that entry recorded, its stored text canonical and hashing to that SHA-256, and
// it undecided only while no decision entry names it. Anything else is tampering. A row bound so
// whose content today's contract refuses (a schema change since filing) is not tampered: nobody
// changed it; it is `unreadable`, and can only be rejected.

export type ProposalState = 'as_filed' | 'tampered' | 'unreadable';

/** A stored proposal checked against itself and the audit log. */
export interface ProposalReading {
  state: ProposalState;
  /** The content, read through the contract: only when `as_filed`. */
  content: NewCatalogueProposal | null;
  /** SHA-256 of the stored text's canonical form; null when it is not JSON at all. */
  contentSha256: string | null;
  /** The SHA-256 the filing entry recorded; null when no single entry names the row. */
  filedSha256: string | null;
  /** The filing entry's seq (0 when no single entry names the row): the filer's standing counts from it. */
  filedSeq: number;
  /** What differs from the filing, as columns (`filing`: no entry or more than one names it). */
  mismatched: string[];
}

/** The audit entries that bind proposals: their filings and any decisions, by proposal id. */
export type ProposalEntries = FilingBinding;

const bound = { filed: 'catalogue.change_proposed', decided: ['catalogue.change_approved', 'catalogue.change_rejected'], idKey: 'proposal' } as const;

/** One read each of the filing and decision entries since the oldest of `proposals`, for a whole list or one approval. */
export function proposalEntries(store: Pick<StoreTx, 'listAuditEntries'>, proposals: readonly Pick<StoredCatalogueProposal, 'id' | 'requestedAt'>[]): Promise<ProposalEntries> {
  return bindingEntries(store, bound, proposals);
}

/** The row against its filing entry, column by column. */
function mismatches(p: StoredCatalogueProposal, entries: ProposalEntries): string[] {
  return bindingMismatches(p, entries, ({ entry, after }) => [
    ['subject', entry.subject, p.subject],
    ['kind', after.kind, p.kind],
    ['content_sha256', after.contentSha256, p.contentSha256],
    ['expires_at', after.expiresAt, p.expiresAt],
  ]);
}

export async function readProposal(p: StoredCatalogueProposal, entries: ProposalEntries): Promise<ProposalReading> {
  const only = onlyFiling(entries, p.id);
  const filedSha256 = typeof only?.after.contentSha256 === 'string' ? only.after.contentSha256 : null;
  const text = await canonicalText(p.contentJson);
  const mismatched = [...(text?.canonical === p.contentJson && text.sha256 === p.contentSha256 ? [] : ['content_json']), ...mismatches(p, entries)];
  const reading = { contentSha256: text?.sha256 ?? null, filedSha256, filedSeq: only?.entry.seq ?? 0, mismatched };
  if (mismatched.length > 0) return { ...reading, state: 'tampered', content: null };
  const parsed = newCatalogueProposalSchema.safeParse(parseJson(p.contentJson));
  return parsed.success ? { ...reading, state: 'as_filed', content: parsed.data } : { ...reading, state: 'unreadable', content: null };
}

async function canonicalText(json: string): Promise<{ canonical: string; sha256: string } | null> {
  try {
    const canonical = canonicalize(parseJson(json));
    return { canonical, sha256: await sha256Hex(canonical) };
  } catch {
    return null;
  }
}

/** Thrown inside the approval's transaction, so that it rolls back; the handler then records the signal in a transaction of its own. */
export class TamperedProposal extends Error {
  readonly proposal: StoredCatalogueProposal;
  readonly reading: ProposalReading;
  constructor(proposal: StoredCatalogueProposal, reading: ProposalReading) {
    super(`Catalogue proposal ${proposal.id} is not what was filed`);
    this.proposal = proposal;
    this.reading = reading;
  }
}
