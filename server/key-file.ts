import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Store, StoredServerKey } from '#api/store/store.ts';
import type { ServerSigningKey } from '#api/signing/server-key.ts';
import { serverKeyId, generateServerKey } from '#domain/signing/countersign.ts';
import { fromBase64Url, toBase64Url } from '#domain/signing/base64url.ts';
import { subtleCrypto } from '#domain/crypto/sha256.ts';
import { documentKeySchema, newDocumentKey, type DocumentKey } from './pdf/document-key.ts';
import { keyHistorySchema, nextKeyStatement, verifyKeyHistory, type SignedKeyStatement } from '#domain/signing/key-history.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The server's signing keys live in a key file, never in the database they protect
// (docs/decisions/0071): a copy of the database must not let anyone re-sign tree heads or
// records. The first start of an empty database writes a new key into the file, readable by
// the server's user only (0600); a start that finds keys published in the database but no
// key file refuses, rather than silently signing with a new key. A database written before
// 0071 holds its private keys: they are moved to the key file, then erased from the table.
// The file also holds the signed key history (docs/decisions/0080): each key announced by the
// one before. A rotation (`npm run rotate-key`, rotateKeyFile) adds a key and its statement
// and drops the retired key's private half; only its public half stays, to verify old records.

const keyFileType = 'model-approval-server-keys/1';

const keyFileSchema = z.strictObject({
  type: z.literal(keyFileType),
  /** Oldest first; the last is the one that signs. */
  keys: z
    .array(
      z.strictObject({
        keyId: z.string(),
        algorithm: z.literal('Ed25519'),
        publicKey: z.string(),
        /** PKCS #8, base64url: the secret. Absent on a retired key: only the current key signs. */
        privateKeyPkcs8: z.string().optional(),
        createdAt: z.iso.datetime(),
      }),
    )
    .min(1),
  /** One signed statement per key, in the same order (absent in files written before 0080: made at the next start). */
  history: keyHistorySchema.optional(),
  /**
   * The PDF record's ECDSA P-256 key, its certificate issued by a server key (docs/decisions/0119):
   * pdfsig cannot check Ed25519. Absent in files written before: made at the next start.
   */
  documentKey: documentKeySchema.optional(),
});
type KeyFile = z.infer<typeof keyFileSchema>;
type FileKey = KeyFile['keys'][number];

export type LoadedKeys = ServerSigningKey & {
  /** What the start log says about the key file. */
  message: string;
  /** The key that signs PDF records (server/pdf/document-key.ts). */
  documentKey: DocumentKey;
};

/** A start that must not go on: the message says why and what to do. */
export class KeyFileRefused extends Error {}

export async function loadServerKeys(store: Store, options: { path: string; now: () => Date }): Promise<LoadedKeys> {
  const { path, now } = options;
  let file = readKeyFile(path);
  let message: string;
  if (file) {
    message = `Signing key ${file.keys.at(-1)?.keyId ?? '?'} loaded from ${path}.`;
  } else {
    const published = await store.listServerKeys();
    const legacy = await store.legacyPrivateKeys();
    if (legacy.length > 0) {
      file = (await completeKeyFile({ type: keyFileType, keys: legacy.map(({ keyId, privateKeyPkcs8 }) => ({ ...publicHalf(published, keyId), privateKeyPkcs8 })) }, path)).file;
      writeKeyFile(path, file);
      await store.transaction((tx) => tx.forgetLegacyPrivateKeys());
      message = `Signing key${legacy.length === 1 ? '' : 's'} moved out of the database into ${path} (mode 0600); the database now holds public keys only. Back the file up: it is not in the database.`;
    } else if (published.length > 0) {
      throw new KeyFileRefused(
        `The database has published ${published.length} signing key${published.length === 1 ? '' : 's'} (${published.map((k) => k.keyId).join(', ')}), but there is no key file at ${path}. ` +
          'Restore the key file (or set KEY_FILE to where it is): a new key would sign this log under a key no one holding its records knows. See docs/decisions/0071.',
      );
    } else {
      const generated = await generateServerKey();
      const first = { keyId: generated.keyId, algorithm: 'Ed25519' as const, publicKey: generated.publicKey, privateKeyPkcs8: generated.privateKeyPkcs8, createdAt: now().toISOString() };
      file = (await completeKeyFile({ type: keyFileType, keys: [first] }, path)).file;
      writeKeyFile(path, file);
      message = `New signing key ${generated.keyId} written to ${path} (mode 0600). Back it up: it is not in the database, and without it this server cannot start on this database.`;
    }
  }
  const completed = await completeKeyFile(file, path);
  if (completed.changed) replaceKeyFile(path, completed.file);
  file = completed.file;
  const published = await store.listServerKeys();
  const inFile = new Set(file.keys.map((key) => key.keyId));
  for (const { privateKeyPkcs8: _secret, ...key } of file.keys) if (!published.some((row) => row.keyId === key.keyId)) await store.insertServerKey(key);
  // A key in the table that the file's signed history does not hold is no key of this server.
  const strangers = published.filter((row) => !inFile.has(row.keyId)).map((row) => row.keyId);
  if (strangers.length > 0) message += ` Warning: the database lists signing key${strangers.length === 1 ? '' : 's'} ${strangers.join(', ')}, which ${strangers.length === 1 ? 'is' : 'are'} not in the key file's signed history; ignored (neither published nor accepted). Someone with write access to the database may have added ${strangers.length === 1 ? 'it' : 'them'}.`;
  const current = await signingKeyOf(file, path);
  let documentKey = file.documentKey;
  if (!documentKey) {
    const added = await addDocumentKeyOnce(path, current, now);
    documentKey = added.documentKey;
    if (added.made) message += ` A document-signing key (ECDSA P-256) for PDF records, its certificate issued by ${current.key.keyId}, was added to ${path}.`;
  }
  return { ...current, documentKey, message: `${message}${openToOthers(path)}` };
}

