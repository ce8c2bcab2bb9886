// An independent verifier of a record's audit evidence, written from the public specs only:
// C2SP signed-note and tlog-checkpoint, C2SP tlog-proof, RFC 9162 §2.1.3.2 (inclusion proof
// verification), RFC 8785 (JCS) and docs/verification.md for the audit entry preimage. It
// shares no code with the producer: it imports nothing but node:crypto, so a bug in the
// app's hashing, note or proof code cannot hide itself by being used on both sides.
import { createHash, createPublicKey, verify } from 'node:crypto';

export interface IndependentVerdict {
  ok: boolean;
  problems: string[];
  origin: string | null;
  treeSize: number | null;
  entriesProved: number;
}

export const sha256 = (...parts: Buffer[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/** RFC 8785 for the JSON values an audit entry holds: ES6 number and string forms, members sorted by UTF-16 code units. */
export function jcs(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : jcs(item))).join(',')}]`;
  if (typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${members.map(([key, item]) => `${JSON.stringify(key)}:${jcs(item)}`).join(',')}}`;
  }
  throw new Error(`not a JSON value: ${typeof value}`);
}

/** Verifies a signed note's Ed25519 signature by (name, raw public key); returns the note text. */
export function openNote(note: string, name: string, rawKey: Buffer): string {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new Error('not a signed note');
  const text = note.slice(0, split + 1);
  const keyId = sha256(Buffer.from(name, 'utf8'), Buffer.from([0x0a, 0x01]), rawKey).subarray(0, 4);
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: rawKey.toString('base64url') }, format: 'jwk' });
  let verified = false;
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const signature = Buffer.from(match[2] ?? '', 'base64');
    if (signature.length !== 68 || !signature.subarray(0, 4).equals(keyId)) continue;
    if (!verify(null, Buffer.from(text, 'utf8'), publicKey, signature.subarray(4))) throw new Error(`the signature of ${name} does not verify`);
    verified = true;
  }
  if (!verified) throw new Error(`no signature by ${name} with key ID ${keyId.toString('hex')}`);
  return text;
}

