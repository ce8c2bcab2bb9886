import { packageIdParamsSchema } from '#domain/contracts/packages.ts';
import { reviewerRoles } from '#domain/contracts/roles.ts';
import { sectionReviewListSchema, sectionReviewParamsSchema, sectionReviewSchema } from '#domain/contracts/threads.ts';
import { route } from '../kernel/route-def.ts';

// Which reviewer marked which section of which version reviewed.

export const sectionReviewsRoutes = {
  listSectionReviews: route({
    id: 'listSectionReviews',
    method: 'GET',
    path: '/api/packages/{id}/reviews',
    summary: 'Which reviewer marked which section of which version reviewed',
    access: { kind: 'signed_in' },
    params: packageIdParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: sectionReviewListSchema,
  }),
  markSectionReviewed: route({
    id: 'markSectionReviewed',
    method: 'PUT',
    path: '/api/packages/{id}/versions/{n}/sections/{key}/review',
    summary: 'Mark a section of a version reviewed by you (idempotent)',
    access: { kind: 'roles', roles: reviewerRoles },
    params: sectionReviewParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: sectionReviewSchema,
  }),
  unmarkSectionReviewed: route({
    id: 'unmarkSectionReviewed',
    method: 'DELETE',
    path: '/api/packages/{id}/versions/{n}/sections/{key}/review',
    summary: 'Withdraw your review mark from a section',
    access: { kind: 'roles', roles: reviewerRoles },
    params: sectionReviewParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 204,
    response: null,
  }),
} as const;
