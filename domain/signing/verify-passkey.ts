// Checks one WebAuthn assertion (W3C WebAuthn Level 3, §7.2 "Verifying an Authentication
// Assertion"), limited to what stays true for years after signing: the browser data, the
// authenticator data and the signature. Credential lookup, nonce freshness and the signature
// counter belong to the server at signing time, not to a verifier reading an old record.
//
// It never throws: a verifier shows INVALID with a reason instead of an error page.
// Reasons are sentence tails ("user verification was not performed.") so callers can prefix them.
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { concatBytes, equalBytes } from '../crypto/bytes.ts';
import type { P256PublicKeyJwk } from './cose-key.ts';
import { derToRawEcdsaSignature } from './ecdsa-der.ts';
import { sha256Bytes, subtleCrypto } from '../crypto/sha256.ts';
import { errorMessage } from './error-message.ts';
import { parseJson } from '../json/parse-json.ts';

export type PasskeyAssertionInput = {
  publicKeyJwk: P256PublicKeyJwk;
  /** base64url, as the browser's AuthenticatorAssertionResponse gives them. */
  authenticatorData: string;
  clientDataJSON: string;
  signature: string;
  expectedChallenge: Uint8Array;
  /** null: do not check (an offline verifier may not know where the app was served). */
  expectedOrigin: string | null;
  /** null: do not check. */
  expectedRpId: string | null;
};

export type PasskeyVerification = { ok: true } | { ok: false; reason: string };

// rpIdHash (32) ‖ flags (1) ‖ signCount (4); attested data and extensions may follow.
const MIN_AUTHENTICATOR_DATA = 37;
const FLAGS_OFFSET = 32;
const USER_PRESENT = 0x01;
const USER_VERIFIED = 0x04;

export async function verifyPasskeyAssertion(input: PasskeyAssertionInput): Promise<PasskeyVerification> {
  try {
    return await verify(input);
  } catch (error) {
    return fail(`the assertion could not be checked (${errorMessage(error)}).`);
  }
}

async function verify(input: PasskeyAssertionInput): Promise<PasskeyVerification> {
  const authenticatorData = decode(input.authenticatorData);
  if (authenticatorData === null) return fail('the authenticator data is not valid base64url.');
  const clientDataBytes = decode(input.clientDataJSON);
  if (clientDataBytes === null) return fail('the client data is not valid base64url.');
  const signature = decode(input.signature);
  if (signature === null) return fail('the signature is not valid base64url.');

  const clientData = parseClientData(clientDataBytes);
  if (clientData === null) return fail('the client data is not a JSON object.');
  if (clientData.type !== 'webauthn.get') {
    return fail(`the client data is of type ${quote(clientData.type)}, not "webauthn.get" (a passkey sign-in).`);
  }
  // Comparing text is exact because base64url decoding here is canonical (one text per bytes).
  if (clientData.challenge !== toBase64Url(input.expectedChallenge)) {
    return fail('the passkey signed a different challenge, so it was not made for this decision.');
  }
  if (input.expectedOrigin !== null && clientData.origin !== input.expectedOrigin) {
    return fail(`the passkey was used on ${quote(clientData.origin)}, not on ${quote(input.expectedOrigin)}.`);
  }

  if (authenticatorData.length < MIN_AUTHENTICATOR_DATA) {
    return fail(`the authenticator data has ${authenticatorData.length} bytes, fewer than the ${MIN_AUTHENTICATOR_DATA} it must have.`);
  }
  if (input.expectedRpId !== null) {
    const expectedRpIdHash = await sha256Bytes(new TextEncoder().encode(input.expectedRpId));
    if (!equalBytes(authenticatorData.subarray(0, 32), expectedRpIdHash)) {
      return fail(`the passkey belongs to another site (its relying party is not ${quote(input.expectedRpId)}).`);
    }
  }
  const flags = authenticatorData[FLAGS_OFFSET] ?? 0;
  if (!(flags & USER_PRESENT)) return fail('the authenticator did not confirm that the user was present.');
  // Part 11 needs the signer identified at signing: a PIN or biometric, not just a touch.
  if (!(flags & USER_VERIFIED)) return fail('user verification was not performed.');

  let rawSignature: Uint8Array<ArrayBuffer>;
  try {
    rawSignature = derToRawEcdsaSignature(signature);
  } catch (error) {
    return fail(`the signature is malformed (${errorMessage(error)}).`);
  }
  let publicKey: CryptoKey;
  try {
    const { kty, crv, x, y } = input.publicKeyJwk;
    // Only the key itself: stray JWK members (key_ops, use) could make the import refuse it.
    publicKey = await subtleCrypto().importKey('jwk', { kty, crv, x, y, ext: true }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  } catch {
    return fail('the stored passkey public key is not a valid P-256 key.');
  }
  // The authenticator signs authenticatorData ‖ SHA-256(clientDataJSON), the exact bytes.
  const signed = concatBytes(authenticatorData, await sha256Bytes(clientDataBytes));
  const valid = await subtleCrypto().verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, rawSignature, signed);
  return valid ? { ok: true } : fail("the signature does not match the passkey's public key.");
}

function fail(reason: string): PasskeyVerification {
  return { ok: false, reason };
}

function decode(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    return fromBase64Url(text);
  } catch {
    return null;
  }
}

function parseClientData(bytes: Uint8Array): Record<string, unknown> | null {
  try {
    const parsed: unknown = parseJson(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    return parsed as Record<string, unknown>;
  } catch {
    return null;
  }
}

// Values from the client data are untrusted: quote them, and keep a hostile one short.
function quote(value: unknown): string {
  if (typeof value !== 'string') return value === undefined ? '(none)' : `(not text: ${typeof value})`;
  const text = value.length > 100 ? `${value.slice(0, 100)}…` : value;
  return JSON.stringify(text);
}