/** RFC 9162 §2.1.3.2. */
function rootFromInclusion(index: number, size: number, leaf: Buffer, path: Buffer[]): Buffer | null {
  if (index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = sha256(Buffer.from([0x01]), p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = sha256(Buffer.from([0x01]), r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

interface Entry {
  seq: number;
  at: string;
  actorId: string | null;
  prevHash: string;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
  subjectPrev?: string;
  entryHash: string;
}

const genesis = '0'.repeat(64);

/** The entry hash's preimage: `subjectPrev` is a member exactly when the entry has one (docs/verification.md, "The audit log"). */
export function entryPreimage(entry: Omit<Entry, 'entryHash'>): string {
  const { seq, at, actorId, prevHash, action, subject, before, after, subjectPrev } = entry;
  return jcs({ seq, at, actorId, prevHash, action, subject, before, after, ...(subjectPrev === undefined ? {} : { subjectPrev }) });
}

/** The record's entries about its package as one back-linked chain: each linked entry names the one before it in the record (genesis for the first); none unlinked after a linked one. */
function subjectChainProblems(entries: readonly Entry[]): string[] {
  const problems: string[] = [];
  let linkedSeen = false;
  entries.forEach((entry, i) => {
    if (entry.subjectPrev === undefined) {
      if (linkedSeen) problems.push(`entry #${entry.seq}: no subject link after a linked entry`);
      return;
    }
    linkedSeen = true;
    const previous = entries[i - 1];
    const expected = previous?.entryHash ?? genesis;
    if (entry.subjectPrev !== expected) problems.push(`entry #${entry.seq}: its subject link is not ${previous ? `entry #${previous.seq}` : 'genesis'}, the entry before it in the record: entries about the subject were left out`);
  });
  return problems;
}

/** A note verifier key `<name>+<hex key ID>+<base64(0x01 || 32-byte key)>`, its key ID checked. */
export function parseVerifierKey(vkey: string): { name: string; rawKey: Buffer } {
  // The name has no '+'; the base64 key may.
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(vkey);
  const [, name, id, key] = match ?? [];
  const typed = Buffer.from(key ?? '', 'base64');
  if (!name || !id || typed.length !== 33 || typed[0] !== 0x01) throw new Error('not an Ed25519 note verifier key');
  const rawKey = typed.subarray(1);
  if (sha256(Buffer.from(name, 'utf8'), Buffer.from([0x0a]), typed).subarray(0, 4).toString('hex') !== id) throw new Error('the key ID does not match the key');
  return { name, rawKey };
}

/**
 * Checks the record's checkpoint against the log's note verifier key (whose name is the
 * log's origin), and every audit entry: its hash recomputed from its content, its
 * tlog-proof leading to the checkpoint's root, and its subject link to the entry before it.
 */
export function verifyRecordLog(recordJson: string, verifierKey: string): IndependentVerdict {
  const { name, rawKey } = parseVerifierKey(verifierKey);
  const log = { origin: name, rawKey };
  const problems: string[] = [];
  const record = JSON.parse(recordJson) as { audit?: { entries?: Entry[]; checkpoint?: string; tlogProofs?: string[] } };
  const audit = record.audit ?? {};
  const entries = audit.entries ?? [];
  const proofs = audit.tlogProofs ?? [];
  let text: string;
  try {
    text = openNote(audit.checkpoint ?? '', log.origin, log.rawKey);
  } catch (error) {
    return { ok: false, problems: [`checkpoint: ${(error as Error).message}`], origin: null, treeSize: null, entriesProved: 0 };
  }
  const [origin, sizeLine, rootLine] = text.slice(0, -1).split('\n');
  if (origin !== log.origin) problems.push(`checkpoint origin ${String(origin)} is not ${log.origin}`);
  const size = /^(0|[1-9][0-9]*)$/.test(sizeLine ?? '') ? Number(sizeLine) : NaN;
  const root = Buffer.from(rootLine ?? '', 'base64');
  if (!Number.isSafeInteger(size) || root.length !== 32) return { ok: false, problems: ['checkpoint: malformed size or root'], origin: origin ?? null, treeSize: null, entriesProved: 0 };
  if (proofs.length !== entries.length) problems.push(`${proofs.length} tlog-proofs for ${entries.length} entries`);
  let proved = 0;
  for (const [i, entry] of entries.entries()) {
    const entryHash = sha256(Buffer.from(entryPreimage(entry), 'utf8'));
    if (entryHash.toString('hex') !== entry.entryHash) {
      problems.push(`entry #${entry.seq}: its content hashes to ${entryHash.toString('hex')}, not ${entry.entryHash}`);
      continue;
    }
    const lines = (proofs[i] ?? '').split('\n');
    let at = 0;
    if (lines[at++] !== 'c2sp.org/tlog-proof@v1') {
      problems.push(`entry #${entry.seq}: tlog-proof header missing`);
      continue;
    }
    if (lines[at]?.startsWith('extra ')) at++;
    const index = /^index (0|[1-9][0-9]*)$/.exec(lines[at++] ?? '')?.[1];
    const path: Buffer[] = [];
    while (at < lines.length && lines[at] !== '') path.push(Buffer.from(lines[at++] ?? '', 'base64'));
    const embedded = lines.slice(at + 1).join('\n');
    if (index === undefined || Number(index) !== entry.seq - 1) problems.push(`entry #${entry.seq}: tlog-proof index ${String(index)} is not leaf ${entry.seq - 1}`);
    else if (embedded !== audit.checkpoint) problems.push(`entry #${entry.seq}: tlog-proof carries another checkpoint`);
    else {
      const computed = rootFromInclusion(Number(index), size, sha256(Buffer.from([0x00]), entryHash), path);
      if (!computed?.equals(root)) problems.push(`entry #${entry.seq}: its inclusion proof does not lead to the checkpoint's root`);
      else proved++;
    }
  }
  problems.push(...subjectChainProblems(entries));
  return { ok: problems.length === 0, problems, origin: origin ?? null, treeSize: size, entriesProved: proved };
}
