import { sha256Hex } from '#domain/crypto/sha256.ts';
import type { SigningPayload } from '#domain/contracts/signatures.ts';
import { problems } from '../kernel/problems.ts';
import { DeniedError } from '../denials/denials.ts';
import type { WorkflowFacts } from '../package-access/views.ts';
import type { StoredPackage, StoredVersion, StoreTx } from '../store/store.ts';

// What must hold of the signed material itself, read inside the signing transaction: the
// signer was shown the latest version with exactly its content, and the nonce is theirs,
// fresh and unused.

/** The latest version, if it is the one signed and hashes to what the signer was shown. */
export async function signedVersion(tx: StoreTx, pkg: StoredPackage, facts: WorkflowFacts, payload: SigningPayload): Promise<{ version: StoredVersion; contentHash: string }> {
  const latest = facts.versions.at(-1);
  if (!latest) throw new Error('A package has at least one version');
  const diffPath = (from: number) => (from !== latest.number ? `/packages/${pkg.id}/diff?from=${from}&to=${latest.number}` : null);
  if (payload.versionNumber !== latest.number) {
    throw problems.packageChanged(`Version ${payload.versionNumber} has been superseded by version ${latest.number}: review what changed, then sign the latest version.`, diffPath(payload.versionNumber));
  }
  const version = await tx.findVersion(pkg.id, latest.number);
  if (!version) throw problems.notFound(`Package ${pkg.id} has no version ${latest.number}.`);
  // Recomputed from the stored canonical bytes, not read from a column that could lie.
  const contentHash = await sha256Hex(version.canonicalContent);
  if (contentHash !== payload.contentHash) {
    throw problems.packageChanged(`The package changed since you opened it: version ${latest.number} hashes to ${contentHash.slice(0, 12)}…, you were shown ${payload.contentHash.slice(0, 12)}…. Reload it and review the changes.`, diffPath(latest.number - 1));
  }
  return { version, contentHash };
}

/** Marks the payload's nonce used, once: it must have been issued to this signer for this package, and not have expired. */
export async function consumeNonce(tx: StoreTx, payload: SigningPayload, expected: { userId: string; packageId: string; now: Date; usedAt: string }): Promise<void> {
  const nonceHash = await sha256Hex(payload.nonce);
  const nonce = await tx.findNonce(nonceHash);
  if (nonce?.userId !== expected.userId || nonce.packageId !== expected.packageId) {
    // Someone else's nonce, or one for another package, is a replay attempt: audited once the
    // signing transaction has rolled back.
    const reason = !nonce ? 'unknown signing nonce' : nonce.userId !== expected.userId ? `signing nonce issued to ${nonce.userId}` : `signing nonce issued for package ${nonce.packageId}`;
    throw new DeniedError(problems.validation([{ pointer: '/payload/nonce', message: 'This nonce was not issued to you for this package; start signing again' }]), `signing refused: ${reason}`);
  }
  if (nonce.issuedAt !== payload.issuedAt) throw problems.validation([{ pointer: '/payload/issuedAt', message: 'The time of issue does not match the nonce' }]);
  if (Date.parse(nonce.expiresAt) <= expected.now.getTime()) throw problems.conflict('The signing request expired (after 5 minutes); start signing again.');
  if (!(await tx.useNonce(nonceHash, expected.usedAt))) throw problems.conflict('This signing request was already used: the decision was recorded once. Reload the package to see it.');
}
