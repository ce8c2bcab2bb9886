import { subtleCrypto } from '../crypto/sha256.ts';
import { fromBase64, toBase64 } from '../webhooks/base64.ts';

// MLflow's webhook signature (MLflow 3.3+, mlflow/webhooks/delivery.py): HMAC-SHA256 keyed with
// the secret's UTF-8 bytes (not base64-decoded, unlike Standard Webhooks' whsec_ secrets) over
// "<X-MLflow-Delivery-Id>.<X-MLflow-Timestamp>.<body>", sent as X-MLflow-Signature "v1,<base64>".
// The timestamp is Unix seconds; a delivery older or newer than the tolerance is refused, so a
// captured request cannot be replayed later. WebCrypto's verify compares in constant time.

export const mlflowSignatureTolerance = 300;

export interface MlflowSignedDelivery {
  deliveryId: string | null;
  timestamp: string | null;
  signature: string | null;
  body: string;
}

export type MlflowSignatureVerdict = { ok: true } | { ok: false; reason: 'unsigned' | 'malformed' | 'stale' | 'mismatch' };

const encoder = new TextEncoder();

function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return subtleCrypto().importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

/** The X-MLflow-Signature value MLflow would send (tests and tools sign deliveries with it). */
export async function signMlflowDelivery(secret: string, deliveryId: string, timestamp: string, body: string): Promise<string> {
  const mac = await subtleCrypto().sign('HMAC', await hmacKey(secret, 'sign'), encoder.encode(`${deliveryId}.${timestamp}.${body}`));
  return `v1,${toBase64(new Uint8Array(mac))}`;
}

export async function verifyMlflowDelivery(secret: string, delivery: MlflowSignedDelivery, now: Date, toleranceSeconds = mlflowSignatureTolerance): Promise<MlflowSignatureVerdict> {
  const { deliveryId, timestamp, signature, body } = delivery;
  if (!deliveryId || !timestamp || !signature) return { ok: false, reason: 'unsigned' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed' };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return { ok: false, reason: 'stale' };
  // MLflow sends one signature; a receiver accepting several (space-separated) would be no weaker.
  for (const candidate of signature.split(' ')) {
    const [version, value] = candidate.split(',', 2);
    if (version !== 'v1' || !value) continue;
    let mac: Uint8Array<ArrayBuffer>;
    try {
      mac = fromBase64(value);
    } catch {
      continue;
    }
    if (await subtleCrypto().verify('HMAC', await hmacKey(secret, 'verify'), mac, encoder.encode(`${deliveryId}.${timestamp}.${body}`))) return { ok: true };
  }
  return { ok: false, reason: signature.startsWith('v1,') ? 'mismatch' : 'malformed' };
}
