import type { StoredCatalogueProposal, StoredUser } from '../store/store.ts';
import { requesterStanding } from '../kernel/second-administrator.ts';
import { shownName } from '#domain/text/shown-name.ts';
import { comparedWithCurrent, type CatalogueFacts } from './comparison.ts';
import { newCatalogueProposalSchema, type CatalogueProposal, type NewCatalogueProposal } from './contract.ts';

// A proposal as administrators see it: the change in a sentence and in full, its content hash,
// named people, and its status at `now` (undecided past its lifetime reads as expired).

export type UsersById = ReadonlyMap<string, StoredUser>;

function person(users: UsersById, id: string) {
  return { id, displayName: shownName(users.get(id)?.displayName ?? id) };
}

const after = (version: number | undefined): string => (version === undefined ? '' : version === 0 ? ', a new key' : `, replacing version ${version}`);

/** The change in a sentence, for the list (the content carries every field); names as shown (0192), without characters that hide or reorder text. */
export function summaryOf(content: NewCatalogueProposal): string {
  switch (content.kind) {
    case 'publish_policy':
      return `Publish governance policy "${shownName(content.change.name)}" (${content.change.key}${after(content.change.replacesVersion)})`;
    case 'publish_template': {
      const steps = content.change.steps.length;
      return `Publish workflow template "${shownName(content.change.name)}" (${content.change.key}${after(content.change.replacesVersion)}) with ${steps} ${steps === 1 ? 'step' : 'steps'}`;
    }
    case 'publish_tiering_method':
      return `Publish risk tiering method "${shownName(content.change.name)}" (${content.change.kind.replace(/_/g, ' ')}), replacing version ${content.change.replacesVersion}`;
    case 'publish_revalidation_schedule': {
      const months = Object.entries(content.change.months).map(([tier, m]) => `tier ${tier} every ${m} months`);
      return `Publish a revalidation schedule (${months.join(', ')}), replacing version ${content.change.replacesVersion}`;
    }
    case 'add_business_line':
      return `Add the business line "${shownName(content.change.label)}"`;
    case 'retire_business_line':
      return `Retire the business line "${shownName(content.change.key)}"`;
  }
}

/**
 * The stored content read back through the contract when it is the content that was filed
 * (`intact`, see integrity.ts); null when it is not, or no longer parses: such a row is listed as
 * tampered, with nothing of it shown, and can only be rejected (adversary L3: one edited row
 * made the list 500 for every administrator, and its own rejection too).
 */
export function contentOf(proposal: Pick<StoredCatalogueProposal, 'contentJson'>, intact: boolean): NewCatalogueProposal | null {
  if (!intact) return null;
  try {
    const parsed = newCatalogueProposalSchema.safeParse(JSON.parse(proposal.contentJson));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What a view needs besides the row: its content when intact (contentOf), and whether its filer was disabled since filing. */
export interface ProposalReading {
  content: NewCatalogueProposal | null;
  disabledSinceFiling: boolean;
}

const tamperedSummary = 'Stored content not as filed: it was changed in the database';
const nothingCompared = { replacesVersion: null, current: null, weakens: [] };

export function catalogueProposalView(users: UsersById, facts: CatalogueFacts, p: StoredCatalogueProposal, now: string, { content, disabledSinceFiling }: ProposalReading): CatalogueProposal {
  return {
    id: p.id,
    kind: p.kind,
    subject: p.subject,
    summary: content ? summaryOf(content) : tamperedSummary,
    content,
    tampered: content === null,
    contentSha256: p.contentSha256,
    ...(content ? comparedWithCurrent(facts, content) : nothingCompared),
    requestedBy: person(users, p.requestedBy),
    requestedAt: p.requestedAt,
    expiresAt: p.expiresAt,
    status: p.decision ?? (p.expiresAt <= now ? 'expired' : 'pending'),
    requesterStanding: requesterStanding(users.get(p.requestedBy), disabledSinceFiling),
    decidedBy: p.decidedBy ? person(users, p.decidedBy) : null,
    decidedAt: p.decidedAt,
  };
}
