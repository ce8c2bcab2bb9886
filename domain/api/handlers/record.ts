// PLACEHOLDER (replaced by the record helper): GET /api/packages/{id}/record.
import { ApiError } from '../problems.ts';
import { routes } from '../routes.ts';
import { defineHandler } from './define.ts';

export const exportRecord = defineHandler(routes.exportRecord, () => Promise.reject(new ApiError({ type: 'about:blank', title: 'Not implemented', status: 501 })));
