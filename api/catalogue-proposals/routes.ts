import { route, kb } from '../kernel/route-def.ts';
import { approveCatalogueProposalSchema, catalogueProposalApprovalSchema, catalogueProposalIdParamsSchema, catalogueProposalListSchema, catalogueProposalSchema, newCatalogueProposalSchema } from './contract.ts';

// Catalogue changes that wait for a second administrator (docs/decisions/0182).

export const catalogueProposalsRoutes = {
  listCatalogueProposals: route({
    id: 'listCatalogueProposals',
    method: 'GET',
    path: '/api/catalogue-proposals',
    summary: 'Catalogue changes waiting for a second administrator, newest first (administrators)',
    access: { kind: 'roles', roles: ['admin'] },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: catalogueProposalListSchema,
  }),
  proposeCatalogueChange: route({
    id: 'proposeCatalogueChange',
    method: 'POST',
    path: '/api/catalogue-proposals',
    summary: 'Propose a catalogue change (a policy, template, tiering method or revalidation schedule version; adding or retiring a business line), checked as its direct route would; another administrator approves it within 72 hours',
    access: { kind: 'roles', roles: ['admin'] },
    params: null,
    query: null,
    body: newCatalogueProposalSchema,
    maxBodyBytes: 65 * kb,
    successStatus: 201,
    response: catalogueProposalSchema,
  }),
  approveCatalogueProposal: route({
    id: 'approveCatalogueProposal',
    method: 'POST',
    path: '/api/catalogue-proposals/{id}/approval',
    summary: 'Approve another administrator\'s proposal, naming the SHA-256 of the content you were shown: the change is checked again and takes effect, once',
    access: { kind: 'roles', roles: ['admin'] },
    params: catalogueProposalIdParamsSchema,
    query: null,
    body: approveCatalogueProposalSchema,
    maxBodyBytes: 1 * kb,
    successStatus: 200,
    response: catalogueProposalApprovalSchema,
  }),
  rejectCatalogueProposal: route({
    id: 'rejectCatalogueProposal',
    method: 'POST',
    path: '/api/catalogue-proposals/{id}/rejection',
    summary: 'Reject another administrator\'s proposal: nothing changes',
    access: { kind: 'roles', roles: ['admin'] },
    params: catalogueProposalIdParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: catalogueProposalSchema,
  }),
} as const;
