import { addCheckpointBody, verifyCosignature } from '#domain/audit/witness.ts';
import { bytesToHex } from '#domain/crypto/hex.ts';
import type { ApiDeps } from '../kernel/context.ts';
import { checkpointOf } from './checkpoints.ts';
import { publishTreeHead } from './tree-heads.ts';

// Sending the latest checkpoint to a witness (C2SP tlog-witness, docs/decisions/0105) and
// keeping its cosignature. The request proves consistency from the size the witness last
// cosigned for us; a witness that holds another size answers 409 with it, and the request is
// made once more from there. A witness that refuses (422: the log does not extend what it saw)
// gets nothing changed here: its refusal is the evidence, and it is returned to the caller.

export interface Witness {
  /** The witness's key name, as in its cosignature lines. */
  name: string;
  /** Its add-checkpoint endpoint, e.g. https://witness.example/add-checkpoint. */
  url: string;
  /** Its Ed25519 public key (raw, base64url): a cosignature is kept only if it verifies. */
  publicKey: string;
}

export type CosignOutcome = { ok: true; treeSize: number; line: string } | { ok: false; status: number; message: string };

type Send = (url: string, init: RequestInit) => Promise<Response>;

export async function requestCosignature(deps: Pick<ApiDeps, 'store' | 'now'>, publicOrigin: string, witness: Witness, send: Send): Promise<CosignOutcome> {
  const { head, tree } = await publishTreeHead(deps);
  const { checkpoint } = await checkpointOf(deps, publicOrigin, head);
  const [last] = await deps.store.listCosignatures({ witness: witness.name, latest: true });
  let oldSize = last?.treeSize ?? 0;
  for (let attempt = 0; attempt < 2; attempt++) {
    const proof = oldSize > 0 && oldSize < head.treeSize ? tree.consistencyPath(oldSize, head.treeSize).map(bytesToHex) : [];
    const response = await send(witness.url, { method: 'POST', body: addCheckpointBody(oldSize, proof, checkpoint), headers: { 'content-type': 'text/plain; charset=utf-8' } });
    const text = await response.text();
    if (response.status === 409 && attempt === 0 && /^(0|[1-9][0-9]*)\n?$/.test(text) && Number(text.trim()) <= head.treeSize) {
      oldSize = Number(text.trim());
      continue;
    }
    if (response.status !== 200) return { ok: false, status: response.status, message: text.trim() };
    const line = text.split('\n').find((candidate) => candidate.startsWith(`— ${witness.name} `));
    if (!line) return { ok: false, status: 502, message: `the witness answered without a cosignature by ${witness.name}` };
    try {
      await verifyCosignature(`${checkpoint}${line}\n`, witness.name, witness.publicKey);
    } catch (error) {
      return { ok: false, status: 502, message: `the witness's cosignature does not verify: ${(error as Error).message}` };
    }
    await deps.store.insertCosignature({ witness: witness.name, treeSize: head.treeSize, rootHash: head.rootHash, line, cosignedAt: deps.now().toISOString() });
    return { ok: true, treeSize: head.treeSize, line };
  }
  return { ok: false, status: 409, message: 'the witness holds a size this log cannot prove consistency from' };
}

/** The checkpoint note with the cosignatures kept for its size appended, as C2SP notes carry them. */
export async function cosignedCheckpoint(deps: Pick<ApiDeps, 'store'>, checkpoint: string, treeSize: number): Promise<string> {
  const lines = (await deps.store.listCosignatures({ treeSize })).map((c) => `${c.line}\n`);
  return `${checkpoint}${lines.join('')}`;
}
