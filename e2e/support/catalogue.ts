// Catalogue changes on a demo server, which has two administrators (docs/decisions/0182): a
// page files the change as a proposal, and the deputy approves it over the API.
import type { NewCatalogueProposal } from '#api/catalogue-proposals/contract.ts';
import { signInActor } from '#scripts/lib/api-actor.ts';
import { approvePending, changeCatalogue } from '#scripts/lib/catalogue-change.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';

/** The deputy approves what admin@example.com just proposed about `subject` on a page. */
export async function approveAsDeputy(origin: string, subject: string): Promise<void> {
  await approvePending(await signInActor(origin, 'admin-deputy@example.com', password), await signInActor(origin, 'admin@example.com', password), subject);
}

/** A change proposed by admin@example.com and approved by its deputy: in force on return. */
export async function changeAsAdministrators(origin: string, proposal: NewCatalogueProposal): Promise<void> {
  await changeCatalogue(await signInActor(origin, 'admin@example.com', password), await signInActor(origin, 'admin-deputy@example.com', password), proposal);
}

/** What a page says once it filed a proposal instead of making the change. */
export const proposedNotice = 'Proposed: another administrator approves it on Catalogue proposals.';
