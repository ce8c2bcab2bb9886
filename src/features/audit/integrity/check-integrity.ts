import { routes } from '#api/routes.ts';
import { emptyRoot, type MerkleTree } from '#domain/audit/merkle.ts';
import { verifyConsistencyProof } from '#domain/audit/proofs.ts';
import { verifyTreeHeadSignature } from '#domain/audit/tree-head.ts';
import { bytesToHex } from '#domain/crypto/hex.ts';
import { openCheckpointByAnyKey } from '#domain/audit/checkpoint.ts';
import { auditCheckpointSchema, consistencyProofSchema, signedTreeHeadSchema, type AuditBreak, type ConsistencyProof, type SignedTreeHead } from '#domain/contracts/audit.ts';
import { serverKeyListSchema, type ServerKey } from '#domain/contracts/signatures.ts';
import type { FetchJson } from './fetch-json.ts';
import type { IntegrityApi } from './integrity-api.ts';
import { ApiProblem } from '#src/lib/api-problem.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import type { IntegrityMessage, IntegrityRequest, IntegrityResult, KeptCheckpoint } from './integrity-protocol.ts';
import { checkSinceCheckpoint } from './check-since-checkpoint.ts';
import { verifyWholeLog } from './verify-whole-log.ts';

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/**
 * Checks the whole audit log without trusting the server's own verdict: reads every entry
 * (streamed, checked batch by batch as it arrives), recomputes each hash from the entry's
 * content and each link (ChainVerifier), rebuilds the Merkle tree, and checks that
 * the server's signed tree head is signed by one of its keys and has the root of those
 * entries. If this browser verified a head before, the log must still extend it: the
 * server's consistency proof must hold, and the entries read must still hash to that head's
 * root, so a log rewritten since is caught even when it is consistent with itself.
 *
 * With a checkpoint kept from an earlier check, only the entries added since are read
 * (checkSinceCheckpoint); the whole log is read when that checkpoint cannot be used.
 *
 * Runs in the integrity worker; called directly by tests and where there is no Worker.
 */
export async function checkIntegrity(request: IntegrityRequest, api: IntegrityApi, report: (message: IntegrityMessage) => void, clock: () => number = () => performance.now()): Promise<IntegrityResult> {
  const started = clock();
  // Without a kept checkpoint the whole log is read, and a large one is split: the second
  // worker's script loads while the keys and the head are asked for, not after (0204).
  const release = request.kept ? undefined : api.split?.prepare?.();
  try {
    return await checkFrom(started, request, api, report, clock);
  } finally {
    release?.();
  }
}

async function checkFrom(started: number, request: IntegrityRequest, api: IntegrityApi, report: (message: IntegrityMessage) => void, clock: () => number): Promise<IntegrityResult> {
  const { fetchJson } = api;
  let verifyMs = 0;
  const timed = <T>(work: () => T): T => {
    const start = clock();
    try {
      return work();
    } finally {
      verifyMs += clock() - start;
    }
  };

  // The checkpoint and the head before the entries: those read after cover at least the size they sign.
  // Without a kept checkpoint the head is needed anyway: asked for beside them, not a round trip later.
  const [keys, published, early] = await Promise.all([fetchJson(routes.serverKeys.path, serverKeyListSchema), readCheckpoint(fetchJson), request.kept ? null : readTreeHead(fetchJson)]);

  let fullBecause: string | null = null;
  const found: AuditBreak[] = [];
  if (request.kept) {
    const since = published === null ? { because: 'the server refuses to sign a checkpoint', breaks: [] } : await checkSinceCheckpoint({ kept: request.kept, published: published.checkpoint, keys: keys.keys, api, report, timed });
    if ('result' in since) return { ...since.result, timings: { totalMs: clock() - started, verifyMs } };
    fullBecause = since.because;
    found.push(...since.breaks);
  }
  const head = early ?? (await readTreeHead(fetchJson));

  // Where the second worker takes over, when there is one: from the size the server signed.
  const expectedSize = 'refused' in head ? (published?.size ?? 0) : head.treeSize;
  const { verifier, tree, watched, otherVerifyMs } = await verifyWholeLog({
    api,
    expectedSize,
    // The checkpoint's last entry, kept with it for the next check.
    watchSeq: published?.size ?? null,
    timed,
    progress: (checked) => report({ type: 'progress', checked, total: Math.max(published?.size ?? 0, checked) }),
  });
  verifyMs += otherVerifyMs;
  const checkpointLast = watched;

  const breaks: AuditBreak[] = [...found, ...verifier.breaks];
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
  const keep = published === null ? null : await checkpointToKeep(published, keys.keys, tree, checkpointLast, timed, breaks);

  return {
    intact: breaks.length === 0,
    keep: breaks.length === 0 ? keep : null,
    resumed: null,
    fullBecause,
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

/**
 * The server's checkpoint held to the entries read (signature, root) and, when it holds, what
 * to keep of it for the next check: its last entry's hash and audit path. Adds a break when
 * it does not hold; null for an empty log.
 */
async function checkpointToKeep(published: { checkpoint: string; size: number }, keys: readonly ServerKey[], tree: MerkleTree, lastEntryHash: string | null, timed: <T>(work: () => T) => T, breaks: AuditBreak[]): Promise<KeptCheckpoint | null> {
  const opened = await openCheckpointByAnyKey(published.checkpoint, keys.map((key) => key.publicKey));
  if (opened === null) {
    breaks.push({ seq: null, reason: `The server’s checkpoint of ${published.size} entries does not verify against any of its keys` });
    return null;
  }
  if (opened.treeSize === 0) return null;
  if (opened.treeSize > tree.size || lastEntryHash === null || timed(() => bytesToHex(tree.root(opened.treeSize))) !== opened.rootHash) {
    breaks.push({ seq: null, reason: `The first ${opened.treeSize} entries do not hash to the root of the server’s signed checkpoint` });
    return null;
  }
  return { checkpoint: published.checkpoint, lastEntryHash, edge: timed(() => tree.inclusionPath(opened.treeSize - 1, opened.treeSize).map(bytesToHex)) };
}

/** The server's checkpoint and the size it names (read unverified here: checkpointToKeep checks it); null when it refuses to sign one. */
async function readCheckpoint(fetchJson: FetchJson): Promise<{ checkpoint: string; size: number } | null> {
  try {
    const { checkpoint } = await fetchJson(routes.auditCheckpoint.path, auditCheckpointSchema);
    return { checkpoint, size: Number(checkpoint.split('\n')[1]) };
  } catch (error) {
    if (error instanceof ApiProblem && error.problem.type === problemTypes.auditLogBroken) return null;
    throw error;
  }
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
