import { enrolPasskeyRequestSchema, passkeyListSchema, passkeyParamsSchema, passkeySummarySchema, registrationOptionsSchema } from '#domain/contracts/passkeys.ts';
import { route, kb } from '../kernel/route-def.ts';

// Passkeys (WebAuthn) a reviewer signs with.

export const passkeysRoutes = {
  listPasskeys: route({
    id: 'listPasskeys',
    method: 'GET',
    path: '/api/passkeys',
    summary: 'Your passkeys for signing',
    access: { kind: 'signed_in' },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: passkeyListSchema,
  }),
  passkeyRegistrationOptions: route({
    id: 'passkeyRegistrationOptions',
    method: 'POST',
    path: '/api/passkeys/registration-options',
    summary: 'Options (with a single-use challenge) to enrol a passkey',
    access: { kind: 'signed_in' },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 201,
    response: registrationOptionsSchema,
  }),
  enrolPasskey: route({
    id: 'enrolPasskey',
    method: 'POST',
    path: '/api/passkeys',
    summary: 'Enrol a passkey (user verification required) from a WebAuthn registration response',
    access: { kind: 'signed_in' },
    params: null,
    query: null,
    body: enrolPasskeyRequestSchema,
    maxBodyBytes: 64 * kb,
    successStatus: 201,
    response: passkeySummarySchema,
  }),
  removePasskey: route({
    id: 'removePasskey',
    method: 'DELETE',
    path: '/api/passkeys/{credentialId}',
    summary: 'Remove one of your passkeys',
    access: { kind: 'signed_in' },
    params: passkeyParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 204,
    response: null,
  }),
} as const;
