// A witness of the audit log's checkpoints, per C2SP tlog-witness (https://c2sp.org/tlog-witness)
// and tlog-cosignature (https://c2sp.org/tlog-cosignature), docs/decisions/0105. The witness
// keeps, per log, the size and root of the last checkpoint it cosigned and cosigns a new one
// only when a consistency proof shows the new tree extends that one: an operator who rewrites
// history (another root for a size the witness saw, or a longer tree that does not contain it)
// cannot get a cosignature, and a verifier holding the witness key sees that.
//
//   add-checkpoint request:  old <size>\n  <base64 proof hash>\n ...  \n  <checkpoint note>
//   cosignature line:        — <witness name> <base64(key ID || timestamp u64 BE || Ed25519 sig)>
//   signed message:          cosignature/v1\ntime <timestamp>\n<checkpoint note text>
//   key ID:                  SHA-256(name || 0x0A || 0x04 || 32-byte public key)[:4]
import { equalBytes, ownBytes } from '../crypto/bytes.ts';
import { subtleCrypto, bytesToHex } from '../crypto/sha256.ts';
import { fromBase64Url } from '../signing/base64url.ts';
import { fromBase64, noteKeyId, noteVerifierKey, openCheckpoint, toBase64, type ReadCheckpoint } from './checkpoint.ts';
import { hexToBytes } from '../crypto/hex.ts';
import { verifyConsistency } from './merkle.ts';

const ED25519 = { name: 'Ed25519' } as const;
const COSIGNATURE_TYPE = 0x04;
const encoder = new TextEncoder();

/** SHA-256(name || 0x0A || 0x04 || 32-byte key)[:4]: a cosignature key's ID. */
export function cosignatureKeyId(name: string, rawPublicKey: Uint8Array): Promise<Uint8Array> {
  return noteKeyId(name, rawPublicKey, COSIGNATURE_TYPE);
}

/** The witness's verifier key: `<name>+<hex key ID>+<base64(0x04 || key)>`. */
export function witnessVerifierKey(name: string, publicKeyBase64url: string): Promise<string> {
  return noteVerifierKey(name, publicKeyBase64url, COSIGNATURE_TYPE);
}

/** The note text of a checkpoint note (its lines up to and including the blank line's newline, without the blank line). */
export function noteText(note: string): string {
  const split = note.indexOf('\n\n');
  if (split === -1) throw new Error('not a signed note');
  return note.slice(0, split + 1);
}

export function cosignedMessage(timestamp: number, text: string): Uint8Array {
  return encoder.encode(`cosignature/v1\ntime ${timestamp}\n${text}`);
}

export async function cosign(input: { name: string; publicKey: string; privateKey: CryptoKey; timestamp: number; note: string }): Promise<string> {
  const signature = new Uint8Array(await subtleCrypto().sign(ED25519, input.privateKey, ownBytes(cosignedMessage(input.timestamp, noteText(input.note)))));
  const bytes = new Uint8Array(4 + 8 + 64);
  bytes.set(await cosignatureKeyId(input.name, fromBase64Url(input.publicKey)), 0);
  new DataView(bytes.buffer).setBigUint64(4, BigInt(input.timestamp));
  bytes.set(signature, 12);
  return `— ${input.name} ${toBase64(bytes)}`;
}

/** The witness's cosignature in a note, checked; its timestamp (seconds), or an Error saying why not. */
export async function verifyCosignature(note: string, name: string, publicKey: string): Promise<number> {
  const keyId = await cosignatureKeyId(name, fromBase64Url(publicKey));
  const key = await subtleCrypto().importKey('raw', fromBase64Url(publicKey), ED25519, false, ['verify']);
  const text = noteText(note);
  for (const line of note.slice(text.length + 1).split('\n')) {
    if (!line.startsWith(`— ${name} `)) continue;
    const bytes = fromBase64(line.slice(`— ${name} `.length));
    if (bytes.length !== 76 || !equalBytes(bytes.subarray(0, 4), keyId)) continue;
    const timestamp = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(4));
    if (await subtleCrypto().verify(ED25519, key, ownBytes(bytes.subarray(12)), ownBytes(cosignedMessage(timestamp, text)))) return timestamp;
    throw new Error(`the cosignature by ${name}+${bytesToHex(keyId)} does not verify`);
  }
  throw new Error(`no cosignature line by ${name}+${bytesToHex(keyId)}`);
}

