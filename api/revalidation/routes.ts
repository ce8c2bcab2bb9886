import { publishRevalidationScheduleRequestSchema, revalidationScheduleListSchema, revalidationScheduleSchema, tieringMethodListSchema } from '#domain/contracts/revalidation.ts';
import { route, kb } from '../kernel/route-def.ts';

// Periodic revalidation administration (decision record 0114): the schedule versions (months
// per risk tier, published, never edited) and the tiering method versions they apply to.

export const revalidationRoutes = {
  listTieringMethods: route({
    id: 'listTieringMethods',
    method: 'GET',
    path: '/api/risk-tiering-methods',
    summary: 'Every version of the risk tiering methods (never edited); the newest scores new assessments',
    access: { kind: 'roles', roles: ['admin'] },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: tieringMethodListSchema,
  }),
  listRevalidationSchedules: route({
    id: 'listRevalidationSchedules',
    method: 'GET',
    path: '/api/revalidation-schedules',
    summary: 'Every version of the revalidation schedule (months per risk tier), oldest first; the last schedules new approvals',
    access: { kind: 'roles', roles: ['admin'] },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: revalidationScheduleListSchema,
  }),
  publishRevalidationSchedule: route({
    id: 'publishRevalidationSchedule',
    method: 'POST',
    path: '/api/revalidation-schedules',
    summary: 'Publish the next revalidation schedule version; approvals from now on are scheduled by it, those scheduled keep their due dates',
    access: { kind: 'roles', roles: ['admin'] },
    params: null,
    query: null,
    body: publishRevalidationScheduleRequestSchema,
    maxBodyBytes: 4 * kb,
    successStatus: 201,
    response: revalidationScheduleSchema,
  }),
};
