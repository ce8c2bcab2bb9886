import { packageIdParamsSchema } from '#domain/contracts/packages.ts';
import { approvalRecordSchema } from '#domain/contracts/record.ts';
import { gateQuerySchema, gateVerdictSchema } from '#domain/contracts/registries.ts';
import { route } from '../kernel/route-def.ts';

// The approval record: one signed document that verifies offline.

export const recordRoutes = {
  exportRecord: route({
    id: 'exportRecord',
    method: 'GET',
    path: '/api/packages/{id}/record',
    summary: 'The approval record as one signed JSON document (schema /schemas/approval-record-1.schema.json) that verifies offline',
    access: { kind: 'signed_in' },
    params: packageIdParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: approvalRecordSchema,
  }),
  exportRecordPdf: route({
    id: 'exportRecordPdf',
    method: 'GET',
    path: '/api/packages/{id}/record.pdf',
    summary: 'The approval record as a printable PDF/A-3b signed as PAdES B-B, every signature manifested on every page, the signed JSON record attached (docs/decisions/0119)',
    access: { kind: 'signed_in' },
    params: packageIdParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: null,
    binaryResponse: 'application/pdf',
  }),
  deploymentGate: route({
    id: 'deploymentGate',
    method: 'GET',
    path: '/api/gate',
    summary: 'The deployment gate (as npm run gate): pass only if the model version’s approval record verifies with the server’s key, is approved, not lapsed, and the scope asked is within its conditions',
    access: { kind: 'signed_in' },
    params: null,
    query: gateQuerySchema,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: gateVerdictSchema,
  }),
} as const;
