import { currentServerKey } from '#api/signing/server-key.ts';
import type { Store } from '#api/store/store.ts';
import type { ApprovalRecord } from '#domain/contracts/record.ts';
import { signRecord } from '#domain/evidence/record-signature.ts';

/** The record re-signed by the server after `change`: what a lying server would hand out. */
export async function resigned(store: Store, record: ApprovalRecord, change: (record: ApprovalRecord) => void): Promise<string> {
  const copy = structuredClone(record);
  change(copy);
  const { key, privateKey } = await currentServerKey(store, () => new Date());
  const { signature: _replaced, ...body } = copy;
  return JSON.stringify(await signRecord(privateKey, key.keyId, body));
}
