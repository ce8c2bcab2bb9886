import { z } from 'zod';

// The server's signed key history as records and GET /api/keys carry it; how it is made and
// checked is domain/signing/key-history.ts (docs/decisions/0080).

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'base64url without padding').max(200);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 as 64 lowercase hex digits');

export const keyStatementType = 'model-approval-key-statement/1' as const;


/** What each signature of a key statement covers: its RFC 8785 canonical form. */
export const keyStatementSchema = z.strictObject({
  type: z.literal(keyStatementType),
  /** 0 for the first key, one more per rotation: the statement's place in the history. */
  index: z.number().int().nonnegative(),
  keyId: z.string(),
  algorithm: z.literal('Ed25519'),
  /** The raw 32-byte Ed25519 public key, base64url. */
  publicKey: base64url,
  /** From when the key signs; the key before it signs nothing at or after this time. */
  validFrom: z.iso.datetime(),
  /** The key this one replaces, and the SHA-256 (hex) of the RFC 8785 form of its whole signed statement; null for the first key. */
  previous: z.strictObject({ keyId: z.string(), statementHash: hex64 }).nullable(),
});
export type KeyStatement = z.infer<typeof keyStatementSchema>;

export const keyStatementSignatureSchema = z.strictObject({ keyId: z.string(), algorithm: z.literal('Ed25519'), value: base64url });

/** The first key's statement carries one signature (its own); every later one two: the previous key's, then its own. */
export const signedKeyStatementSchema = z.strictObject({
  statement: keyStatementSchema,
  signatures: z.array(keyStatementSignatureSchema).min(1).max(2),
});
export type SignedKeyStatement = z.infer<typeof signedKeyStatementSchema>;

export const keyHistorySchema = z.array(signedKeyStatementSchema).min(1);

