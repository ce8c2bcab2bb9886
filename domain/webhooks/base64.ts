import { fromBase64Url, toBase64Url } from '../signing/base64url.ts';

// Standard base64 with padding (RFC 4648 §4), which Standard Webhooks uses for secrets and
// signatures; built on the strict base64url codec by swapping the two letters that differ.

export function toBase64(bytes: Uint8Array): string {
  const text = toBase64Url(bytes).replace(/-/g, '+').replace(/_/g, '/');
  return text + '='.repeat((4 - (text.length % 4)) % 4);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return fromBase64Url(text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
}
