import { createDelegationRequestSchema, delegationListQuerySchema, delegationListSchema, delegationParamsSchema, delegationSchema, userDirectorySchema } from '#domain/contracts/delegations.ts';
import { route, kb } from '../kernel/route-def.ts';

// A reviewer role delegated to a named person for a bounded time.

export const delegationsRoutes = {
  listDelegations: route({
    id: 'listDelegations',
    method: 'GET',
    path: '/api/delegations',
    summary: 'Delegations you gave or received (administrators: all), newest first; or with activeForRole, who acts for that role now',
    access: { kind: 'signed_in' },
    params: null,
    query: delegationListQuerySchema,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: delegationListSchema,
  }),
  createDelegation: route({
    id: 'createDelegation',
    method: 'POST',
    path: '/api/delegations',
    summary: 'Delegate a reviewer role you hold (administrators: anyone’s) to a named colleague for at most 90 days',
    access: { kind: 'signed_in' },
    params: null,
    query: null,
    body: createDelegationRequestSchema,
    maxBodyBytes: 16 * kb,
    successStatus: 201,
    response: delegationSchema,
  }),
  revokeDelegation: route({
    id: 'revokeDelegation',
    method: 'POST',
    path: '/api/delegations/{id}/revocation',
    summary: 'Revoke a delegation you gave before its end; the delegate stops acting at once',
    access: { kind: 'signed_in' },
    params: delegationParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 201,
    response: delegationSchema,
  }),
  listUserDirectory: route({
    id: 'listUserDirectory',
    method: 'GET',
    path: '/api/users',
    summary: 'Everyone by name, title and roles (no emails): whom a role can be delegated to',
    access: { kind: 'signed_in' },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: userDirectorySchema,
  }),
} as const;
