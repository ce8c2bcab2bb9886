import { z } from 'zod';
import { versionNumberSchema } from './version-number.ts';
import { actorSchema, approvalOverrideSchema, concernSchema, conditionsSchema, decisionKindSchema, decisionSchema, emergencyDetailsSchema } from './decisions.ts';
import { roleSchema } from './roles.ts';
import { onBehalfOfSchema } from './delegations.ts';
import { keyHistorySchema } from './key-history.ts';
import { riskTierSchema } from './sections.ts';
import { maxObligations, signedObligationSchema } from './obligations.ts';

// What a reviewer signs, how the signature is carried, and how the server countersigns.
// The browser builds the payload from what it displayed; its SHA-256 over the RFC 8785
// canonical form is the WebAuthn challenge, so the passkey assertion itself signs the
// decision. Everything here is universal: the browser, the server and an offline verifier
// check the same bytes the same way.

const base64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'base64url without padding').max(200_000);
const hash = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 as 64 lowercase hex digits');

export const signingPayloadType = 'model-approval-signature/1' as const;

/**
 * What the signer decided under (issue 23, docs/decisions/0107): the governance policy version the
 * signed version was checked against, with a SHA-256 of that check's canonical JSON, and the
 * package's risk assessment that applies (its method version and tier). Null where there is none.
 */
export const signedGovernanceSchema = z.object({
  policy: z.object({ key: z.string().min(1).max(64), version: z.number().int().min(1), evaluationDigest: hash }).nullable(),
  riskAssessment: z.object({ number: z.number().int().min(1), method: z.object({ key: z.string().min(1).max(64), version: z.number().int().min(1) }), tier: riskTierSchema }).nullable(),
});
export type SignedGovernance = z.infer<typeof signedGovernanceSchema>;

export const signingPayloadSchema = z.object({
  type: z.literal(signingPayloadType),
  packageId: z.string().min(1).max(64),
  versionNumber: versionNumberSchema,
  /** SHA-256 of the canonical content of the version the signer was shown. */
  contentHash: hash,
  stepKey: z.string().min(1).max(64),
  role: roleSchema,
  decision: decisionKindSchema,
  /** "Approved", "Rejected": the meaning of the signature (21 CFR 11.50), fixed by the decision. */
  meaning: z.string(),
  reason: z.string().trim().max(20_000),
  conditions: conditionsSchema.nullable(),
  concerns: z.array(concernSchema).max(100),
  signer: actorSchema,
  /** Single use, issued by the server shortly before signing. */
  nonce: z.string().min(16).max(128),
  issuedAt: z.iso.datetime(),
  /**
   * Only on an emergency approval: the justification and incident, signed with the rest. Its
   * stepKey is `@emergency` (no step of a template can have it) and its role the emergency
   * role the signer holds. Absent on every other decision, so older payloads hash as before.
   */
  emergency: emergencyDetailsSchema.optional(),
  /**
   * Only on an approval signed over what blocks it (an unanswered clarification request): the
   * blockers overridden and the signer's reason. Absent otherwise, so older payloads hash as before.
   */
  override: approvalOverrideSchema.optional(),
  /**
   * Only when a delegate signs in a role delegated to them: the delegation and its delegator,
   * so the signer's own signature says in whose place they decide (docs/decisions/0082). The
   * server refuses one that is not the delegation it finds. Absent otherwise, so other payloads hash as before.
   */
  onBehalfOf: onBehalfOfSchema.optional(),
  /**
   * The policy version and risk tier the decision was made under (signedGovernanceSchema).
   * Optional for now: the app's sign dialog always sends it and the server refuses one that is
   * not what it finds; payloads without it (older ones, other clients) hash as before.
   */
  governance: signedGovernanceSchema.optional(),
  /**
   * Only on an approval with conditions: each condition as an obligation (owner, due date,
   * optional machine-readable scope), tracked after signing (docs/decisions/0111). Optional,
   * so payloads signed before it, and approvals without tracked conditions, hash as before.
   */
  obligations: z.array(signedObligationSchema).min(1).max(maxObligations).optional(),
});
export type SigningPayload = z.infer<typeof signingPayloadSchema>;

/** A passkey assertion over the payload's challenge, as the browser's WebAuthn call returns it. */
export const passkeyAssertionSchema = z.object({
  method: z.literal('passkey'),
  credentialId: base64url.min(1),
  authenticatorData: base64url.min(1),
  clientDataJSON: base64url.min(1),
  signature: base64url.min(1),
  userHandle: base64url.nullable(),
});
export type PasskeyAssertion = z.infer<typeof passkeyAssertionSchema>;

export const passwordAuthenticationSchema = z.object({
  method: z.literal('password'),
  password: z.string().min(1, 'Enter your password').max(1024),
});