/**
 * Adds a document key to a file written before 0119, once: instances starting together on one
 * shared key file would each make a key, the last rename would win, and the others would sign
 * PDFs with a key the file (and every other instance's certificate list) does not hold. Under
 * an exclusive lock file, the file is read again and a key another start added is taken.
 */
async function addDocumentKeyOnce(path: string, current: ServerSigningKey, now: () => Date): Promise<{ documentKey: DocumentKey; made: boolean }> {
  return withKeyFileLock(path, async () => {
    const latest = readKeyFile(path);
    if (!latest) throw new KeyFileRefused(`${path} disappeared while the server was starting.`);
    if (latest.documentKey) return { documentKey: latest.documentKey, made: false };
    const documentKey = await newDocumentKey(current, now());
    replaceKeyFile(path, { ...latest, documentKey });
    return { documentKey, made: true };
  });
}

const lockWaitMs = 30_000;

/** Runs `work` holding `<path>.lock` (created exclusively, removed after); waits for another holder at most 30 s. */
async function withKeyFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + lockWaitMs;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx', 0o600));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) throw new KeyFileRefused(`${lock} has been held for ${lockWaitMs / 1000} s. Another server may be adding to the key file, or one stopped while it did: if no other server is starting, remove ${lock} and start again.`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** The file's last key, with its private half imported for signing, and the file's history. */
async function signingKeyOf(file: KeyFile, path: string): Promise<ServerSigningKey> {
  const current = file.keys.at(-1);
  if (!current) throw new KeyFileRefused(`${path} holds no key.`);
  const { privateKeyPkcs8, ...key } = current;
  if (!privateKeyPkcs8) throw new KeyFileRefused(`${path}: the current key ${key.keyId} has no private half.`);
  const privateKey = await subtleCrypto().importKey('pkcs8', fromBase64Url(privateKeyPkcs8), { name: 'Ed25519' }, false, ['sign']);
  return { key, privateKey, history: file.history ?? [] };
}

/**
 * Checks every key, and gives a file without a (complete) history one: each missing
 * statement signed by the key before and the key itself, which a file written before 0080
 * still holds. The history must then verify and name the file's keys, in order.
 */
async function completeKeyFile(file: KeyFile, path: string): Promise<{ file: KeyFile; changed: boolean }> {
  for (const [index, key] of file.keys.entries()) await checkKey(key, path, index === file.keys.length - 1);
  const history: SignedKeyStatement[] = [...(file.history ?? [])];
  const changed = history.length < file.keys.length;
  for (let index = history.length; index < file.keys.length; index++) {
    const key = file.keys[index];
    if (!key) break;
    const previous = index > 0 ? file.keys[index - 1] : undefined;
    const signerOf = async (k: FileKey) => {
      if (!k.privateKeyPkcs8) throw new KeyFileRefused(`${path}: key ${k.keyId} has no statement in the key history and no private half to sign one.`);
      return { keyId: k.keyId, privateKey: await subtleCrypto().importKey('pkcs8', fromBase64Url(k.privateKeyPkcs8), { name: 'Ed25519' }, false, ['sign']) };
    };
    const self = await signerOf(key);
    history.push(await nextKeyStatement(history, { ...key, privateKey: self.privateKey }, key.createdAt, previous ? await signerOf(previous) : null));
  }
  const verdict = await verifyKeyHistory(history);
  if (!verdict.ok) throw new KeyFileRefused(`${path}: ${verdict.problem}`);
  const named = verdict.keys.map((key) => key.keyId).join(',');
  if (named !== file.keys.map((key) => key.keyId).join(',')) throw new KeyFileRefused(`${path}: the key history names keys ${named}, the file holds ${file.keys.map((key) => key.keyId).join(',')}.`);
  return { file: { ...file, history }, changed };
}

