import { z } from 'zod';
import { ssoSettingsResponseSchema } from '#domain/contracts/sso.ts';
import { route } from '../kernel/route-def.ts';

// Liveness, the API described by itself, and the single sign-on configuration (read-only).

export const healthResponseSchema = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), time: z.iso.datetime() });

export const systemRoutes = {
  health: route({
    id: 'health',
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and database reachability',
    access: { kind: 'public' },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: healthResponseSchema,
  }),
  openapi: route({
    id: 'openapi',
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'This API as an OpenAPI 3.1 document',
    access: { kind: 'public' },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: z.record(z.string(), z.unknown()),
  }),
  ssoSettings: route({
    id: 'ssoSettings',
    method: 'GET',
    path: '/api/admin/sso',
    summary: 'The SAML single sign-on configuration, read-only (set by environment variables; never a key)',
    access: { kind: 'roles', roles: ['admin'] },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: ssoSettingsResponseSchema,
  }),
} as const;
