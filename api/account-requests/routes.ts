import { route, kb } from '../kernel/route-def.ts';
import { accountRequestApprovalSchema, accountRequestIdParamsSchema, accountRequestListSchema, accountRequestSchema, newAccountRequestSchema } from './contract.ts';

// Privileged account changes that wait for a second administrator (docs/decisions/0175).

export const accountRequestsRoutes = {
  listAccountRequests: route({
    id: 'listAccountRequests',
    method: 'GET',
    path: '/api/admin/account-requests',
    summary: 'Privileged account changes waiting for a second administrator, newest first (administrators)',
    access: { kind: 'roles', roles: ['admin'] },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: accountRequestListSchema,
  }),
  requestAccountChange: route({
    id: 'requestAccountChange',
    method: 'POST',
    path: '/api/admin/account-requests',
    summary: 'Ask for a privileged account change (create, set roles, reset a password); another administrator approves it within 72 hours',
    access: { kind: 'roles', roles: ['admin'] },
    params: null,
    query: null,
    body: newAccountRequestSchema,
    maxBodyBytes: 8 * kb,
    successStatus: 201,
    response: accountRequestSchema,
  }),
  approveAccountRequest: route({
    id: 'approveAccountRequest',
    method: 'POST',
    path: '/api/admin/account-requests/{id}/approval',
    summary: 'Approve another administrator\'s request: the change takes effect, once (a privileged reset answers its generated temporary password, this once)',
    access: { kind: 'roles', roles: ['admin'] },
    params: accountRequestIdParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: accountRequestApprovalSchema,
  }),
  rejectAccountRequest: route({
    id: 'rejectAccountRequest',
    method: 'POST',
    path: '/api/admin/account-requests/{id}/rejection',
    summary: 'Reject another administrator\'s request: nothing changes',
    access: { kind: 'roles', roles: ['admin'] },
    params: accountRequestIdParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: accountRequestSchema,
  }),
} as const;
