import type { Store } from '#api/store/store.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';

/** A signed-in session for `userId`, written straight to the store: its cookie token and stored hash. */
export async function sessionFor(store: Store, userId: string): Promise<{ token: string; hash: string }> {
  const token = crypto.randomUUID().replace(/-/g, '') + crypto.randomUUID().replace(/-/g, '').slice(0, 11);
  const hash = await sha256Hex(token);
  const now = Date.now();
  await store.insertSession({ tokenHash: hash, userId, createdAt: new Date(now).toISOString(), expiresAt: new Date(now + 3_600_000).toISOString(), lastSeenAt: null, steppedUpAt: null });
  return { token, hash };
}
