import { packageIdParamsSchema } from '#domain/contracts/packages.ts';
import { obligationListSchema, obligationParamsSchema, obligationSchema, obligationTransitionRequestSchema } from '#domain/contracts/obligations.ts';
import { route, kb } from '../kernel/route-def.ts';

// The conditions of a package's approvals as obligations (decision record 0111).

export const obligationsRoutes = {
  listObligations: route({
    id: 'listObligations',
    method: 'GET',
    path: '/api/packages/{id}/obligations',
    summary: 'The conditions of the package’s approvals as obligations: owner, due date, machine-readable scope, status and evidence',
    access: { kind: 'signed_in' },
    params: packageIdParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: obligationListSchema,
  }),
  transitionObligation: route({
    id: 'transitionObligation',
    method: 'POST',
    path: '/api/packages/{id}/obligations/{obligationId}/transitions',
    summary: 'Move an obligation on: the owner team records fulfilment with evidence; a reviewer of the approving step confirms it or sends it back',
    access: { kind: 'signed_in' },
    params: obligationParamsSchema,
    query: null,
    body: obligationTransitionRequestSchema,
    maxBodyBytes: 64 * kb,
    successStatus: 201,
    response: obligationSchema,
  }),
} as const;
