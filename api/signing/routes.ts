import { packageIdParamsSchema } from '#domain/contracts/packages.ts';
import { nonceRequestSchema, nonceResponseSchema, packageVerificationSchema, serverKeyListSchema, signDecisionRequestSchema, signedDecisionSchema } from '#domain/contracts/signatures.ts';
import { reviewerRoles } from '#domain/contracts/roles.ts';
import { route, kb } from '../kernel/route-def.ts';

// Signed decisions: single-use nonces, the signature itself, and its verification.

export const signingRoutes = {
  issueSigningNonce: route({
    id: 'issueSigningNonce',
    method: 'POST',
    path: '/api/signing/nonces',
    summary: 'A single-use nonce, valid for five minutes, to include in a signing payload',
    access: { kind: 'roles', roles: reviewerRoles },
    params: null,
    query: null,
    body: nonceRequestSchema,
    maxBodyBytes: 4 * kb,
    successStatus: 201,
    response: nonceResponseSchema,
  }),
  signDecision: route({
    id: 'signDecision',
    method: 'POST',
    path: '/api/packages/{id}/decisions',
    summary: 'Record a decision signed by passkey or password re-entry; the server verifies and countersigns it',
    access: { kind: 'roles', roles: reviewerRoles },
    params: packageIdParamsSchema,
    query: null,
    body: signDecisionRequestSchema,
    maxBodyBytes: 256 * kb,
    successStatus: 201,
    response: signedDecisionSchema,
  }),
  verifyPackage: route({
    id: 'verifyPackage',
    method: 'GET',
    path: '/api/packages/{id}/verification',
    summary: 'The server’s verdict on every signed decision of a package: content hash, signature, countersignature',
    access: { kind: 'signed_in' },
    params: packageIdParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: packageVerificationSchema,
  }),
  serverKeys: route({
    id: 'serverKeys',
    method: 'GET',
    path: '/api/keys',
    summary: 'The server’s Ed25519 countersigning public keys',
    access: { kind: 'public' },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: serverKeyListSchema,
  }),
} as const;
