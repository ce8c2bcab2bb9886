import { subtleCrypto } from '../crypto/sha256.ts';
import { toBase64 } from '../webhooks/base64.ts';
import { verifySignedMessage, type SignatureVerdict } from '../webhooks/verify.ts';

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

export type MlflowSignatureVerdict = SignatureVerdict;

const encoder = new TextEncoder();

function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return subtleCrypto().importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

/** The X-MLflow-Signature value MLflow would send (tests and tools sign deliveries with it). */
export async function signMlflowDelivery(secret: string, deliveryId: string, timestamp: string, body: string): Promise<string> {
  const mac = await subtleCrypto().sign('HMAC', await hmacKey(secret, 'sign'), encoder.encode(`${deliveryId}.${timestamp}.${body}`));
  return `v1,${toBase64(new Uint8Array(mac))}`;
}

export function verifyMlflowDelivery(secret: string, delivery: MlflowSignedDelivery, now: Date, toleranceSeconds = mlflowSignatureTolerance): Promise<MlflowSignatureVerdict> {
  // MLflow sends one signature; a receiver accepting several (space-separated) would be no weaker.
  return verifySignedMessage(encoder.encode(secret), { id: delivery.deliveryId, timestamp: delivery.timestamp, signature: delivery.signature, body: delivery.body }, now, toleranceSeconds);
}
