import { oversightRoles } from '#domain/contracts/roles.ts';
import { dashboardSchema } from '#domain/contracts/dashboard.ts';
import { route } from '../kernel/route-def.ts';

// The governance committee’s inventory view.

export const dashboardRoutes = {
  dashboard: route({
    id: 'dashboard',
    method: 'GET',
    path: '/api/dashboard',
    summary: 'The committee’s view: models by risk tier, pending and overdue reviews, re-reviews due, recent decisions',
    access: { kind: 'roles', roles: oversightRoles },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: dashboardSchema,
  }),
} as const;
