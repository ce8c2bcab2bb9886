import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Store, StoredServerKey } from '#api/store/store.ts';
import type { ServerSigningKey } from '#api/signing/server-key.ts';
import { serverKeyId, generateServerKey } from '#domain/signing/countersign.ts';
import { fromBase64Url, toBase64Url } from '#domain/signing/base64url.ts';
import { subtleCrypto } from '#domain/crypto/sha256.ts';

// The server's signing keys live in a key file, never in the database they protect
// (docs/decisions/0072): a copy of the database must not let anyone re-sign tree heads or
// records. The first start of an empty database writes a new key into the file, readable by
// the server's user only (0600); a start that finds keys published in the database but no
// key file refuses, rather than silently signing with a new key. A database written before
// 0072 holds its private keys: they are moved to the key file, then erased from the table.

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
        /** PKCS #8, base64url: the secret. */
        privateKeyPkcs8: z.string(),
        createdAt: z.iso.datetime(),
      }),
    )
    .min(1),
});
type KeyFile = z.infer<typeof keyFileSchema>;
type FileKey = KeyFile['keys'][number];

export type LoadedKeys = ServerSigningKey & {
  /** What the start log says about the key file. */
  message: string;
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
      file = { type: keyFileType, keys: legacy.map(({ keyId, privateKeyPkcs8 }) => ({ ...publicHalf(published, keyId), privateKeyPkcs8 })) };
      writeKeyFile(path, file);
      await store.transaction((tx) => tx.forgetLegacyPrivateKeys());
      message = `Signing key${legacy.length === 1 ? '' : 's'} moved out of the database into ${path} (mode 0600); the database now holds public keys only. Back the file up: it is not in the database.`;
    } else if (published.length > 0) {
      throw new KeyFileRefused(
        `The database has published ${published.length} signing key${published.length === 1 ? '' : 's'} (${published.map((k) => k.keyId).join(', ')}), but there is no key file at ${path}. ` +
          'Restore the key file (or set KEY_FILE to where it is): a new key would sign this log under a key no one holding its records knows. See docs/decisions/0072.',
      );
    } else {
      const generated = await generateServerKey();
      file = { type: keyFileType, keys: [{ keyId: generated.keyId, algorithm: 'Ed25519', publicKey: generated.publicKey, privateKeyPkcs8: generated.privateKeyPkcs8, createdAt: now().toISOString() }] };
      writeKeyFile(path, file);
      message = `New signing key ${generated.keyId} written to ${path} (mode 0600). Back it up: it is not in the database, and without it this server cannot start on this database.`;
    }
  }
  for (const key of file.keys) await checkKey(key, path);
  const published = new Set((await store.listServerKeys()).map((key) => key.keyId));
  for (const { privateKeyPkcs8: _secret, ...key } of file.keys) if (!published.has(key.keyId)) await store.insertServerKey(key);
  const current = file.keys.at(-1);
  if (!current) throw new KeyFileRefused(`${path} holds no key.`);
  const { privateKeyPkcs8, ...key } = current;
  const privateKey = await subtleCrypto().importKey('pkcs8', fromBase64Url(privateKeyPkcs8), { name: 'Ed25519' }, false, ['sign']);
  return { key, privateKey, message: `${message}${openToOthers(path)}` };
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
    json = JSON.parse(text);
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

function publicHalf(published: readonly StoredServerKey[], keyId: string): Omit<FileKey, 'privateKeyPkcs8'> {
  const key = published.find((candidate) => candidate.keyId === keyId);
  if (!key) throw new KeyFileRefused(`Server key ${keyId} has a private half in the database but no public key.`);
  return key;
}

/** The id is derived from the public key, and the private half must be that key's. */
async function checkKey(key: FileKey, path: string): Promise<void> {
  const raw = fromBase64Url(key.publicKey);
  if ((await serverKeyId(raw)) !== key.keyId) throw new KeyFileRefused(`${path}: key ${key.keyId} is not the id of its public key.`);
  const privateKey = await subtleCrypto().importKey('pkcs8', fromBase64Url(key.privateKeyPkcs8), { name: 'Ed25519' }, true, ['sign']);
  const jwk = await subtleCrypto().exportKey('jwk', privateKey);
  if (jwk.x !== toBase64Url(raw)) throw new KeyFileRefused(`${path}: the private key of ${key.keyId} is not the private half of its public key.`);
}

function openToOthers(path: string): string {
  const mode = statSync(path).mode & 0o777;
  return (mode & 0o077) === 0 ? '' : ` Warning: ${path} has mode 0${mode.toString(8)}; make it readable by this server's user only (chmod 600).`;
}
