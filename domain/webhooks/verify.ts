import { subtleCrypto } from '../crypto/sha256.ts';
import { fromBase64 } from './base64.ts';
import { secretBytes } from './sign.ts';

// Verifying an HMAC-signed webhook the Standard Webhooks way (https://www.standardwebhooks.com):
// HMAC-SHA256 over "<id>.<timestamp>.<body>", sent as space-separated "v1,<base64>" values; the
// timestamp is Unix seconds and a message older or newer than the tolerance is refused, so a
// captured request cannot be replayed later. WebCrypto's verify compares in constant time.
// MLflow signs the same way with the secret's UTF-8 bytes as key (domain/registries/).

export const webhookTolerance = 300;

export interface SignedMessage {
  id: string | null;
  timestamp: string | null;
  signature: string | null;
  body: string;
}

/** `detail` says what was malformed where a sender needs to know (an id too long, too many signatures). */
export type SignatureVerdict = { ok: true } | { ok: false; reason: 'unsigned' | 'malformed' | 'stale' | 'mismatch'; detail?: string };

// Bounds checked before any HMAC is computed (docs/decisions/0165). The specification sets no
// maximum id length; senders use short ids (Svix "msg_" + 27 characters, UUIDs): 200 visible ASCII
// characters is ample, and the id is the idempotency key whole, never a prefix of it. A header
// holds a signature per secret being rotated: 8 is more than any rotation needs.
export const webhookIdMaxLength = 200;
export const signatureCandidatesMax = 8;
const webhookIdPattern = new RegExp(`^[\\x21-\\x7e]{1,${webhookIdMaxLength}}$`);

const encoder = new TextEncoder();

/** Checks a message's signature with the raw HMAC key bytes. */
export async function verifySignedMessage(key: Uint8Array<ArrayBuffer>, message: SignedMessage, now: Date, toleranceSeconds = webhookTolerance): Promise<SignatureVerdict> {
  const { id, timestamp, signature, body } = message;
  if (!id || !timestamp || !signature) return { ok: false, reason: 'unsigned' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed' };
  if (!webhookIdPattern.test(id)) return { ok: false, reason: 'malformed', detail: `the message id is not 1 to ${webhookIdMaxLength} visible ASCII characters` };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const candidates = signature.split(' ').filter((c) => c !== '');
  if (candidates.length > signatureCandidatesMax) return { ok: false, reason: 'malformed', detail: `the signature header holds ${candidates.length} signatures; at most ${signatureCandidatesMax} are checked` };
  const hmac = await subtleCrypto().importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  for (const candidate of candidates) {
    const [version, value] = candidate.split(',', 2);
    if (version !== 'v1' || !value) continue;
    let mac: Uint8Array<ArrayBuffer>;
    try {
      mac = fromBase64(value);
    } catch {
      continue;
    }
    if (await subtleCrypto().verify('HMAC', hmac, mac, encoder.encode(`${id}.${timestamp}.${body}`))) return { ok: true };
  }
  return { ok: false, reason: signature.startsWith('v1,') ? 'mismatch' : 'malformed' };
}

/** Checks a Standard Webhooks request (webhook-id, webhook-timestamp, webhook-signature) against a whsec_ secret. */
export function verifyStandardWebhook(secret: string, message: SignedMessage, now: Date, toleranceSeconds = webhookTolerance): Promise<SignatureVerdict> {
  return verifySignedMessage(secretBytes(secret), message, now, toleranceSeconds);
}
