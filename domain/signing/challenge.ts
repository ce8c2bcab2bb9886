// The WebAuthn challenge is the SHA-256 of the RFC 8785 canonical signing payload, so the
// passkey assertion signs the decision itself (and, through the payload's single-use nonce,
// cannot be replayed). Browser, server and offline verifier derive it the same way.
import { canonicalBytes } from '../json/canonicalize.ts';
import type { SigningPayload } from '../contracts/signatures.ts';
import { sha256Bytes } from '../crypto/sha256.ts';

/** 32 bytes: SHA-256(canonicalBytes(payload)). Throws CanonicalizationError for a non-JSON value. */
export async function signingChallenge(payload: SigningPayload): Promise<Uint8Array<ArrayBuffer>> {
  return sha256Bytes(canonicalBytes(payload));
}
