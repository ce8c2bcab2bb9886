import { policyListSchema, policyVersionEntrySchema, policyVersionParamsSchema, publishPolicyRequestSchema } from '#domain/contracts/policies.ts';
import { route, kb } from '../kernel/route-def.ts';

// Governance policy administration: versions are published, never edited.

export const policiesRoutes = {
  listPolicies: route({
    id: 'listPolicies',
    method: 'GET',
    path: '/api/policies',
    summary: 'Every version of every governance policy, newest first per key',
    access: { kind: 'signed_in' },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: policyListSchema,
  }),
  getPolicyVersion: route({
    id: 'getPolicyVersion',
    method: 'GET',
    path: '/api/policies/{key}/versions/{version}',
    summary: 'One version of a governance policy',
    access: { kind: 'signed_in' },
    params: policyVersionParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: policyVersionEntrySchema,
  }),
  publishPolicy: route({
    id: 'publishPolicy',
    method: 'POST',
    path: '/api/policies',
    summary: 'Publish a governance policy: a new key at version 1, or the next version of a key (packages already checked keep theirs)',
    access: { kind: 'roles', roles: ['admin'] },
    params: null,
    query: null,
    body: publishPolicyRequestSchema,
    maxBodyBytes: 64 * kb,
    successStatus: 201,
    response: policyVersionEntrySchema,
  }),
} as const;
