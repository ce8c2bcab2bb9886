import { z } from 'zod';

// Passkeys for signing: enrolment (a WebAuthn registration ceremony) and removal, each by
// the account's owner. The ceremony's JSON is the standard WebAuthn JSON form the browser
// library produces; the server checks it with @simplewebauthn/server.

const base64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'base64url without padding').max(100_000);

export const passkeySummarySchema = z.object({
  credentialId: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
});
export type PasskeySummary = z.infer<typeof passkeySummarySchema>;
export const passkeyListSchema = z.object({ items: z.array(passkeySummarySchema) });

/** PublicKeyCredentialCreationOptionsJSON, passed to the browser as it is. */
export const registrationOptionsSchema = z.object({ challenge: base64url, rp: z.object({ id: z.string().optional(), name: z.string() }) }).catchall(z.unknown());

/** RegistrationResponseJSON (W3C WebAuthn Level 3), as navigator.credentials.create returns it. */
export const registrationResponseSchema = z.object({
  id: base64url.min(1),
  rawId: base64url.min(1),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url.min(1),
    attestationObject: base64url.min(1),
    transports: z.array(z.string().max(32)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url.optional(),
    authenticatorData: base64url.optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()),
});

export const enrolPasskeyRequestSchema = z.object({
  name: z.string().trim().min(1, 'Name this passkey, for example the device it is on').max(100),
  response: registrationResponseSchema,
});
export type EnrolPasskeyRequest = z.infer<typeof enrolPasskeyRequestSchema>;

export const passkeyParamsSchema = z.object({ credentialId: base64url.min(1).max(1_400) });
