// PLACEHOLDER (replaced by the audit helper): handlers for the audit routes.
import { ApiError } from '../problems.ts';
import { routes } from '../routes.ts';
import { defineHandler } from './define.ts';

const pending = () => Promise.reject(new ApiError({ type: 'about:blank', title: 'Not implemented', status: 501 }));
export const listAudit = defineHandler(routes.listAudit, pending);
export const listPackageAudit = defineHandler(routes.listPackageAudit, pending);
export const auditTreeHead = defineHandler(routes.auditTreeHead, pending);
export const auditInclusionProof = defineHandler(routes.auditInclusionProof, pending);
export const auditConsistencyProof = defineHandler(routes.auditConsistencyProof, pending);
export const verifyAudit = defineHandler(routes.verifyAudit, pending);
