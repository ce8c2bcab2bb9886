import { packageIdParamsSchema } from '#domain/contracts/packages.ts';
import { approvalRecordSchema } from '#domain/contracts/record.ts';
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
} as const;
