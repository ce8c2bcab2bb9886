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

/** The stored content, read back through the contract (it was stored from a parsed body). */
export function contentOf(proposal: StoredCatalogueProposal): NewCatalogueProposal {
  return newCatalogueProposalSchema.parse(JSON.parse(proposal.contentJson));
}

export function catalogueProposalView(users: UsersById, facts: CatalogueFacts, p: StoredCatalogueProposal, now: string): CatalogueProposal {
  const content = contentOf(p);
  return {
    id: p.id,
    kind: p.kind,
    subject: p.subject,
    summary: summaryOf(content),
    content,
    contentSha256: p.contentSha256,
    ...comparedWithCurrent(facts, content),
    requestedBy: person(users, p.requestedBy),
    requestedAt: p.requestedAt,
    expiresAt: p.expiresAt,
    status: p.decision ?? (p.expiresAt <= now ? 'expired' : 'pending'),
    requesterStanding: requesterStanding(users.get(p.requestedBy)),
    decidedBy: p.decidedBy ? person(users, p.decidedBy) : null,
    decidedAt: p.decidedAt,
  };
}
