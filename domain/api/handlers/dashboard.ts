// PLACEHOLDER (replaced by the dashboard helper): GET /api/dashboard.
import { ApiError } from '../problems.ts';
import { routes } from '../routes.ts';
import { defineHandler } from './define.ts';

export const dashboard = defineHandler(routes.dashboard, () => Promise.reject(new ApiError({ type: 'about:blank', title: 'Not implemented', status: 501 })));
