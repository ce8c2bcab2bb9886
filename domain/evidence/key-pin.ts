// A pinned key: the server's public key as the reader obtained it, independently of the record
// (a record carries its signer's key, so checking it against itself proves only consistency:
// anyone can sign a record with a key of their own). Shared by `npm run verify` and /verify.
import { serverKeyListSchema, type ServerKey } from '../contracts/signatures.ts';
import { bytesToHex, sha256Bytes } from '../crypto/sha256.ts';
import { fromBase64Url } from '../signing/base64url.ts';
import { errorMessage } from '../signing/error-message.ts';
import { parseJson } from '../json/parse-json.ts';

/** A raw Ed25519 public key (base64url, as GET /api/keys publishes it), or the SHA-256 of its 32 raw bytes in hex. */
export type KeyPin = Pick<ServerKey, 'publicKey'> | { fingerprint: string };

export type ParsedPins = { ok: true; pins: KeyPin[] } | { ok: false; message: string };

const FINGERPRINT = /^[0-9a-f]{64}$/i;
const PUBLIC_KEY_BYTES = 32;

/** The fingerprint of a raw Ed25519 public key: lower-case hex SHA-256 of its 32 bytes (`sha256sum` of the raw key). */
export async function keyFingerprint(publicKeyBase64url: string): Promise<string> {
  return bytesToHex(await sha256Bytes(fromBase64Url(publicKeyBase64url)));
}

/** Whether a server key (from the record) is one the reader pinned. */
export async function isPinned(publicKey: string, pins: readonly KeyPin[]): Promise<boolean> {
  const fingerprint = pins.some((pin) => 'fingerprint' in pin) ? await keyFingerprint(publicKey) : null;
  return pins.some((pin) => ('fingerprint' in pin ? pin.fingerprint === fingerprint : pin.publicKey === publicKey));
}

/**
 * What a reader pastes or a key file holds: the JSON GET /api/keys answers (every key in it is
 * pinned), one base64url public key, or one 64-digit hex fingerprint. Empty text pins nothing.
 */
export function parseKeyPins(input: string): ParsedPins {
  const text = input.trim();
  if (text === '') return { ok: true, pins: [] };
  if (text.startsWith('{')) return parsePublishedKeys(text);
  if (FINGERPRINT.test(text)) return { ok: true, pins: [{ fingerprint: text.toLowerCase() }] };
  let length: number;
  try {
    length = fromBase64Url(text).length;
  } catch (error) {
    return { ok: false, message: `${errorMessage(error)}; give a base64url public key, a 64-digit hex fingerprint, or the JSON of GET /api/keys.` };
  }
  if (length !== PUBLIC_KEY_BYTES) return { ok: false, message: `an Ed25519 public key is ${PUBLIC_KEY_BYTES} bytes, this is ${length} (a fingerprint is 64 hex digits).` };
  return { ok: true, pins: [{ publicKey: text }] };
}

function parsePublishedKeys(text: string): ParsedPins {
  let json: unknown;
  try {
    json = parseJson(text);
  } catch (error) {
    return { ok: false, message: `Not the JSON of GET /api/keys: ${errorMessage(error)}.` };
  }
  const published = serverKeyListSchema.safeParse(json);
  if (!published.success) return { ok: false, message: `Not the JSON of GET /api/keys ({"keys": [{"publicKey": …}, …]}): ${published.error.issues[0]?.message ?? 'unreadable'}.` };
  if (published.data.keys.length === 0) return { ok: false, message: 'The key list holds no key.' };
  for (const { publicKey } of published.data.keys) {
    const one = parseKeyPins(publicKey);
    if (!one.ok) return { ok: false, message: `Key ${publicKey}: ${one.message}` };
  }
  return { ok: true, pins: published.data.keys.map(({ publicKey }) => ({ publicKey })) };
}
