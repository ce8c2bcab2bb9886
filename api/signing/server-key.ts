import { generateServerKey, importServerPrivateKey } from '#domain/signing/countersign.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import type { Store, StoredServerKey, StoreTx } from '../store/store.ts';

// The server's Ed25519 countersigning key: created on first use and kept in the database, so
// every API instance on one PostgreSQL countersigns with the same published keys. Old keys
// stay listed (GET /api/keys) so old records keep verifying after a rotation.

const imported = new WeakMap<Store, Promise<{ key: StoredServerKey; privateKey: CryptoKey }>>();

async function loadOrCreate(store: Store, now: () => Date): Promise<{ key: StoredServerKey; privateKey: CryptoKey }> {
  let key = (await store.listServerKeys()).at(-1);
  if (!key) {
    const generated = await generateServerKey();
    const fresh: StoredServerKey = { keyId: generated.keyId, algorithm: 'Ed25519', publicKey: generated.publicKey, privateKeyPkcs8: generated.privateKeyPkcs8, createdAt: now().toISOString() };
    try {
      await store.insertServerKey(fresh);
    } catch (error) {
      // Another instance created one at the same moment: use whatever is there now.
      if ((await store.listServerKeys()).length === 0) throw error;
    }
    key = (await store.listServerKeys()).at(-1) ?? fresh;
  }
  return { key, privateKey: await importServerPrivateKey(key.privateKeyPkcs8) };
}

/** The current countersigning key with its private half imported, once per store. */
export function currentServerKey(store: Store, now: () => Date): Promise<{ key: StoredServerKey; privateKey: CryptoKey }> {
  let pending = imported.get(store);
  if (!pending) {
    pending = loadOrCreate(store, now);
    // A failure (database briefly away) must not be remembered.
    pending.catch(() => imported.delete(store));
    imported.set(store, pending);
  }
  return pending;
}

/** Every key the server has countersigned with, as published: without the private halves. */
export async function publishedKeys(store: Pick<StoreTx, 'listServerKeys'>): Promise<ServerKey[]> {
  return (await store.listServerKeys()).map(({ keyId, algorithm, publicKey, createdAt }) => ({ keyId, algorithm, publicKey, createdAt }));
}
