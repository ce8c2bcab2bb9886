// The record's C2SP checkpoint and tlog-proofs (docs/decisions/0081), checked as a
// transparency-log client would: the note is signed under its origin by the key that signed
// the record, it states the signed tree head's size and root, and each entry's tlog-proof
// carries that checkpoint verbatim, the entry's leaf index and its inclusion path (which the
// inclusion proof checks already lead to that root).
import { openCheckpoint, readTlogProof } from '../audit/checkpoint.ts';
import type { ApprovalRecord, RecordCheck } from '../contracts/record.ts';
import { errorMessage } from '../signing/error-message.ts';
import { fail, pass, short } from './check.ts';

export async function checkpointChecks(record: ApprovalRecord): Promise<RecordCheck[]> {
  const { checkpoint, tlogProofs, treeHead, entries, proofs } = record.audit;
  const label = 'Checkpoint (C2SP signed note)';
  if (checkpoint === undefined && tlogProofs === undefined) return [];
  if (checkpoint === undefined || tlogProofs === undefined) return [fail(label, '/audit has one of checkpoint and tlogProofs without the other.')];
  const signer = record.serverKeys.find((key) => key.keyId === record.signature.keyId);
  if (!signer) return [fail(label, `/signature/keyId ${record.signature.keyId} is not in /serverKeys.`)];
  let read;
  try {
    read = await openCheckpoint(checkpoint, signer.publicKey);
  } catch (error) {
    return [fail(label, `/audit/checkpoint: ${errorMessage(error)}.`)];
  }
  const checks: RecordCheck[] = [];
  checks.push(
    read.treeSize === treeHead.treeSize && read.rootHash === treeHead.rootHash
      ? pass(label, `Origin ${read.origin}, ${read.treeSize} entries, root ${short(read.rootHash)}, signed by server key ${signer.keyId}: the signed tree head, in the format transparency-log tools read.`)
      : fail(label, `/audit/checkpoint states ${read.treeSize} entries with root ${short(read.rootHash)}; the signed tree head says ${treeHead.treeSize} with ${short(treeHead.rootHash)}.`),
  );
  const wrong: string[] = [];
  if (tlogProofs.length !== entries.length) wrong.push(`${tlogProofs.length} tlog-proofs for ${entries.length} entries`);
  for (const [index, text] of tlogProofs.entries()) {
    const entry = entries[index];
    try {
      const proof = readTlogProof(text);
      if (proof.checkpoint !== checkpoint) wrong.push(`/audit/tlogProofs/${index} carries another checkpoint`);
      else if (entry && proof.index !== entry.seq - 1) wrong.push(`/audit/tlogProofs/${index} is for leaf ${proof.index}, entry #${entry.seq} is leaf ${entry.seq - 1}`);
      else if (proof.path.join() !== (proofs[index]?.path ?? []).join()) wrong.push(`/audit/tlogProofs/${index} has another inclusion path than /audit/proofs/${index}`);
    } catch (error) {
      wrong.push(`/audit/tlogProofs/${index}: ${errorMessage(error)}`);
    }
  }
  checks.push(
    wrong.length === 0
      ? pass('Inclusion proofs (C2SP tlog-proof)', `${tlogProofs.length} tlog-proofs, one per audit entry, each with the checkpoint and the entry's inclusion path.`)
      : fail('Inclusion proofs (C2SP tlog-proof)', `${wrong.slice(0, 10).join('; ')}.`),
  );
  return checks;
}
