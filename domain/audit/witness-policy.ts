// A verifier's trust policy for the audit log (docs/decisions/0120), in the line format of the
// transparency-log policies of Sigsum and the C2SP witness ecosystem:
//
//   log <vkey>                          the log's note verifier key (type 0x01, Ed25519)
//   witness <name> <vkey>               a witness's cosignature verifier key (type 0x04)
//   group <name> <k|all|any> <member>…  k of the members (witnesses or earlier groups)
//   quorum <name|none>                  what must have cosigned a checkpoint
//
// Blank lines and lines starting with # are ignored. A vkey is `<name>+<hex key ID>+<base64(type
// || 32-byte key)>`, its key ID checked. The policy pins the log key (the server key) and says
// which witnesses must have cosigned the checkpoint a record is held to.
import type { RecordCheck } from '../contracts/record.ts';
import type { ConsistencyProof } from '../contracts/audit.ts';
import { bytesToHex } from '../crypto/sha256.ts';
import { equalBytes } from '../crypto/bytes.ts';
import { hexToBytes } from '../crypto/hex.ts';
import { toBase64Url } from '../signing/base64url.ts';
import { errorMessage } from '../signing/error-message.ts';
import { fromBase64, noteKeyId, openCheckpoint } from './checkpoint.ts';
import { verifyConsistency } from './merkle.ts';
import { verifyCosignature } from './witness.ts';

export interface PolicyKey {
  name: string;
  /** Raw Ed25519 public key, base64url. */
  publicKey: string;
}

export interface WitnessPolicy {
  log: PolicyKey;
  witnesses: Map<string, PolicyKey>;
  groups: Map<string, { threshold: number; members: string[] }>;
  /** The witness or group that must have cosigned; null: none (the policy only pins the log key). */
  quorum: string | null;
}

export type ParsedPolicy = { ok: true; policy: WitnessPolicy } | { ok: false; message: string };

async function readVkey(vkey: string, type: number): Promise<PolicyKey> {
  // The base64 key may itself hold '+': the name ends at the first, the 8-digit key ID at the second.
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(vkey);
  const [, name, id, key] = match ?? [];
  if (!name || !id || !key) throw new Error(`${vkey} is not a verifier key <name>+<hex key ID>+<base64 key>`);
  const bytes = fromBase64(key);
  if (bytes.length !== 33 || bytes[0] !== type) throw new Error(`${vkey}: the key is not type 0x0${type} followed by 32 bytes`);
  const raw = bytes.subarray(1);
  if (!equalBytes(await noteKeyId(name, raw, type), hexToBytes(id))) throw new Error(`${vkey}: the key ID is not the key's`);
  return { name, publicKey: toBase64Url(raw) };
}

const threshold = (word: string, members: number): number => (word === 'all' ? members : word === 'any' ? 1 : /^[1-9][0-9]*$/.test(word) ? Number(word) : NaN);

export async function parseWitnessPolicy(text: string): Promise<ParsedPolicy> {
  let log: PolicyKey | null = null;
  let quorum: string | null | undefined;
  const witnesses = new Map<string, PolicyKey>();
  const groups = new Map<string, { threshold: number; members: string[] }>();
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [keyword, ...args] = line.split(/\s+/);
    const where = `line ${index + 1}`;
    try {
      if (keyword === 'log' && args.length >= 1 && args[0]) {
        if (log) throw new Error('a second log line (a policy is for one log)');
        log = await readVkey(args[0], 0x01);
      } else if (keyword === 'witness' && args.length >= 2 && args[0] && args[1]) {
        if (witnesses.has(args[0]) || groups.has(args[0])) throw new Error(`the name ${args[0]} is taken`);
        witnesses.set(args[0], await readVkey(args[1], 0x04));
      } else if (keyword === 'group' && args.length >= 3 && args[0] && args[1]) {
        const [name, word, ...members] = args as [string, string, ...string[]];
        if (witnesses.has(name) || groups.has(name)) throw new Error(`the name ${name} is taken`);
        const unknown = members.find((member) => !witnesses.has(member) && !groups.has(member));
        if (unknown) throw new Error(`${unknown} is neither a witness nor a group defined above`);
        const k = threshold(word, members.length);
        if (!(k >= 1 && k <= members.length)) throw new Error(`the threshold ${word} is not all, any, or 1 to ${members.length}`);
        groups.set(name, { threshold: k, members });
      } else if (keyword === 'quorum' && args.length === 1 && args[0]) {
        if (quorum !== undefined) throw new Error('a second quorum line');
        if (args[0] !== 'none' && !witnesses.has(args[0]) && !groups.has(args[0])) throw new Error(`${args[0]} is neither a witness nor a group`);
        quorum = args[0] === 'none' ? null : args[0];
      } else {
        throw new Error(`${JSON.stringify(line)} is not a log, witness, group or quorum line`);
      }
    } catch (error) {
      return { ok: false, message: `${where}: ${errorMessage(error)}` };
    }
  }
  if (!log) return { ok: false, message: 'the policy has no log line' };
  if (quorum === undefined) return { ok: false, message: 'the policy has no quorum line (write "quorum none" to ask for no witness)' };
  return { ok: true, policy: { log, witnesses, groups, quorum } };
}

