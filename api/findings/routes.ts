import { packageIdParamsSchema } from '#domain/contracts/packages.ts';
import { reviewerRoles } from '#domain/contracts/roles.ts';
import { findingListSchema, findingParamsSchema, findingRegisterQuerySchema, findingRegisterSchema, findingSchema, findingTransitionRequestSchema, raiseFindingRequestSchema } from '#domain/contracts/findings.ts';
import { route, kb } from '../kernel/route-def.ts';

// Findings on a package and the register across the inventory (decision record 0073).

export const findingsRoutes = {
  listFindings: route({
    id: 'listFindings',
    method: 'GET',
    path: '/api/packages/{id}/findings',
    summary: 'The findings raised on every version of a package, with their history',
    access: { kind: 'signed_in' },
    params: packageIdParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: findingListSchema,
  }),
  raiseFinding: route({
    id: 'raiseFinding',
    method: 'POST',
    path: '/api/packages/{id}/findings',
    summary: 'Raise a finding on a section or a quoted passage of the latest version, owed to a person of the owner team by a due date',
    access: { kind: 'roles', roles: reviewerRoles },
    params: packageIdParamsSchema,
    query: null,
    body: raiseFindingRequestSchema,
    maxBodyBytes: 64 * kb,
    successStatus: 201,
    response: findingSchema,
  }),
  transitionFinding: route({
    id: 'transitionFinding',
    method: 'POST',
    path: '/api/packages/{id}/findings/{findingId}/transitions',
    summary: 'Move a finding on: the owner team proposes and completes a remediation; the raising role verifies it, reopens it or accepts its risk',
    access: { kind: 'signed_in' },
    params: findingParamsSchema,
    query: null,
    body: findingTransitionRequestSchema,
    maxBodyBytes: 64 * kb,
    successStatus: 201,
    response: findingSchema,
  }),
  findingRegister: route({
    id: 'findingRegister',
    method: 'GET',
    path: '/api/inventory/findings',
    summary: 'The findings register across every package the caller may see: filtered, sorted, paged',
    access: { kind: 'signed_in' },
    params: null,
    query: findingRegisterQuerySchema,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: findingRegisterSchema,
  }),
} as const;
