import type { AuditVerification } from '#domain/contracts/audit.ts';
import { bytesToHex } from '#domain/crypto/hex.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import type { StoreTx } from '../store/store.ts';
import type { AuditLogReader } from './entry-views.ts';
import { catchUp, forgetVerifiedLog, VerifiedPrefix } from './verified-log.ts';
import { headBreak } from './tree-heads.ts';

// GET /api/audit/verify: the whole log read and hashed again, and every published tree head
// held against it.

export type AuditVerifierStore = AuditLogReader & Pick<StoreTx, 'listTreeHeads'>;

/**
 * The server's verdict: the hash chain, the Merkle root, and every published tree head against
 * the keys of the signed key history (`published`). Stops, throwing, once `signal` is aborted:
 * a reader who left (a closed tab, a reload, a newer check) does not keep the server reading
 * a million entries for nobody (docs/decisions/0224).
 */
export async function verifyWholeLog(deps: { store: AuditVerifierStore; now: () => Date }, published: readonly ServerKey[], signal?: AbortSignal): Promise<AuditVerification> {
  const { store } = deps;
  // The explicit full check: every row read and hashed again, never the verified prefix, so
  // a row rewritten since this process read it shows here.
  const whole = new VerifiedPrefix();
  await catchUp(store, whole, signal);
  const { tree, verifier } = whole;
  const heads = await store.listTreeHeads();
  const breaks = [...verifier.breaks];
  for (const head of heads) {
    const found = await headBreak(head, tree, published);
    if (found) breaks.push(found);
  }
  // Once the log is known to be broken, tree heads and proofs read it whole again (and refuse).
  if (breaks.length > 0) forgetVerifiedLog(store);
  return {
    valid: breaks.length === 0,
    checkedAt: deps.now().toISOString(),
    size: verifier.size,
    rootHash: tree.size === 0 ? null : bytesToHex(tree.root()),
    treeHeadsChecked: heads.length,
    breaks,
  };
}