function satisfied(policy: WitnessPolicy, name: string, cosigned: ReadonlySet<string>): boolean {
  if (policy.witnesses.has(name)) return cosigned.has(name);
  const group = policy.groups.get(name);
  return group ? group.members.filter((member) => satisfied(policy, member, cosigned)).length >= group.threshold : false;
}

export interface HeldCheckpoint {
  /** The cosigned checkpoint note (as GET /api/audit/checkpoint serves it), or the record's own. */
  checkpoint: string;
  /** When the checkpoint is of a later tree than the record's: the proof that it extends it (GET /api/audit/proofs/consistency). */
  consistency?: ConsistencyProof;
}

/**
 * The witness check: the checkpoint is signed by the policy's log key, is the record's tree
 * head or a proven extension of it, and is cosigned by the policy's quorum.
 */
export async function witnessQuorumCheck(policy: WitnessPolicy, head: { treeSize: number; rootHash: string }, held: HeldCheckpoint): Promise<RecordCheck> {
  const label = 'Witness quorum (trust policy)';
  const failed = (detail: string): RecordCheck => ({ label, ok: false, detail });
  let read;
  try {
    read = await openCheckpoint(held.checkpoint, policy.log.publicKey);
  } catch (error) {
    return failed(`The checkpoint is not signed by the policy's log key ${policy.log.name}: ${errorMessage(error)}.`);
  }
  if (read.origin !== policy.log.name) return failed(`The checkpoint is of log ${read.origin}, the policy's is ${policy.log.name}.`);
  if (read.treeSize < head.treeSize) return failed(`The checkpoint is of ${read.treeSize} entries, older than the record's tree head of ${head.treeSize}: give a later one.`);
  if (read.treeSize === head.treeSize && read.rootHash !== head.rootHash) return failed(`The checkpoint of ${read.treeSize} entries has another root than the record's tree head: the log was rewritten.`);
  if (read.treeSize > head.treeSize) {
    const proof = held.consistency;
    if (!proof || proof.fromSize !== head.treeSize || proof.toSize !== read.treeSize) {
      return failed(`The checkpoint is of ${read.treeSize} entries, the record's tree head of ${head.treeSize}: give the consistency proof between them (GET /api/audit/proofs/consistency?from=${head.treeSize}&to=${read.treeSize}, no sign-in).`);
    }
    let consistent = false;
    try {
      consistent = verifyConsistency({ oldSize: head.treeSize, newSize: read.treeSize, oldRoot: hexToBytes(head.rootHash), newRoot: hexToBytes(read.rootHash), path: proof.path.map(hexToBytes) });
    } catch {
      consistent = false;
    }
    if (!consistent) return failed(`The consistency proof does not show that the checkpoint of ${read.treeSize} entries extends the record's tree head of ${head.treeSize}.`);
  }
  const cosigned = new Set<string>();
  const problems: string[] = [];
  for (const [name, key] of policy.witnesses) {
    try {
      await verifyCosignature(held.checkpoint, key.name, key.publicKey);
      cosigned.add(name);
    } catch (error) {
      problems.push(`${name}: ${errorMessage(error)}`);
    }
  }
  const extends_ = read.treeSize > head.treeSize ? `, a proven extension of the record's tree head of ${head.treeSize}` : ', the record’s own tree head';
  if (policy.quorum === null) return { label, ok: true, detail: `Checkpoint of ${read.treeSize} entries signed by the policy's log key${extends_}; the policy asks for no witness.` };
  if (!satisfied(policy, policy.quorum, cosigned)) {
    return failed(`The quorum ${policy.quorum} is not met: cosigned by ${cosigned.size === 0 ? 'no witness of the policy' : [...cosigned].join(', ')}${problems.length ? ` (${problems.join('; ')})` : ''}.`);
  }
  return { label, ok: true, detail: `Checkpoint of ${read.treeSize} entries (root ${bytesToHex(hexToBytes(read.rootHash)).slice(0, 12)}…) signed by the log key${extends_}, cosigned by ${[...cosigned].join(', ')}: quorum ${policy.quorum} met.` };
}
