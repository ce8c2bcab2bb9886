import { addBusinessLineRequestSchema, businessLineListSchema, businessLineParamsSchema, businessLineSchema } from '#domain/contracts/business-lines.ts';
import { route, kb } from '../kernel/route-def.ts';

// The organisation's business lines, a closed list administrators keep (docs/decisions/0168).

export const businessLinesRoutes = {
  listBusinessLines: route({
    id: 'listBusinessLines',
    method: 'GET',
    path: '/api/business-lines',
    summary: 'The organisation’s business lines, retired ones too: a package, policy or template names one of those in use',
    access: { kind: 'signed_in' },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: businessLineListSchema,
  }),
  addBusinessLine: route({
    id: 'addBusinessLine',
    method: 'POST',
    path: '/api/business-lines',
    summary: 'Add a business line to the organisation’s list (its key, the normalised label, is unique)',
    access: { kind: 'roles', roles: ['admin'] },
    params: null,
    query: null,
    body: addBusinessLineRequestSchema,
    maxBodyBytes: 4 * kb,
    successStatus: 201,
    response: businessLineSchema,
  }),
  retireBusinessLine: route({
    id: 'retireBusinessLine',
    method: 'POST',
    path: '/api/business-lines/{key}/retire',
    summary: 'Retire a business line: no new package, policy or template may name it; what names it already keeps it',
    access: { kind: 'roles', roles: ['admin'] },
    params: businessLineParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: businessLineSchema,
  }),
} as const;