/**
 * A rotation: a new key signs from `now` on, announced by a statement the current key and
 * the new key sign; the retired key's private half is dropped from the file, its public half
 * and statement stay. The running server keeps its key until restarted (every instance on a
 * shared database: stop them, rotate, start them).
 */
export async function rotateKeyFile(path: string, now: () => Date): Promise<{ retired: string; current: string; message: string }> {
  const read = readKeyFile(path);
  if (!read) throw new KeyFileRefused(`There is no key file at ${path} to rotate (set KEY_FILE or DATA_DIR to where it is).`);
  const { file } = await completeKeyFile(read, path);
  const retired = await signingKeyOf(file, path);
  const generated = await generateServerKey();
  const validFrom = now().toISOString();
  const newPrivate = await subtleCrypto().importKey('pkcs8', fromBase64Url(generated.privateKeyPkcs8), { name: 'Ed25519' }, false, ['sign']);
  const history = [...retired.history, await nextKeyStatement(retired.history, { ...generated, privateKey: newPrivate }, validFrom, { keyId: retired.key.keyId, privateKey: retired.privateKey })];
  const keys = [
    ...file.keys.map(({ privateKeyPkcs8: _retiredSecret, ...key }) => key),
    { keyId: generated.keyId, algorithm: 'Ed25519' as const, publicKey: generated.publicKey, privateKeyPkcs8: generated.privateKeyPkcs8, createdAt: validFrom },
  ];
  // The PDF document key is certified by the server key: a rotation (after a suspected
  // compromise, say) issues a new one under the new key, so no record signs on with the old.
  const documentKey = await newDocumentKey({ key: { keyId: generated.keyId, publicKey: generated.publicKey } as StoredServerKey, privateKey: newPrivate }, now());
  const rotated = await completeKeyFile({ ...file, keys, history, documentKey }, path);
  replaceKeyFile(path, rotated.file);
  return {
    retired: retired.key.keyId,
    current: generated.keyId,
    message: `Signing key ${generated.keyId} now signs (from ${validFrom}), announced by retired key ${retired.key.keyId} in ${path}; the retired key's private half is gone from the file, its public key stays published. Restart every server instance to sign with the new key.`,
  };
}

function readKeyFile(path: string): KeyFile | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new KeyFileRefused(`Cannot read the key file ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = parseJson(text);
  } catch (error) {
    throw new KeyFileRefused(`${path} is not a key file: ${(error as Error).message}`);
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw new KeyFileRefused(`${path} is not a key file: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function writeKeyFile(path: string, file: KeyFile): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // `wx`: never over another start's file written meanwhile.
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
}

/** Replaces the file whole (a new file renamed over it), never leaving half a file or a wider mode. */
function replaceKeyFile(path: string, file: KeyFile): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  renameSync(temporary, path);
}

function publicHalf(published: readonly StoredServerKey[], keyId: string): Omit<FileKey, 'privateKeyPkcs8'> {
  const key = published.find((candidate) => candidate.keyId === keyId);
  if (!key) throw new KeyFileRefused(`Server key ${keyId} has a private half in the database but no public key.`);
  return key;
}

/** The id is derived from the public key, and the private half (the current key must have one) must be that key's. */
async function checkKey(key: FileKey, path: string, current: boolean): Promise<void> {
  const raw = fromBase64Url(key.publicKey);
  if ((await serverKeyId(raw)) !== key.keyId) throw new KeyFileRefused(`${path}: key ${key.keyId} is not the id of its public key.`);
  if (!key.privateKeyPkcs8) {
    if (current) throw new KeyFileRefused(`${path}: the current key ${key.keyId} has no private half.`);
    return;
  }
  const privateKey = await subtleCrypto().importKey('pkcs8', fromBase64Url(key.privateKeyPkcs8), { name: 'Ed25519' }, true, ['sign']);
  const jwk = await subtleCrypto().exportKey('jwk', privateKey);
  if (jwk.x !== toBase64Url(raw)) throw new KeyFileRefused(`${path}: the private key of ${key.keyId} is not the private half of its public key.`);
}

function openToOthers(path: string): string {
  const mode = statSync(path).mode & 0o777;
  return (mode & 0o077) === 0 ? '' : ` Warning: ${path} has mode 0${mode.toString(8)}; make it readable by this server's user only (chmod 600).`;
}