export function addCheckpointBody(oldSize: number, proof: readonly string[], checkpoint: string): string {
  return [`old ${oldSize}`, ...proof.map((hex) => toBase64(hexToBytes(hex))), '', checkpoint].join('\n');
}

export function parseAddCheckpoint(body: string): { oldSize: number; proof: Uint8Array[]; checkpoint: string } {
  const lines = body.split('\n');
  const old = /^old (0|[1-9][0-9]*)$/.exec(lines[0] ?? '')?.[1];
  if (old === undefined) throw new Error('the first line is not "old <size>"');
  const proof: Uint8Array[] = [];
  let at = 1;
  for (; at < lines.length && lines[at] !== ''; at++) proof.push(fromBase64(lines[at] ?? ''));
  if (lines[at] !== '') throw new Error('no blank line before the checkpoint');
  return { oldSize: Number(old), proof, checkpoint: lines.slice(at + 1).join('\n') };
}

/** What the witness last cosigned for a log. */
export interface WitnessState {
  treeSize: number;
  rootHash: string;
}

export type WitnessAnswer =
  | { status: 200; cosignature: string; state: WitnessState }
  | { status: 409; treeSize: number }
  | { status: 400 | 403 | 422; message: string };

/**
 * The witness's rule for one add-checkpoint request, for a log known by its origin and key:
 * 403 unknown log or bad signature, 409 (with the size it holds) when `old` is not that size,
 * 422 when the proof does not show the new tree extends the old one (or the same size with
 * another root), else 200 with a cosignature and the new state to keep.
 */
export async function witnessAddCheckpoint(input: {
  body: string;
  state: WitnessState | null;
  log: { origin: string; publicKey: string };
  witness: { name: string; publicKey: string; privateKey: CryptoKey };
  now: () => number;
}): Promise<WitnessAnswer> {
  let request: ReturnType<typeof parseAddCheckpoint>;
  try {
    request = parseAddCheckpoint(input.body);
  } catch (error) {
    return { status: 400, message: (error as Error).message };
  }
  let checkpoint: ReadCheckpoint;
  try {
    checkpoint = await openCheckpoint(request.checkpoint, input.log.publicKey);
  } catch (error) {
    return { status: 403, message: `not a checkpoint of a known log: ${(error as Error).message}` };
  }
  if (checkpoint.origin !== input.log.origin) return { status: 403, message: `unknown log ${checkpoint.origin}` };
  const held = input.state ?? { treeSize: 0, rootHash: '' };
  if (request.oldSize !== held.treeSize) return { status: 409, treeSize: held.treeSize };
  if (checkpoint.treeSize < held.treeSize) return { status: 400, message: `the checkpoint's size ${checkpoint.treeSize} is below the old size ${held.treeSize}` };
  const consistent =
    held.treeSize === 0
      ? request.proof.length === 0
      : checkpoint.treeSize === held.treeSize
        ? request.proof.length === 0 && checkpoint.rootHash === held.rootHash
        : verifyConsistency({ oldSize: held.treeSize, newSize: checkpoint.treeSize, oldRoot: hexToBytes(held.rootHash), newRoot: hexToBytes(checkpoint.rootHash), path: request.proof });
  if (!consistent) return { status: 422, message: `the checkpoint of size ${checkpoint.treeSize} is not consistent with the size ${held.treeSize} this witness cosigned` };
  const cosignature = await cosign({ ...input.witness, timestamp: Math.floor(input.now() / 1000), note: request.checkpoint });
  return { status: 200, cosignature, state: { treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash } };
}
