import { generateServerKey, importServerPrivateKey } from '#domain/signing/countersign.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import type { Store, StoredServerKey, StoreTx } from '../store/store.ts';

// The server's Ed25519 countersigning and tree-head key. Its private half never enters the
// database (docs/decisions/0072): a server loads it from its key file at start
// (server/key-file.ts) and hands it over here with useServerKey. The database records the
// public halves, published at GET /api/keys; old keys stay listed so old records keep
// verifying after a rotation. Without a key handed over (the mocks, tests building an app
// in-process), a key is made in memory for the life of the store, its public half recorded.

export interface ServerSigningKey {
  key: StoredServerKey;
  /** Not extractable: it signs, it cannot be read back. */
  privateKey: CryptoKey;
}

const keys = new WeakMap<Store, Promise<ServerSigningKey>>();

/** The key a server loaded from its key file signs everything for this store from now on. */
export function useServerKey(store: Store, key: ServerSigningKey): void {
  keys.set(store, Promise.resolve(key));
}

async function inMemoryKey(store: Store, now: () => Date): Promise<ServerSigningKey> {
  const generated = await generateServerKey();
  const key: StoredServerKey = { keyId: generated.keyId, algorithm: 'Ed25519', publicKey: generated.publicKey, createdAt: now().toISOString() };
  await store.insertServerKey(key);
  return { key, privateKey: await importServerPrivateKey(generated.privateKeyPkcs8) };
}

/** The current signing key with its private half imported, once per store. */
export function currentServerKey(store: Store, now: () => Date): Promise<ServerSigningKey> {
  let pending = keys.get(store);
  if (!pending) {
    pending = inMemoryKey(store, now);
    // A failure (database briefly away) must not be remembered.
    pending.catch(() => keys.delete(store));
    keys.set(store, pending);
  }
  return pending;
}

/** Every key the server has countersigned with, as published. */
export async function publishedKeys(store: Pick<StoreTx, 'listServerKeys'>): Promise<ServerKey[]> {
  return (await store.listServerKeys()).map(({ keyId, algorithm, publicKey, createdAt }) => ({ keyId, algorithm, publicKey, createdAt }));
}
