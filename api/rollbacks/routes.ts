import { packageIdParamsSchema } from '#domain/contracts/packages.ts';
import { packageRollbackSchema, rollBackRequestSchema, rollbackRoleSchema, rollbackStateSchema } from '#domain/contracts/rollbacks.ts';
import { route, kb } from '../kernel/route-def.ts';

// Rollbacks (docs/decisions/0135): the committee or model risk withdraws the approval in force
// of a model version, with a reason; the model's previous approved version is back in force.

export const rollbacksRoutes = {
  getPackageRollback: route({
    id: 'getPackageRollback',
    method: 'GET',
    path: '/api/packages/{id}/rollback',
    summary: "The package's rollback, or whether its approval can be rolled back now and which approved version that would put back in force",
    access: { kind: 'signed_in' },
    params: packageIdParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: rollbackStateSchema,
  }),
  rollBackPackage: route({
    id: 'rollBackPackage',
    method: 'POST',
    path: '/api/packages/{id}/rollback',
    summary: "Withdraw the approval in force of this model version, with a reason: the model's previous approved version is back in force, the deployment gate refuses this one, and registries it came from are told it lapsed",
    access: { kind: 'roles', roles: rollbackRoleSchema.options },
    params: packageIdParamsSchema,
    query: null,
    body: rollBackRequestSchema,
    maxBodyBytes: 8 * kb,
    successStatus: 201,
    response: packageRollbackSchema,
  }),
} as const;
