import { z } from 'zod';
import { packageDetailSchema, packageIdParamsSchema, packageListQuerySchema, packageListSchema, packageModelsSchema, packageSummarySchema, packageVersionSchema, submitPackageRequestSchema, submitVersionRequestSchema, versionParamsSchema, versionSummarySchema } from '#domain/contracts/packages.ts';
import { route, mb } from '../kernel/route-def.ts';

// Packages and their immutable versions: submission, resubmission, reading.

export const submitPackageResponseSchema = z.object({ package: packageSummarySchema, version: versionSummarySchema });
export const submitVersionResponseSchema = submitPackageResponseSchema;

export const packagesRoutes = {
  listPackages: route({
    id: 'listPackages',
    method: 'GET',
    path: '/api/packages',
    summary: 'Packages visible to the caller, filtered by status, risk tier, model or step role',
    access: { kind: 'signed_in' },
    params: null,
    query: packageListQuerySchema,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: packageListSchema,
  }),
  listPackageModels: route({
    id: 'listPackageModels',
    method: 'GET',
    path: '/api/package-models',
    summary: 'Every model the caller may see a package of (the inbox’s model filter, whichever page is loaded)',
    access: { kind: 'signed_in' },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: packageModelsSchema,
  }),
  submitPackage: route({
    id: 'submitPackage',
    method: 'POST',
    path: '/api/packages',
    summary: 'Submit a new package for a model version (its version 1)',
    access: { kind: 'roles', roles: ['model_owner'] },
    params: null,
    query: null,
    body: submitPackageRequestSchema,
    maxBodyBytes: 8 * mb,
    successStatus: 201,
    response: submitPackageResponseSchema,
  }),
  getPackage: route({
    id: 'getPackage',
    method: 'GET',
    path: '/api/packages/{id}',
    summary: 'A package with its workflow state, versions and decisions',
    access: { kind: 'signed_in' },
    params: packageIdParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: packageDetailSchema,
  }),
  getVersion: route({
    id: 'getVersion',
    method: 'GET',
    path: '/api/packages/{id}/versions/{n}',
    summary: 'One version: content, canonical content hash, submitter and time',
    access: { kind: 'signed_in' },
    params: versionParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: packageVersionSchema,
  }),
  submitVersion: route({
    id: 'submitVersion',
    method: 'POST',
    path: '/api/packages/{id}/versions',
    summary: 'Resubmit: a new immutable version of the package',
    access: { kind: 'roles', roles: ['model_owner'] },
    params: packageIdParamsSchema,
    query: null,
    body: submitVersionRequestSchema,
    maxBodyBytes: 8 * mb,
    successStatus: 201,
    response: submitVersionResponseSchema,
  }),
} as const;
