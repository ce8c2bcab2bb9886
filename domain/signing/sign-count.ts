import { fromBase64Url } from './base64url.ts';

// The authenticator's signature counter (WebAuthn §6.1: rpIdHash (32) ‖ flags (1) ‖
// signCount (4, big-endian)), and the rule of §7.2 step 21 for it: once either the stored or
// the new counter is non-zero, the new one must be larger, or the authenticator may have
// been cloned. The check belongs to the server at signing time; a verifier of an old record
// cannot know what the counter was then.

/** The signature counter in base64url authenticator data; null when the data is too short or not base64url. */
export function signCountOf(authenticatorData: string): number | null {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(authenticatorData);
  } catch {
    return null;
  }
  if (bytes.length < 37) return null;
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(33);
}

/** Whether a new counter is acceptable after the stored one. */
export function signCountAcceptable(stored: number, next: number): boolean {
  if (stored === 0 && next === 0) return true;
  return next > stored;
}
