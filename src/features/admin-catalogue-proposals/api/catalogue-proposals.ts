import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { catalogueProposalApprovalSchema, catalogueProposalListSchema, catalogueProposalSchema, type CatalogueProposal } from '#api/catalogue-proposals/contract.ts';
import { apiPath, routes } from '#api/routes.ts';
import { apiFetch } from '#src/lib/api-client.ts';

// Catalogue changes waiting for a second administrator (docs/decisions/0182).

export const catalogueProposalsKey = ['admin', 'catalogue-proposals'] as const;

/** GET /api/catalogue-proposals: the pending proposals, and whether changes wait for a second administrator now. */
export function catalogueProposalsQueryOptions() {
  return queryOptions({
    queryKey: catalogueProposalsKey,
    queryFn: ({ signal }) => apiFetch(routes.listCatalogueProposals.path, { schema: catalogueProposalListSchema, signal }),
  });
}

export function useCatalogueProposals() {
  return useQuery(catalogueProposalsQueryOptions());
}

/** POST …/{id}/approval with the content and comparison hashes the approver was shown (0192), or …/rejection. */
function decide({ proposal, decision }: { proposal: CatalogueProposal; decision: 'approval' | 'rejection' }) {
  if (decision === 'rejection') return apiFetch(apiPath(routes.rejectCatalogueProposal.path, { id: proposal.id }), { method: 'POST', schema: catalogueProposalSchema });
  return apiFetch(apiPath(routes.approveCatalogueProposal.path, { id: proposal.id }), { method: 'POST', body: { contentSha256: proposal.contentSha256, comparisonSha256: proposal.comparisonSha256 }, schema: catalogueProposalApprovalSchema });
}

/** An approval changes the catalogue, which policies, templates, lines and tiering lists all read: every query but the session's is read again. */
export function useDecideCatalogueProposal() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: decide, onSettled: () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'session' }) });
}
