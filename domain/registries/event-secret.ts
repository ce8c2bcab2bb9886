import { subtleCrypto } from '../crypto/sha256.ts';

// The per-connector secret an EventBridge API destination sends with each SageMaker event (its
// connection's API key authorization puts it in a header). Compared in constant time: the
// presented value is MACed under the expected secret and WebCrypto's verify compares that MAC
// with the expected secret's own, so neither the time taken nor an early exit tells how much
// of a guess was right, whatever its length.

const encoder = new TextEncoder();

export type EventSecretVerdict = { ok: true } | { ok: false; reason: 'unsigned' | 'mismatch' };

export async function verifyEventSecret(expected: string, presented: string | null): Promise<EventSecretVerdict> {
  if (presented === null || presented === '') return { ok: false, reason: 'unsigned' };
  const key = await subtleCrypto().importKey('raw', encoder.encode(expected), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  const mac = await subtleCrypto().sign('HMAC', key, encoder.encode(presented));
  return (await subtleCrypto().verify('HMAC', key, mac, encoder.encode(expected))) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
