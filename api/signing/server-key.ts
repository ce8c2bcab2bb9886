import { generateServerKey, importServerPrivateKey } from '#domain/signing/countersign.ts';
import { nextKeyStatement, type SignedKeyStatement } from '#domain/signing/key-history.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import type { Store, StoredServerKey } from '../store/store.ts';

// The server's Ed25519 countersigning and tree-head key. Its private half never enters the
// database (docs/decisions/0071): a server loads it from its key file at start
// (server/key-file.ts) and hands it over here with useServerKey, with the signed key history
// the file holds (docs/decisions/0080). What the server publishes (GET /api/keys, records,
// the audit check) comes from that history, never from the database: a key someone wrote
// into the server_keys table is neither listed nor accepted. Without a key handed over (the
// mocks, tests building an app in-process), a key is made in memory for the life of the
// store, with a one-statement history, its public half recorded.

export interface ServerSigningKey {
  key: StoredServerKey;
  /** Not extractable: it signs, it cannot be read back. */
  privateKey: CryptoKey;
  /** Every key the server signed with, oldest first, each announced by the one before; the last is `key`. */
  history: SignedKeyStatement[];
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
  const privateKey = await importServerPrivateKey(generated.privateKeyPkcs8);
  const history = [await nextKeyStatement([], { ...generated, privateKey }, key.createdAt, null)];
  return { key, privateKey, history };
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

/** The keys of a signed history as GET /api/keys and records list them (createdAt: from when each signs). */
export function historyKeys(history: readonly SignedKeyStatement[]): ServerKey[] {
  return history.map(({ statement }) => ({ keyId: statement.keyId, algorithm: 'Ed25519', publicKey: statement.publicKey, createdAt: statement.validFrom }));
}

/** Every key the server has signed with, from its signed key history (never from the database). */
export async function publishedKeys(store: Store, now: () => Date): Promise<ServerKey[]> {
  return historyKeys((await currentServerKey(store, now)).history);
}

/** The published keys with the history that vouches for them, for GET /api/keys and records. */
export async function publishedKeyHistory(store: Store, now: () => Date): Promise<{ keys: ServerKey[]; history: SignedKeyStatement[] }> {
  const { history } = await currentServerKey(store, now);
  return { keys: historyKeys(history), history };
}
