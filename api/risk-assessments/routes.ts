import { packageIdParamsSchema } from '#domain/contracts/packages.ts';
import { confirmTierOverrideSchema, publishTieringMethodRequestSchema, recordRiskAssessmentRequestSchema, requestTierOverrideSchema, riskAssessmentListSchema, riskAssessmentParamsSchema, riskAssessmentSchema } from '#domain/contracts/risk-assessment.ts';
import { reviewerRoles } from '#domain/contracts/roles.ts';
import { overrideConfirmerRole } from '#domain/policy/override-roles.ts';
import { tieringMethodListSchema } from '#domain/contracts/revalidation.ts';
import { route, kb } from '../kernel/route-def.ts';

// A package's risk assessments, scored by a versioned tiering method, and tier overrides
// confirmed by model risk management, a second person in another role (decision records 0106, 0167).

export const riskAssessmentsRoutes = {
  listRiskAssessments: route({
    id: 'listRiskAssessments',
    method: 'GET',
    path: '/api/packages/{id}/risk-assessments',
    summary: "A package's risk assessments (oldest first, the last applies) and the tiering method a new one is scored by",
    access: { kind: 'signed_in' },
    params: packageIdParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: riskAssessmentListSchema,
  }),
  recordRiskAssessment: route({
    id: 'recordRiskAssessment',
    method: 'POST',
    path: '/api/packages/{id}/risk-assessments',
    summary: "Record a risk assessment (likelihood, impact and controls per category), scored by the current tiering method; before any decision, the tier re-selects the package's workflow",
    access: { kind: 'roles', roles: ['model_owner', 'model_risk'] },
    params: packageIdParamsSchema,
    query: null,
    body: recordRiskAssessmentRequestSchema,
    maxBodyBytes: 64 * kb,
    successStatus: 201,
    response: riskAssessmentSchema,
  }),
  requestTierOverride: route({
    id: 'requestTierOverride',
    method: 'POST',
    path: '/api/packages/{id}/risk-assessments/{number}/override',
    summary: 'Ask to override the latest assessment\'s computed tier, with a reason (the owner as model owner, or a reviewer other than model risk); it applies once model risk management confirms it',
    access: { kind: 'roles', roles: ['model_owner', ...reviewerRoles.filter((r) => r !== overrideConfirmerRole)] },
    params: riskAssessmentParamsSchema,
    query: null,
    body: requestTierOverrideSchema,
    maxBodyBytes: 16 * kb,
    successStatus: 201,
    response: riskAssessmentSchema,
  }),
  confirmTierOverride: route({
    id: 'confirmTierOverride',
    method: 'POST',
    path: '/api/packages/{id}/risk-assessments/{number}/override/confirmation',
    summary: 'Confirm, as model risk management, a tier override asked for by someone else (never on your own package); the overridden tier then applies',
    access: { kind: 'roles', roles: [overrideConfirmerRole] },
    params: riskAssessmentParamsSchema,
    query: null,
    body: confirmTierOverrideSchema,
    maxBodyBytes: 4 * kb,
    successStatus: 200,
    response: riskAssessmentSchema,
  }),
  publishTieringMethod: route({
    id: 'publishTieringMethod',
    method: 'POST',
    path: '/api/risk-tiering-methods',
    summary: 'Publish the next risk tiering method version (scorecard, weighted scorecard or risk matrix); new assessments are scored by it, earlier ones keep theirs',
    access: { kind: 'roles', roles: ['admin'] },
    params: null,
    query: null,
    body: publishTieringMethodRequestSchema,
    maxBodyBytes: 16 * kb,
    successStatus: 201,
    response: tieringMethodListSchema.shape.items.element,
  }),
} as const;
