import { routes } from '#api/routes.ts';
import { openCheckpointByAnyKey, type ReadCheckpoint } from '#domain/audit/checkpoint.ts';
import { LogEdge } from '#domain/audit/log-edge.ts';
import { verifyConsistency } from '#domain/audit/merkle.ts';
import { ChainVerifier } from '#domain/audit/verify-chain.ts';
import { consistencyProofSchema, type AuditBreak } from '#domain/contracts/audit.ts';
import { bytesToHex, hexToBytes } from '#domain/crypto/hex.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import type { IntegrityApi } from './integrity-api.ts';
import type { IntegrityMessage, IntegrityResult, KeptCheckpoint } from './integrity-protocol.ts';

/** The check from a kept checkpoint, or why it could not be used (with breaks already found). */
export type SinceCheckpoint = { result: Omit<IntegrityResult, 'timings'> } | { because: string; breaks: AuditBreak[] };

interface Context {
  kept: KeptCheckpoint;
  /** The server's current checkpoint, as it answered (verified here). */
  published: string;
  keys: readonly ServerKey[];
  api: IntegrityApi;
  report: (message: IntegrityMessage) => void;
  /** Runs `work` counting its time as verification (not reading). */
  timed: <T>(work: () => T) => T;
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Checks only what is new since a checkpoint this browser verified before (docs/decisions/0125):
 * the kept checkpoint's signature by one of the server's published keys (storage is not
 * trusted), its right edge against its signed root, the server's current checkpoint and its
 * signature, the RFC 6962 consistency proof between the two, then the entries after the kept
 * size: each hash and link (the first linking to the kept last entry), and their leaves
 * appended to the kept edge must give the current checkpoint's root. Anything that does not
 * hold sends the caller to the full check, with the reason (and a break when the log itself is
 * at fault, not the browser's memory).
 */
export async function checkSinceCheckpoint(context: Context): Promise<SinceCheckpoint> {
  const { kept, keys, timed } = context;
  const publicKeys = keys.map((key) => key.publicKey);
  const old = await openCheckpointByAnyKey(kept.checkpoint, publicKeys);
  if (old === null) return { because: 'the checkpoint this browser kept does not verify against the server’s keys', breaks: [] };
  const edge = HEX64.test(kept.lastEntryHash) && kept.edge.every((hash) => HEX64.test(hash)) ? timed(() => LogEdge.proven({ size: old.treeSize, lastData: hexToBytes(kept.lastEntryHash), path: kept.edge.map(hexToBytes), rootHash: hexToBytes(old.rootHash) })) : null;
  if (edge === null) return { because: 'the last entry this browser kept is not proven by its checkpoint', breaks: [] };

  const current = await openCheckpointByAnyKey(context.published, publicKeys);
  if (current === null) return { because: 'the server’s checkpoint does not verify', breaks: [{ seq: null, reason: `The server’s checkpoint does not verify against any of its keys` }] };
  if (current.origin !== old.origin) return { because: `the log is now named ${current.origin}, not ${old.origin} as when this browser checked it`, breaks: [] };

  const since = `the checkpoint you verified (${old.treeSize.toLocaleString('en')} entries)`;
  if (current.treeSize < old.treeSize) return { because: 'the log is shorter than the checkpoint kept', breaks: [{ seq: null, reason: `The log is shorter than ${since}: the server’s checkpoint has ${current.treeSize}` }] };
  const verifier = new ChainVerifier({ expectedFirstSeq: old.treeSize + 1, prevHash: kept.lastEntryHash });
  const wanted = current.treeSize - old.treeSize;
  const readNew = async () => {
    if (wanted === 0) return;
    for await (const batch of context.api.readEntries(old.treeSize, wanted)) {
      timed(() => {
        for (const entry of batch) {
          verifier.push(entry);
          edge.append(verifier.leafHashes[verifier.leafHashes.length - 1] ?? new Uint8Array(32));
        }
        // Only the edge is needed: a million leaves would otherwise be held for nothing.
        verifier.leafHashes.length = 0;
      });
      context.report({ type: 'progress', checked: verifier.size, total: wanted });
    }
  };
  // The proof and the new entries are asked for at once (one round trip less); nothing read
  // counts unless the proof holds.
  const [proven] = await Promise.all([consistent(context, old, current), readNew()]);
  if (!proven) {
    return { because: 'the server’s consistency proof does not hold', breaks: [{ seq: null, reason: `The server’s consistency proof from ${since} to its checkpoint of ${current.treeSize.toLocaleString('en')} entries does not hold: the log was rewritten since` }] };
  }

  const breaks = [...verifier.breaks];
  const rootHash = timed(() => bytesToHex(edge.root()));
  if (verifier.size !== wanted) breaks.push({ seq: null, reason: `The server’s checkpoint covers ${wanted.toLocaleString('en')} entries after ${since}, but ${verifier.size.toLocaleString('en')} were read` });
  else if (rootHash !== current.rootHash) breaks.push({ seq: null, reason: `The ${wanted.toLocaleString('en')} entries after ${since} do not hash to the root of the server’s signed checkpoint` });
  const intact = breaks.length === 0;
  return {
    result: {
      intact,
      size: current.treeSize,
      rootHash,
      head: null,
      headSignatureValid: true,
      previous: null,
      breaks,
      breakCount: breaks.length,
      keep: intact ? { checkpoint: context.published, lastEntryHash: verifier.lastHash, edge: edge.path().map(bytesToHex) } : null,
      resumed: { fromSize: old.treeSize, checked: verifier.size },
      fullBecause: null,
    },
  };
}

/** The server's RFC 6962 proof that `current` extends `old` (no request when the sizes are equal). */
async function consistent(context: Context, old: ReadCheckpoint, current: ReadCheckpoint): Promise<boolean> {
  const roots = { oldSize: old.treeSize, newSize: current.treeSize, oldRoot: hexToBytes(old.rootHash), newRoot: hexToBytes(current.rootHash) };
  if (old.treeSize === current.treeSize) return old.rootHash === current.rootHash;
  const proof = await context.api.fetchJson(`${routes.auditConsistencyProof.path}?from=${old.treeSize}&to=${current.treeSize}`, consistencyProofSchema);
  return proof.fromSize === old.treeSize && proof.toSize === current.treeSize && context.timed(() => verifyConsistency({ ...roots, path: proof.path.map(hexToBytes) }));
}