export const signingAuthenticationSchema = z.discriminatedUnion('method', [passkeyAssertionSchema, passwordAuthenticationSchema]);
export type SigningAuthentication = z.infer<typeof signingAuthenticationSchema>;

/** POST /api/packages/{id}/decisions */
export const signDecisionRequestSchema = z.object({
  payload: signingPayloadSchema,
  authentication: signingAuthenticationSchema,
});
export type SignDecisionRequest = z.infer<typeof signDecisionRequestSchema>;

/**
 * The signature material kept with a decision. For a passkey: the assertion and the public
 * key it was checked with (as a JWK, so WebCrypto verifies it anywhere). For a password:
 * only that one was re-entered; the server's countersignature is then the signature.
 */
export const signatureMaterialSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('passkey'),
    credentialId: base64url,
    publicKeyJwk: z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: base64url, y: base64url }),
    authenticatorData: base64url,
    clientDataJSON: base64url,
    signature: base64url,
  }),
  z.object({ method: z.literal('password') }),
  // Seeded demonstration data (npm start's demo): nobody signed. The server countersigns it
  // so the demo shows the whole format, and every verifier names it as not evidence.
  z.object({ method: z.literal('demo') }),
]);
export type SignatureMaterial = z.infer<typeof signatureMaterialSchema>;

/** What the server countersigns with Ed25519: its canonical form (RFC 8785) is the message. */
export const countersignedRecordSchema = z.object({
  type: z.literal('model-approval-countersignature/1'),
  decisionId: z.string(),
  decidedAt: z.iso.datetime(),
  payload: signingPayloadSchema,
  signature: signatureMaterialSchema,
});
export type CountersignedRecord = z.infer<typeof countersignedRecordSchema>;

export const countersignatureSchema = z.object({
  /** Which server key signed: the id of an entry of GET /api/keys. */
  keyId: z.string(),
  algorithm: z.literal('Ed25519'),
  value: base64url,
});
export type Countersignature = z.infer<typeof countersignatureSchema>;

/** The whole signed evidence of one decision. */
export const decisionSignatureSchema = z.object({
  payload: signingPayloadSchema,
  signature: signatureMaterialSchema,
  countersignature: countersignatureSchema,
});
export type DecisionSignature = z.infer<typeof decisionSignatureSchema>;

/** GET /api/keys: the server's countersigning public keys, old ones kept for old records. */
export const serverKeySchema = z.object({
  keyId: z.string(),
  algorithm: z.literal('Ed25519'),
  /** The raw 32-byte public key, base64url. */
  publicKey: base64url,
  createdAt: z.iso.datetime(),
});
export type ServerKey = z.infer<typeof serverKeySchema>;
/** GET /api/keys: the keys, and the signed key history that vouches for them (docs/decisions/0080; absent in lists saved before it). */
/** The PDF record's document-signing certificate (docs/decisions/0119): DER base64url, issued by server key `issuerKeyId` through `issuerCertificate`. */
export const documentCertificateSchema = z.object({ certificate: z.string(), issuerCertificate: z.string(), issuerKeyId: z.string() });
export const serverKeyListSchema = z.object({ keys: z.array(serverKeySchema), history: keyHistorySchema.optional(), documentCertificates: z.array(documentCertificateSchema).optional() });

/** The verdict on one decision: VALID, or INVALID with every reason found. */
export const decisionVerdictSchema = z.object({
  decisionId: z.string(),
  valid: z.boolean(),
  /** Seeded demonstration data: never valid, whatever else checks out. */
  demonstration: z.boolean(),
  reasons: z.array(z.string()),
});
export type DecisionVerdict = z.infer<typeof decisionVerdictSchema>;

/** GET /api/packages/{id}/verification */
export const packageVerificationSchema = z.object({
  packageId: z.string(),
  checkedAt: z.iso.datetime(),
  decisions: z.array(decisionVerdictSchema),
});

/** POST /api/signing/nonces */
export const nonceRequestSchema = z.object({ packageId: z.string().min(1).max(64) });
export const nonceResponseSchema = z.object({ nonce: z.string(), issuedAt: z.iso.datetime(), expiresAt: z.iso.datetime() });

/**
 * A decision as the API shows it: the record and its signed evidence (null for none), and
 * `onBehalfOf` when a delegate signed in a role delegated to them (null when the holder of
 * the role signed; absent in records exported before delegations existed, read as null).
 */
export const signedDecisionSchema = decisionSchema.extend({ signature: decisionSignatureSchema.nullable(), onBehalfOf: onBehalfOfSchema.nullable().default(null) });
export type SignedDecision = z.infer<typeof signedDecisionSchema>;
