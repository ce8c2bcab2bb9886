import { subtleCrypto } from '../crypto/sha256.ts';
import { fromBase64, toBase64 } from './base64.ts';

// Standard Webhooks signatures (https://www.standardwebhooks.com): HMAC-SHA256 over
// "<webhook-id>.<webhook-timestamp>.<body>" keyed with the secret's bytes (the base64 part
// after "whsec_"), sent as "v1,<base64 signature>". WebCrypto, so the browser could check too.

const secretPrefix = 'whsec_';
const encoder = new TextEncoder();

/** A new secret from 32 random bytes, in the whsec_ form receivers' libraries accept. */
export function newWebhookSecret(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer> = (b) => crypto.getRandomValues(b)): string {
  return secretPrefix + toBase64(random(new Uint8Array(32)));
}

export function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  if (!secret.startsWith(secretPrefix)) throw new Error('A webhook secret starts with whsec_');
  return fromBase64(secret.slice(secretPrefix.length));
}

/** The webhook-signature header value for one message. */
export async function signWebhook(secret: string, messageId: string, timestampSeconds: number, body: string): Promise<string> {
  const key = await subtleCrypto().importKey('raw', secretBytes(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await subtleCrypto().sign('HMAC', key, encoder.encode(`${messageId}.${timestampSeconds}.${body}`));
  return `v1,${toBase64(new Uint8Array(mac))}`;
}

/** The three headers of a Standard Webhooks request, plus the content type. */
export async function webhookHeaders(secret: string, messageId: string, at: Date, body: string): Promise<Record<string, string>> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'webhook-id': messageId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': await signWebhook(secret, messageId, timestamp, body),
  };
}
