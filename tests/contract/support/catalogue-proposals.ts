import { expect } from 'vitest';
import { catalogueProposalApprovalSchema, catalogueProposalSchema, type CatalogueProposal, type CatalogueProposalApproval, type NewCatalogueProposal } from '#api/catalogue-proposals/contract.ts';
import type { Client, Target } from './client.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';

// Catalogue changes go through two administrators (docs/decisions/0182): the demo's
// administrator proposes the change, its deputy approves it with the content hash it was shown.

export async function propose(admin: Client, proposal: NewCatalogueProposal): Promise<CatalogueProposal> {
  const reply = await admin.post('/api/catalogue-proposals', proposal);
  expectStatus(reply, 201);
  return catalogueProposalSchema.parse(reply.body);
}

export async function approveProposal(approver: Client, proposal: CatalogueProposal): Promise<CatalogueProposalApproval> {
  const reply = await approver.post(`/api/catalogue-proposals/${proposal.id}/approval`, { contentSha256: proposal.contentSha256 });
  expectStatus(reply, 200);
  return catalogueProposalApprovalSchema.parse(reply.body);
}

/** Proposes as admin@example.com and approves as admin-deputy@example.com: the change in force (`location` reads it, for versions). */
export async function changeCatalogue(target: Target, proposal: NewCatalogueProposal): Promise<CatalogueProposalApproval> {
  const admin = await signedIn(target, 'admin@example.com');
  const deputy = await signedIn(target, 'admin-deputy@example.com');
  const approved = await approveProposal(deputy, await propose(admin, proposal));
  expect(approved.status).toBe('approved');
  return approved;
}
