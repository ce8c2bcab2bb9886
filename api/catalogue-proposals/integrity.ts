import { canonicalize } from '#domain/json/canonicalize.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { filingEntries, type FilingEntry } from '../kernel/filing-entries.ts';
import type { StoredCatalogueProposal, StoreTx } from '../store/store.ts';
import { newCatalogueProposalSchema, type NewCatalogueProposal } from './contract.ts';

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
export interface ProposalEntries {
  filings: ReadonlyMap<string, readonly FilingEntry[]>;
  decisions: ReadonlyMap<string, readonly FilingEntry[]>;
}

type Filed = Pick<StoredCatalogueProposal, 'id' | 'requestedAt'>;

/**
 * One read each of the filing and decision entries since the oldest of `proposals`, for a whole
 * list or one approval. Not narrowed by subject: a row's subject may itself have been edited, and
 * an entry appended under another subject must still be counted.
 */
export async function proposalEntries(store: Pick<StoreTx, 'listAuditEntries'>, proposals: readonly Filed[]): Promise<ProposalEntries> {
  const [filings, approved, rejected] = await Promise.all(['catalogue.change_proposed', 'catalogue.change_approved', 'catalogue.change_rejected'].map((action) => filingEntries(store, action, 'proposal', proposals)));
  const decisions = new Map<string, FilingEntry[]>();
  for (const found of [approved, rejected]) for (const [id, entries] of found ?? []) decisions.set(id, [...(decisions.get(id) ?? []), ...entries]);
  return { filings: filings ?? new Map(), decisions };
}

/** The row against its filing entry, column by column. */
function mismatches(p: StoredCatalogueProposal, entries: ProposalEntries): string[] {
  const filed = entries.filings.get(p.id) ?? [];
  const decided = (entries.decisions.get(p.id) ?? []).length > 0;
  const decision = decided === (p.decision !== null) ? [] : ['decision'];
  const [only] = filed;
  if (filed.length !== 1 || !only) return ['filing', ...decision];
  const { entry, after } = only;
  const columns: [string, unknown, unknown][] = [
    ['requested_by', entry.actorId, p.requestedBy],
    ['requested_at', entry.at, p.requestedAt],
    ['subject', entry.subject, p.subject],
    ['kind', after.kind, p.kind],
    ['content_sha256', after.contentSha256, p.contentSha256],
    ['expires_at', after.expiresAt, p.expiresAt],
  ];
  return [...columns.filter(([, recorded, stored]) => recorded !== stored).map(([column]) => column), ...decision];
}

export async function readProposal(p: StoredCatalogueProposal, entries: ProposalEntries): Promise<ProposalReading> {
  const filed = entries.filings.get(p.id) ?? [];
  const only = filed.length === 1 ? filed[0] : undefined;
  const filedSha256 = typeof only?.after.contentSha256 === 'string' ? only.after.contentSha256 : null;
  const text = await canonicalText(p.contentJson);
  const mismatched = [...(text?.canonical === p.contentJson && text.sha256 === p.contentSha256 ? [] : ['content_json']), ...mismatches(p, entries)];
  const reading = { contentSha256: text?.sha256 ?? null, filedSha256, filedSeq: only?.entry.seq ?? 0, mismatched };
  if (mismatched.length > 0) return { ...reading, state: 'tampered', content: null };
  const parsed = newCatalogueProposalSchema.safeParse(JSON.parse(p.contentJson));
  return parsed.success ? { ...reading, state: 'as_filed', content: parsed.data } : { ...reading, state: 'unreadable', content: null };
}

async function canonicalText(json: string): Promise<{ canonical: string; sha256: string } | null> {
  try {
    const canonical = canonicalize(JSON.parse(json));
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
