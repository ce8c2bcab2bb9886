import { fromBase64Url } from '#domain/signing/base64url.ts';

export type TrustedKey = { ok: true; key: { publicKey: string } | null } | { ok: false; message: string };

/**
 * The server public key a reader pins, as typed: empty means "none given"; otherwise it must
 * be a raw Ed25519 public key (32 bytes) in base64url, as GET /api/keys publishes it.
 */
export function parseTrustedKey(input: string): TrustedKey {
  const text = input.trim();
  if (text === '') return { ok: true, key: null };
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(text);
  } catch (error) {
    return { ok: false, message: `Not a base64url key: ${error instanceof Error ? error.message.replace(/^Invalid base64url: /, '') : 'unreadable'}.` };
  }
  if (bytes.length !== 32) return { ok: false, message: `An Ed25519 public key is 32 bytes; this is ${bytes.length}.` };
  return { ok: true, key: { publicKey: text } };
}
