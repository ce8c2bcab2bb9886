import { createTemplateRequestSchema, templateListSchema, templateVersionEntrySchema, templateVersionParamsSchema } from '#domain/contracts/template-admin.ts';
import { route, kb } from '../kernel/route-def.ts';

// Workflow templates administration: versions are published, never edited.

export const templatesRoutes = {
  listTemplates: route({
    id: 'listTemplates',
    method: 'GET',
    path: '/api/templates',
    summary: 'Every version of every workflow template, newest first per key, with the packages that use each',
    access: { kind: 'signed_in' },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: templateListSchema,
  }),
  getTemplateVersion: route({
    id: 'getTemplateVersion',
    method: 'GET',
    path: '/api/templates/{key}/versions/{version}',
    summary: 'One version of a workflow template and the packages that use it',
    access: { kind: 'signed_in' },
    params: templateVersionParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: templateVersionEntrySchema,
  }),
  createTemplateVersion: route({
    id: 'createTemplateVersion',
    method: 'POST',
    path: '/api/templates',
    summary: 'Publish a workflow template: a new key at version 1, or the next version of a key (packages already submitted keep theirs)',
    access: { kind: 'roles', roles: ['admin'] },
    params: null,
    query: null,
    body: createTemplateRequestSchema,
    maxBodyBytes: 64 * kb,
    successStatus: 201,
    response: templateVersionEntrySchema,
  }),
} as const;
