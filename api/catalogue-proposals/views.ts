import type { StoredCatalogueProposal, StoredUser } from '../store/store.ts';
import { requesterStanding } from '../kernel/second-administrator.ts';
import type { VoidedSince } from '../kernel/filer-standing.ts';
import type { ProposalState } from './integrity.ts';
import { shownName } from '#domain/text/shown-name.ts';
import type { ShownComparison } from './comparison.ts';
import type { CatalogueProposal, NewCatalogueProposal } from './contract.ts';

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

/** What a view needs besides the row: how it reads against the audit log (integrity.ts), and whether its filer was disabled or demoted since filing. */
export interface ProposalViewFacts {
  state: ProposalState;
  content: NewCatalogueProposal | null;
  voided: VoidedSince;
}

const summaries = {
  tampered: 'Stored content not as filed: it was changed in the database',
  unreadable: 'Stored content no longer readable: it was filed under an earlier form of this change',
};

/** `comparison`: shownComparison() of the row's content against the catalogue read for this answer. */
export function catalogueProposalView(users: UsersById, { comparisonJson: _json, ...comparison }: ShownComparison, p: StoredCatalogueProposal, now: string, { state, content, voided }: ProposalViewFacts): CatalogueProposal {
  return {
    id: p.id,
    kind: p.kind,
    subject: p.subject,
    summary: content ? summaryOf(content) : summaries[state === 'unreadable' ? 'unreadable' : 'tampered'],
    content,
    tampered: state === 'tampered',
    unreadable: state === 'unreadable',
    contentSha256: p.contentSha256,
    ...comparison,
    requestedBy: person(users, p.requestedBy),
    requestedAt: p.requestedAt,
    expiresAt: p.expiresAt,
    status: p.decision ?? (p.expiresAt <= now ? 'expired' : 'pending'),
    requesterStanding: requesterStanding(users.get(p.requestedBy), voided),
    decidedBy: p.decidedBy ? person(users, p.decidedBy) : null,
    decidedAt: p.decidedAt,
  };
}
