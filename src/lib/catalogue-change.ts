import { catalogueProposalSchema, type CatalogueProposal, type NewCatalogueProposal } from '#api/catalogue-proposals/contract.ts';
import { routes } from '#api/routes.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import { apiFetch } from './api-client.ts';
import { ApiProblem, isApiProblem } from './api-problem.ts';

// A catalogue change from an admin page (docs/decisions/0182): a sole administrator makes it at
// once; once two administrators exist the direct route refuses it (409, nothing stored) and the
// same body is filed as a proposal another administrator approves. The page learns which from
// the API's answer, so it cannot act on a stale count of administrators.

/** What the change became: made now, or waiting for another administrator. */
export type CatalogueOutcome<Result> = { proposed: false; result: Result } | { proposed: true; proposal: CatalogueProposal };

/** The proposal route's field problems point into `change`; the form's fields are the direct route's. */
function atForm(error: unknown): unknown {
  if (!isApiProblem(error) || !error.problem.errors) return error;
  return new ApiProblem({ ...error.problem, errors: error.problem.errors.map((e) => ({ ...e, pointer: e.pointer.replace(/^\/change(?=\/|$)/, '') })) });
}

/** Runs `direct`; refused for want of a second administrator, files `proposal` instead (its refusals at the form's pointers). */
export async function changeCatalogue<Result>(proposal: NewCatalogueProposal, direct: () => Promise<Result>): Promise<CatalogueOutcome<Result>> {
  try {
    return { proposed: false, result: await direct() };
  } catch (error) {
    if (!isApiProblem(error, 409) || error.problem.type !== problemTypes.catalogueProposalRequired) throw error;
  }
  try {
    return { proposed: true, proposal: await apiFetch(routes.proposeCatalogueChange.path, { method: 'POST', body: proposal, schema: catalogueProposalSchema }) };
  } catch (error) {
    throw atForm(error);
  }
}
