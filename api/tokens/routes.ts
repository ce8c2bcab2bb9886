import { apiTokenListSchema, apiTokenParamsSchema, apiTokenSummarySchema, createApiTokenRequestSchema, createdApiTokenSchema } from '#domain/contracts/api-tokens.ts';
import { route, kb } from '../kernel/route-def.ts';

// API tokens a training pipeline submits with.

export const tokensRoutes = {
  listApiTokens: route({
    id: 'listApiTokens',
    method: 'GET',
    path: '/api/tokens',
    summary: 'API tokens for pipeline submission (never their secrets): your own (administrators: all), and the models you own, for which you can create one',
    access: { kind: 'roles', roles: ['model_owner', 'admin'] },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: apiTokenListSchema,
  }),
  createApiToken: route({
    id: 'createApiToken',
    method: 'POST',
    path: '/api/tokens',
    summary: 'Create an API token for a model you own; it submits in your name, and its secret is in this response only',
    access: { kind: 'roles', roles: ['model_owner'] },
    params: null,
    query: null,
    body: createApiTokenRequestSchema,
    maxBodyBytes: 4 * kb,
    successStatus: 201,
    response: createdApiTokenSchema,
  }),
  revokeApiToken: route({
    id: 'revokeApiToken',
    method: 'POST',
    path: '/api/tokens/{id}/revocation',
    summary: 'Revoke an API token you created (administrators: any); it is refused from then on',
    access: { kind: 'roles', roles: ['model_owner', 'admin'] },
    params: apiTokenParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 201,
    response: apiTokenSummarySchema,
  }),
} as const;
