import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../crypto/sha256.ts';
import { generateServerKey, importServerPrivateKey } from '../signing/countersign.ts';
import { noteVerifierKey, signCheckpoint } from './checkpoint.ts';
import { leafHash, MerkleTree } from './merkle.ts';
import { cosign, witnessVerifierKey } from './witness.ts';
import { parseWitnessPolicy, witnessQuorumCheck, type WitnessPolicy } from './witness-policy.ts';

// A trust policy holds a record's tree head to a checkpoint signed by the log key and
// cosigned by a quorum of witnesses (docs/decisions/0120); a later checkpoint counts only with
// a consistency proof from the record's head.

const origin = 'approvals.example.com';

async function signer() {
  const generated = await generateServerKey();
  return { publicKey: generated.publicKey, privateKey: await importServerPrivateKey(generated.privateKeyPkcs8) };
}

async function world() {
  const log = await signer();
  const witnesses = { alpha: await signer(), beta: await signer(), gamma: await signer() };
  const tree = new MerkleTree(Array.from({ length: 12 }, (_, i) => leafHash(new TextEncoder().encode(`entry ${i}`))));
  const head = { treeSize: 8, rootHash: bytesToHex(tree.root(8)) };
  const checkpointAt = (size: number) => signCheckpoint({ origin, treeSize: size, rootHash: bytesToHex(tree.root(size)), ...log });
  const cosigned = async (note: string, names: (keyof typeof witnesses)[]) => {
    const lines = await Promise.all(names.map((name) => cosign({ name, ...witnesses[name], timestamp: 1_765_000_000, note })));
    return `${note}${lines.map((line) => `${line}\n`).join('')}`;
  };
  const policyText = async (quorum: string) =>
    [
      '# the audit log of approvals.example.com',
      `log ${await noteVerifierKey(origin, log.publicKey)}`,
      ...(await Promise.all(Object.entries(witnesses).map(async ([name, key]) => `witness ${name} ${await witnessVerifierKey(name, key.publicKey)}`))),
      'group two-of-three 2 alpha beta gamma',
      `quorum ${quorum}`,
      '',
    ].join('\n');
  const policy = async (quorum = 'two-of-three'): Promise<WitnessPolicy> => {
    const parsed = await parseWitnessPolicy(await policyText(quorum));
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.policy;
  };
  return { tree, head, checkpointAt, cosigned, policy, policyText };
}

describe('witness trust policy', () => {
  it('meets the quorum with two of three cosignatures on the record’s own tree head, and refuses one', async () => {
    const w = await world();
    const note = await w.checkpointAt(8);
    const met = await witnessQuorumCheck(await w.policy(), w.head, { checkpoint: await w.cosigned(note, ['alpha', 'gamma']) });
    expect(met).toMatchObject({ ok: true });
    expect(met.detail).toContain('cosigned by alpha, gamma: quorum two-of-three met');
    const short = await witnessQuorumCheck(await w.policy(), w.head, { checkpoint: await w.cosigned(note, ['beta']) });
    expect(short.ok).toBe(false);
    expect(short.detail).toContain('The quorum two-of-three is not met: cosigned by beta');
    const none = await witnessQuorumCheck(await w.policy('none'), w.head, { checkpoint: note });
    expect(none).toMatchObject({ ok: true });
  });

  it('accepts a later cosigned checkpoint only with a consistency proof from the record’s head', async () => {
    const w = await world();
    const later = await w.cosigned(await w.checkpointAt(12), ['alpha', 'beta']);
    const path = w.tree.consistencyPath(8, 12).map(bytesToHex);
    expect(await witnessQuorumCheck(await w.policy(), w.head, { checkpoint: later, consistency: { fromSize: 8, toSize: 12, path } })).toMatchObject({ ok: true });
    expect((await witnessQuorumCheck(await w.policy(), w.head, { checkpoint: later })).detail).toContain('give the consistency proof between them');
    const forged = [...path];
    forged[0] = '00'.repeat(32);
    expect((await witnessQuorumCheck(await w.policy(), w.head, { checkpoint: later, consistency: { fromSize: 8, toSize: 12, path: forged } })).ok).toBe(false);
    // A rewritten log: a checkpoint of the same size with another root, though cosigned.
    const rewritten = { ...w.head, rootHash: bytesToHex(w.tree.root(7)) };
    expect((await witnessQuorumCheck(await w.policy(), rewritten, { checkpoint: await w.cosigned(await w.checkpointAt(8), ['alpha', 'beta']) })).detail).toContain('the log was rewritten');
  });

  it('refuses a checkpoint signed by another log key, and a cosignature by a key the policy does not name', async () => {
    const w = await world();
    const other = await signer();
    const foreign = await signCheckpoint({ origin, treeSize: 8, rootHash: w.head.rootHash, ...other });
    expect((await witnessQuorumCheck(await w.policy(), w.head, { checkpoint: foreign })).detail).toContain("not signed by the policy's log key");
    const impostor = await cosign({ name: 'alpha', ...other, timestamp: 1, note: await w.checkpointAt(8) });
    const note = `${await w.checkpointAt(8)}${impostor}\n`;
    expect((await witnessQuorumCheck(await w.policy('alpha'), w.head, { checkpoint: note })).ok).toBe(false);
  });

  it('names the line of a policy that cannot be read', async () => {
    const w = await world();
    const text = await w.policyText('two-of-three');
    expect(await parseWitnessPolicy(text.replace('group two-of-three 2', 'group two-of-three 4'))).toEqual({ ok: false, message: 'line 6: the threshold 4 is not all, any, or 1 to 3' });
    expect(await parseWitnessPolicy(text.replace('quorum two-of-three', 'quorum delta'))).toEqual({ ok: false, message: 'line 7: delta is neither a witness nor a group' });
    const noQuorum = await parseWitnessPolicy(text.replace(/^quorum .*$/m, ''));
    expect(noQuorum.ok ? '' : noQuorum.message).toContain('no quorum line');
    const badKey = text.replace(/^(log [^+]+\+)[0-9a-f]{8}/m, '$100000000');
    const refused = await parseWitnessPolicy(badKey);
    expect(refused.ok ? '' : refused.message).toMatch(/^line 2: .*the key ID is not the key's$/);
  });
});
