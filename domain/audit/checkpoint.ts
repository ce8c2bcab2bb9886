// The audit log's tree heads as C2SP checkpoints (https://c2sp.org/tlog-checkpoint), signed
// notes (https://c2sp.org/signed-note) with the server's Ed25519 key, and each entry's
// inclusion proof as a C2SP tlog-proof (https://c2sp.org/tlog-proof), so that tools written
// for transparency logs (Go's golang.org/x/mod/sumdb/note, transparency-dev/formats, witnesses)
// can check what the server commits to (docs/decisions/0081):
//
//   <origin>\n<tree size>\n<base64 root hash>\n\n— <origin> <base64(key ID || signature)>\n
//
// The key name is the origin; key ID = SHA-256(name || 0x0A || 0x01 || public key)[:4]; the
// signature is Ed25519 over the note text (the three lines, with their newlines). The hashing
// is the log's own (RFC 6962), so the root is the tree head's rootHash, in base64.
import { equalBytes, ownBytes } from '../crypto/bytes.ts';
import { hexToBytes } from '../crypto/hex.ts';
import { bytesToHex, sha256Bytes, subtleCrypto } from '../crypto/sha256.ts';
import { fromBase64Url, toBase64Url } from '../signing/base64url.ts';

const ED25519 = { name: 'Ed25519' } as const;
const ED25519_TYPE = 0x01;
const encoder = new TextEncoder();

export const tlogProofHeader = 'c2sp.org/tlog-proof@v1';

/** Standard base64 with padding (RFC 4648 §4), as notes use. */
export function toBase64(bytes: Uint8Array): string {
  const url = toBase64Url(bytes).replaceAll('-', '+').replaceAll('_', '/');
  return url + '='.repeat((4 - (url.length % 4)) % 4);
}

/** Strict: only the canonical padded form; throws otherwise. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new Error(`Invalid base64: ${JSON.stringify(text.slice(0, 20))}`);
  return fromBase64Url(text.replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_'));
}

/**
 * The checkpoint origin (and key name) of a deployment: its public URL without the scheme
 * (`approvals.example.com`, `example.com/approvals`), as signed-note recommends.
 */
