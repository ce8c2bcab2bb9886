// The server's signed key history (docs/decisions/0080): one statement per signing key the
// server ever had, oldest first. The first is signed by its own key; each later one names
// the key it replaces and the hash of that key's statement, and is signed by both the
// previous key (the announcement: "my successor is this key") and the new key (its
// acceptance: "I succeed that key", and proof that its holder has it). A reader who pinned
// any one key of a valid history can therefore trust every key in it, and each key signs
// only until its successor's validFrom. The history lives in the key file and is served at
// GET /api/keys and in every record; it is never read from the database.
import { ownBytes } from '../crypto/bytes.ts';
import { bytesToHex, sha256Bytes, sha256Hex, subtleCrypto } from '../crypto/sha256.ts';
import { canonicalBytes } from '../json/canonicalize.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { keyStatementSchema, keyStatementType, signedKeyStatementSchema, type KeyStatement, type SignedKeyStatement } from '../contracts/key-history.ts';

export { keyHistorySchema, type SignedKeyStatement } from '../contracts/key-history.ts';

/** A key of a verified history, with the period it may sign in. */
export interface HistoryKey {
  keyId: string;
  publicKey: string;
  validFrom: string;
  /** Its successor's validFrom; null for the current key. */
  validUntil: string | null;
}

export type HistoryVerdict = { ok: true; keys: HistoryKey[] } | { ok: false; problem: string };

const ED25519 = { name: 'Ed25519' } as const;
const PUBLIC_KEY_BYTES = 32;

export interface StatementSigner {
  keyId: string;
  privateKey: CryptoKey;
}

/** The SHA-256 a later statement names its predecessor by. */
export function keyStatementHash(signed: SignedKeyStatement): Promise<string> {
  return sha256Hex(canonicalBytes(signed));
}

/** Signs with each signer in order: the previous key first (none for the first key), then the new key. */
export async function signKeyStatement(statement: KeyStatement, signers: readonly StatementSigner[]): Promise<SignedKeyStatement> {
  const message = ownBytes(canonicalBytes(keyStatementSchema.parse(statement)));
  const signatures = [];
  for (const { keyId, privateKey } of signers) {
    const value = await subtleCrypto().sign(ED25519, privateKey, message);
    signatures.push({ keyId, algorithm: 'Ed25519' as const, value: toBase64Url(new Uint8Array(value)) });
  }
  return { statement, signatures };
}

/** The statement that starts or continues a history with a new key. */
export async function nextKeyStatement(
  history: readonly SignedKeyStatement[],
  key: { keyId: string; publicKey: string; privateKey: CryptoKey },
  validFrom: string,
  previousSigner: StatementSigner | null,
): Promise<SignedKeyStatement> {
  const last = history.at(-1);
  if (last && !previousSigner) throw new Error('A rotation must be signed by the key it replaces');
  const statement: KeyStatement = {
    type: keyStatementType,
    index: history.length,
    keyId: key.keyId,
    algorithm: 'Ed25519',
    publicKey: key.publicKey,
    validFrom,
    previous: last ? { keyId: last.statement.keyId, statementHash: await keyStatementHash(last) } : null,
  };
  const self = { keyId: key.keyId, privateKey: key.privateKey };
  return signKeyStatement(statement, last && previousSigner ? [previousSigner, self] : [self]);
}

/** Every link of the chain from the first key, checked. Never throws. */
export async function verifyKeyHistory(history: readonly unknown[]): Promise<HistoryVerdict> {
  const keys: HistoryKey[] = [];
  let previous: SignedKeyStatement | null = null;
  for (const [index, value] of history.entries()) {
    const parsed = signedKeyStatementSchema.safeParse(value);
    const at = `key history statement ${index}`;
    if (!parsed.success) return { ok: false, problem: `${at} is not a key statement: ${parsed.error.issues[0]?.message ?? 'unreadable'}.` };
    const signed = parsed.data;
    const { statement } = signed;
    if (statement.index !== index) return { ok: false, problem: `${at} says it is statement ${statement.index}.` };
    let raw: Uint8Array;
    try {
      raw = fromBase64Url(statement.publicKey);
    } catch {
      return { ok: false, problem: `${at}: its public key is not base64url.` };
    }
    if (raw.length !== PUBLIC_KEY_BYTES) return { ok: false, problem: `${at}: an Ed25519 public key is ${PUBLIC_KEY_BYTES} bytes, not ${raw.length}.` };
    if (bytesToHex(await sha256Bytes(raw)).slice(0, 16) !== statement.keyId) return { ok: false, problem: `${at}: key id ${statement.keyId} is not derived from its public key.` };
    if (keys.some((key) => key.keyId === statement.keyId)) return { ok: false, problem: `${at}: key ${statement.keyId} appears twice.` };
    const self = { keyId: statement.keyId, publicKey: statement.publicKey };
    if (previous === null) {
      if (statement.previous !== null) return { ok: false, problem: `${at} is the first but names a previous key.` };
      if (signed.signatures.length !== 1 || !(await signedBy(signed, 0, self))) return { ok: false, problem: `${at}: the first key's statement must carry exactly one signature, its own, and it does not verify.` };
    } else {
      const before: SignedKeyStatement = previous;
      if (statement.previous?.keyId !== before.statement.keyId) return { ok: false, problem: `${at} does not name key ${before.statement.keyId} as the key it replaces.` };
      if (statement.previous.statementHash !== (await keyStatementHash(before))) return { ok: false, problem: `${at}: the hash of the statement before does not match; the history was changed.` };
      if (statement.validFrom < before.statement.validFrom) return { ok: false, problem: `${at} is valid from ${statement.validFrom}, before the key it replaces (${before.statement.validFrom}).` };
      if (signed.signatures.length !== 2) return { ok: false, problem: `${at} must be signed by the key it replaces and by its own key.` };
      if (!(await signedBy(signed, 0, { keyId: before.statement.keyId, publicKey: before.statement.publicKey }))) return { ok: false, problem: `${at}: the signature of the replaced key ${before.statement.keyId} does not verify.` };
      if (!(await signedBy(signed, 1, self))) return { ok: false, problem: `${at}: the new key's own signature does not verify.` };
      const last = keys.at(-1);
      if (last) last.validUntil = statement.validFrom;
    }
    keys.push({ keyId: statement.keyId, publicKey: statement.publicKey, validFrom: statement.validFrom, validUntil: null });
    previous = signed;
  }
  if (keys.length === 0) return { ok: false, problem: 'The key history is empty.' };
  return { ok: true, keys };
}

async function signedBy(signed: SignedKeyStatement, position: number, key: { keyId: string; publicKey: string }): Promise<boolean> {
  const signature = signed.signatures[position];
  if (!signature || signature.keyId !== key.keyId) return false;
  try {
    const publicKey = await subtleCrypto().importKey('raw', fromBase64Url(key.publicKey), ED25519, false, ['verify']);
    return await subtleCrypto().verify(ED25519, publicKey, fromBase64Url(signature.value), ownBytes(canonicalBytes(signed.statement)));
  } catch {
    return false;
  }
}

/** Whether a key of the history could sign at `at`: before its successor took over. */
export function signsAt(key: HistoryKey, at: string): boolean {
  return key.validUntil === null || at < key.validUntil;
}
