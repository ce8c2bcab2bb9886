import type { SignedTreeHead } from '#domain/contracts/audit.ts';
import { checkpointOrigin, noteVerifierKey, signCheckpoint } from '#domain/audit/checkpoint.ts';
import type { ApiDeps } from '../kernel/context.ts';
import { currentServerKey } from '../signing/server-key.ts';

// A tree head as a C2SP checkpoint (docs/decisions/0081): signed with the current key under
// the deployment's origin (PUBLIC_URL without its scheme). Ed25519 is deterministic, so the
// same head and key give the same checkpoint every time: nothing to store.

export async function checkpointOf(deps: Pick<ApiDeps, 'store' | 'now'>, publicOrigin: string, head: Pick<SignedTreeHead, 'treeSize' | 'rootHash'>): Promise<{ checkpoint: string; origin: string; verifierKey: string }> {
  const { key, privateKey } = await currentServerKey(deps.store, deps.now);
  const origin = checkpointOrigin(publicOrigin);
  const checkpoint = await signCheckpoint({ origin, treeSize: head.treeSize, rootHash: head.rootHash, publicKey: key.publicKey, privateKey });
  return { checkpoint, origin, verifierKey: await noteVerifierKey(origin, key.publicKey) };
}
