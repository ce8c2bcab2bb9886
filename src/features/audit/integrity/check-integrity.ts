import { routes } from '#api/routes.ts';
import { emptyRoot, MerkleTree } from '#domain/audit/merkle.ts';
import { verifyConsistencyProof } from '#domain/audit/proofs.ts';
import { verifyTreeHeadSignature } from '#domain/audit/tree-head.ts';
import { ChainVerifier } from '#domain/audit/verify-chain.ts';
import { bytesToHex } from '#domain/crypto/hex.ts';
import { auditPageSchema, consistencyProofSchema, signedTreeHeadSchema, type AuditBreak, type AuditPage, type ConsistencyProof, type SignedTreeHead } from '#domain/contracts/audit.ts';
import { serverKeyListSchema } from '#domain/contracts/signatures.ts';
import type { FetchJson } from './fetch-json.ts';
import { ApiProblem } from '#src/lib/api-problem.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import type { IntegrityMessage, IntegrityRequest, IntegrityResult } from './integrity-protocol.ts';

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/**
 * Checks the whole audit log without trusting the server's own verdict: reads every entry,
 * recomputes each hash and link (ChainVerifier), rebuilds the Merkle tree, and checks that
 * the server's signed tree head is signed by one of its keys and has the root of those
 * entries. If this browser verified a head before, the log must still extend it: the
 * server's consistency proof must hold, and the entries read must still hash to that head's
 * root, so a log rewritten since is caught even when it is consistent with itself.
 *
 * Runs in the integrity worker; called directly by tests and where there is no Worker.
 */
export async function checkIntegrity(request: IntegrityRequest, fetchJson: FetchJson, report: (message: IntegrityMessage) => void, clock: () => number = () => performance.now()): Promise<IntegrityResult> {
  const started = clock();
  let verifyMs = 0;
  const timed = <T>(work: () => T): T => {
    const start = clock();
    try {
      return work();
    } finally {
      verifyMs += clock() - start;
    }
  };

  // The head before the entries: those read after it cover at least the size it signs.
  const [head, keys] = await Promise.all([readTreeHead(fetchJson), fetchJson(routes.serverKeys.path, serverKeyListSchema)]);

  const verifier = new ChainVerifier();
  const pagePath = (afterSeq: number) => `${routes.listAudit.path}?afterSeq=${afterSeq}&limit=${request.pageSize}`;
  // One page at a time, checked before the next is asked for. Reading the next page while
  // checking this one was tried: with the server on the same two cores (the benchmark, a
  // laptop demo) both slowed down, and the whole check took longer, not shorter.
  for (let afterSeq: number | null = 0; afterSeq !== null; ) {
    const page: AuditPage = await fetchJson(pagePath(afterSeq), auditPageSchema);
    timed(() => {
      for (const entry of page.items) verifier.push(entry);
    });
    report({ type: 'progress', checked: verifier.size, total: Math.max(page.total, verifier.size) });
    afterSeq = page.items.length === 0 ? null : page.nextAfterSeq;
  }

  const breaks: AuditBreak[] = [...verifier.breaks];
  const tree = timed(() => new MerkleTree(verifier.leafHashes));
  const rootHash = tree.size > 0 ? timed(() => bytesToHex(tree.root())) : null;
  const rootAt = (size: number) => timed(() => bytesToHex(size === 0 ? emptyRoot() : tree.root(size)));

  let headSignatureValid = false;
  if ('refused' in head) {
    breaks.push({ seq: null, reason: `The server refuses to sign a tree head over the log as it is: ${head.refused}` });
  } else {
    const signatureStart = clock();
    headSignatureValid = await verifyTreeHeadSignature(head, keys.keys);
    verifyMs += clock() - signatureStart;
    if (!headSignatureValid) breaks.push({ seq: null, reason: `The signed tree head of ${head.treeSize} entries (${head.timestamp}) does not verify against any of the server's keys` });
    if (head.treeSize > tree.size) {
      breaks.push({ seq: null, reason: `The signed tree head covers ${head.treeSize} entries but the log has only ${tree.size}: entries were removed` });
    } else if (rootAt(head.treeSize) !== head.rootHash) {
      breaks.push({ seq: null, reason: `The first ${head.treeSize} entries do not hash to the root of the signed tree head (${short(head.rootHash)})` });
    }
  }

  const latest = 'refused' in head ? null : head;
  const previous = request.lastVerified ? await checkExtends(request.lastVerified, latest, tree.size, rootAt, fetchJson, timed, breaks) : null;

  return {
    intact: breaks.length === 0,
    size: verifier.size,
    rootHash,
    head: latest,
    headSignatureValid,
    previous,
    breaks,
    breakCount: breaks.length,
    timings: { totalMs: clock() - started, verifyMs },
  };
}

/** Whether the log is still an extension of a head verified before; adds a break for each way it is not. */
async function checkExtends(
  last: SignedTreeHead,
  head: SignedTreeHead | null,
  entriesRead: number,
  rootAt: (size: number) => string,
  fetchJson: FetchJson,
  timed: <T>(work: () => T) => T,
  breaks: AuditBreak[],
): Promise<{ head: SignedTreeHead; consistent: boolean }> {
  const when = `the one you verified on ${last.timestamp} (${last.treeSize} entries, root ${short(last.rootHash)})`;
  if (last.treeSize > (head?.treeSize ?? entriesRead)) {
    breaks.push({ seq: null, reason: `The log is shorter than ${when}: it now has ${head?.treeSize ?? entriesRead}` });
    return { head: last, consistent: false };
  }
  let consistent = true;
  // Without a new head there is nothing to prove against; the entries read are checked below.
  if (last.treeSize > 0 && head !== null) {
    // Equal sizes need no proof: the roots must simply be the same.
    const proof: ConsistencyProof =
      last.treeSize === head.treeSize
        ? { fromSize: last.treeSize, toSize: head.treeSize, path: [] }
        : await fetchJson(`${routes.auditConsistencyProof.path}?from=${last.treeSize}&to=${head.treeSize}`, consistencyProofSchema);
    const proven = proof.fromSize === last.treeSize && proof.toSize === head.treeSize && timed(() => verifyConsistencyProof(proof, last, head));
    if (!proven) {
      consistent = false;
      breaks.push({ seq: null, reason: `The log is not an extension of ${when}: it was rewritten since` });
    }
  }
  if (last.treeSize <= entriesRead && rootAt(last.treeSize) !== last.rootHash) {
    consistent = false;
    breaks.push({ seq: null, reason: `The first ${last.treeSize} entries no longer hash to the root you verified on ${last.timestamp}` });
  }
  return { head: last, consistent };
}

/** The latest signed tree head, or why the server refuses to sign one (a log that fails its own check). */
async function readTreeHead(fetchJson: FetchJson): Promise<SignedTreeHead | { refused: string }> {
  try {
    return await fetchJson(routes.auditTreeHead.path, signedTreeHeadSchema);
  } catch (error) {
    if (error instanceof ApiProblem && error.problem.type === problemTypes.auditLogBroken) return { refused: error.problem.detail ?? error.problem.title };
    throw error;
  }
}