export function checkpointOrigin(publicOrigin: string): string {
  const url = new URL(publicOrigin);
  return `${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** SHA-256(name || 0x0A || type || 32-byte key)[:4]; type 0x01 for a note signer, 0x04 for a witness cosigner (domain/audit/witness.ts). */
export async function noteKeyId(name: string, rawPublicKey: Uint8Array, type: number = ED25519_TYPE): Promise<Uint8Array> {
  const nameBytes = encoder.encode(name);
  const input = new Uint8Array(nameBytes.length + 2 + rawPublicKey.length);
  input.set(nameBytes, 0);
  input[nameBytes.length] = 0x0a;
  input[nameBytes.length + 1] = type;
  input.set(rawPublicKey, nameBytes.length + 2);
  return (await sha256Bytes(input)).slice(0, 4);
}

/** The verifier key string Go's note package reads: `<name>+<hex key ID>+<base64(type || key)>`. */
export async function noteVerifierKey(name: string, publicKeyBase64url: string, type: number = ED25519_TYPE): Promise<string> {
  const raw = fromBase64Url(publicKeyBase64url);
  const typed = new Uint8Array(1 + raw.length);
  typed[0] = type;
  typed.set(raw, 1);
  return `${name}+${bytesToHex(await noteKeyId(name, raw, type))}+${toBase64(typed)}`;
}

export function checkpointText(origin: string, treeSize: number, rootHashHex: string): string {
  return `${origin}\n${treeSize}\n${toBase64(hexToBytes(rootHashHex))}\n`;
}

/** A signed note: `text` (ending in a newline), a blank line, and one Ed25519 signature line by key `name`. */
export async function signNote(text: string, name: string, publicKey: string, privateKey: CryptoKey): Promise<string> {
  const signature = new Uint8Array(await subtleCrypto().sign(ED25519, privateKey, ownBytes(encoder.encode(text))));
  const keyId = await noteKeyId(name, fromBase64Url(publicKey));
  const line = new Uint8Array(4 + signature.length);
  line.set(keyId, 0);
  line.set(signature, 4);
  return `${text}\n— ${name} ${toBase64(line)}\n`;
}

/** The key name is the origin, as tlog-checkpoint recommends. */
export function signCheckpoint(input: { origin: string; treeSize: number; rootHash: string; publicKey: string; privateKey: CryptoKey }): Promise<string> {
  return signNote(checkpointText(input.origin, input.treeSize, input.rootHash), input.origin, input.publicKey, input.privateKey);
}

/** The tlog-proof of leaf `index`: its RFC 6962 audit path, then the checkpoint verbatim. */
export function tlogProof(index: number, path: readonly Uint8Array[], checkpoint: string): string {
  return [tlogProofHeader, `index ${index}`, ...path.map(toBase64), '', checkpoint].join('\n');
}

export interface ReadCheckpoint {
  origin: string;
  treeSize: number;
  rootHash: string;
}

/**
 * Checks a checkpoint's signature by `publicKey` (raw, base64url) under key name `origin`,
 * and reads it. Throws an Error saying what is wrong.
 */
export async function openCheckpoint(note: string, publicKey: string): Promise<ReadCheckpoint> {
  const split = note.lastIndexOf('\n\n');
  if (split === -1 || !note.endsWith('\n')) throw new Error('not a signed note (no blank line before the signatures, or no final newline)');
  const text = note.slice(0, split + 1);
  const lines = text.slice(0, -1).split('\n');
  const [origin, size, root] = lines;
  if (!origin || !size || !root || lines.length !== 3) throw new Error('the note text is not three lines: origin, tree size, root hash');
  if (!/^(0|[1-9][0-9]*)$/.test(size)) throw new Error(`tree size ${JSON.stringify(size)} is not a decimal without leading zeroes`);
  const rootBytes = fromBase64(root);
  if (rootBytes.length !== 32) throw new Error('the root hash is not 32 bytes');
  const keyId = await noteKeyId(origin, fromBase64Url(publicKey));
  const signatures = note.slice(split + 2, -1).split('\n');
  const ours = signatures.filter((line) => line.startsWith(`— ${origin} `)).map((line) => fromBase64(line.slice(`— ${origin} `.length)));
  const matching = ours.filter((bytes) => bytes.length === 68 && equalBytes(bytes.subarray(0, 4), keyId));
  if (matching.length === 0) throw new Error(`no signature line by key ${origin}+${bytesToHex(keyId)}`);
  const key = await subtleCrypto().importKey('raw', fromBase64Url(publicKey), ED25519, false, ['verify']);
  for (const signature of matching) {
    if (!(await subtleCrypto().verify(ED25519, key, ownBytes(signature.subarray(4)), ownBytes(encoder.encode(text))))) throw new Error(`the signature by ${origin}+${bytesToHex(keyId)} does not verify`);
  }
  return { origin, treeSize: Number(size), rootHash: bytesToHex(rootBytes) };
}

/** Opens a checkpoint with whichever of `publicKeys` (raw, base64url) signed it; null when none did or it is malformed. */
export async function openCheckpointByAnyKey(note: string, publicKeys: readonly string[]): Promise<ReadCheckpoint | null> {
  for (const publicKey of publicKeys) {
    try {
      return await openCheckpoint(note, publicKey);
    } catch {
      // Not this key's (or not a checkpoint at all): try the next.
    }
  }
  return null;
}

/** Reads a tlog-proof (not its checkpoint's signature: see openCheckpoint). Throws for a malformed one. */
export function readTlogProof(proof: string): { index: number; path: string[]; checkpoint: string } {
  const lines = proof.split('\n');
  if (lines[0] !== tlogProofHeader) throw new Error(`the first line is not ${tlogProofHeader}`);
  let at = 1;
  if (lines[at]?.startsWith('extra ')) at++;
  const index = /^index (0|[1-9][0-9]*)$/.exec(lines[at] ?? '')?.[1];
  if (index === undefined) throw new Error('no index line');
  at++;
  const path: string[] = [];
  for (; at < lines.length && lines[at] !== ''; at++) path.push(bytesToHex(fromBase64(lines[at] ?? '')));
  if (lines[at] !== '') throw new Error('no blank line before the checkpoint');
  return { index: Number(index), path, checkpoint: lines.slice(at + 1).join('\n') };
}
