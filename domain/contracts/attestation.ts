import { z } from 'zod';

// Each decision of a record as an in-toto Statement v1 in a DSSE envelope, inside a Sigstore
// bundle (v0.3) whose verification material is the server's public key named by its key id:
// what `cosign verify-blob-attestation --key` and @sigstore/verify check (docs/decisions/0104).

export const inTotoStatementType = 'https://in-toto.io/Statement/v1' as const;
/** Derived from in-toto's human-review/v0.1 predicate: its `result` and `timestamp`, and what our decisions state. */
export const decisionPredicateType = 'https://model-approval.example/attestation/human-review-decision/v1' as const;
export const inTotoPayloadType = 'application/vnd.in-toto+json' as const;
export const sigstoreBundleMediaType = 'application/vnd.dev.sigstore.bundle.v0.3+json' as const;

export const sigstoreBundleSchema = z.strictObject({
  mediaType: z.literal(sigstoreBundleMediaType),
  verificationMaterial: z.strictObject({
    /** The server key id (docs/verification.md): the key is published, not carried. */
    publicKey: z.strictObject({ hint: z.string() }),
    tlogEntries: z.array(z.unknown()).max(0),
    timestampVerificationData: z.strictObject({ rfc3161Timestamps: z.array(z.unknown()).max(0) }),
  }),
  dsseEnvelope: z.strictObject({
    /** base64 of the RFC 8785 form of the statement. */
    payload: z.string(),
    payloadType: z.literal(inTotoPayloadType),
    signatures: z.array(z.strictObject({ sig: z.string(), keyid: z.string() })).length(1),
  }),
});
export type SigstoreBundle = z.infer<typeof sigstoreBundleSchema>;

export const recordAttestationSchema = z.strictObject({ decisionId: z.string(), bundle: sigstoreBundleSchema });
export type RecordAttestation = z.infer<typeof recordAttestationSchema>;
