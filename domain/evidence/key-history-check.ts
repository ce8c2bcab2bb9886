// The record's key history (docs/decisions/0080), checked offline: the chain from the first
// key verifies, it names every key the record lists, and each signature in the record was
// made while its key was the current one (before its successor's validFrom). Which key a
// pin reaches: any key of a valid history, since every link is signed by both keys it joins.
import type { ApprovalRecord, RecordCheck } from '../contracts/record.ts';
import { signsAt, verifyKeyHistory, type HistoryKey } from '../signing/key-history.ts';
import { fail, pass } from './check.ts';
import { isPinned, type KeyPin } from './key-pin.ts';

/** The verified keys of the record's history, or null when it has none or it does not verify. */
export async function recordHistoryKeys(record: ApprovalRecord): Promise<HistoryKey[] | null> {
  if (!record.keyHistory) return null;
  const verdict = await verifyKeyHistory(record.keyHistory);
  return verdict.ok ? verdict.keys : null;
}

/** Whether the signer is pinned through the history: some key of it is one the reader gave. */
export async function pinnedThroughHistory(record: ApprovalRecord, signerPublicKey: string, pins: readonly KeyPin[]): Promise<HistoryKey | null> {
  const keys = await recordHistoryKeys(record);
  if (!keys?.some((key) => key.publicKey === signerPublicKey)) return null;
  for (const key of keys) if (await isPinned(key.publicKey, pins)) return key;
  return null;
}

export async function keyHistoryChecks(record: ApprovalRecord): Promise<RecordCheck[]> {
  const label = 'Server key history';
  if (!record.keyHistory) return [pass(label, 'None in this record (exported before key histories, docs/decisions/0080): each key is checked on its own.')];
  const verdict = await verifyKeyHistory(record.keyHistory);
  if (!verdict.ok) return [fail(label, `/keyHistory: ${verdict.problem}`)];
  const { keys } = verdict;
  const checks: RecordCheck[] = [];
  const unlisted = record.serverKeys.filter((listed) => !keys.some((key) => key.keyId === listed.keyId && key.publicKey === listed.publicKey));
  checks.push(
    unlisted.length > 0
      ? fail(label, `/serverKeys lists ${unlisted.map((key) => key.keyId).join(', ')}, which the signed key history does not hold.`)
      : pass(label, `${keys.length} key${keys.length === 1 ? '' : 's'} from ${keys[0]?.keyId ?? '?'}, each announced by the one before and accepting it: ${keys.map((key) => `${key.keyId} from ${key.validFrom}${key.validUntil ? ` until ${key.validUntil}` : ''}`).join('; ')}.`),
  );
  const periods: { label: string; at: string; keyId: string; where: string }[] = [
    { label: 'Record signature', at: record.exportedAt, keyId: record.signature.keyId, where: '/signature' },
    { label: 'Tree head signature', at: record.audit.treeHead.timestamp, keyId: record.audit.treeHead.keyId, where: '/audit/treeHead' },
    ...record.decisions.flatMap((decision, index) =>
      decision.signature ? [{ label: `Countersignature of decision ${decision.id}`, at: decision.decidedAt, keyId: decision.signature.countersignature.keyId, where: `/decisions/${index}/signature/countersignature` }] : [],
    ),
  ];
  const late = periods.filter(({ at, keyId }) => {
    const key = keys.find((candidate) => candidate.keyId === keyId);
    return key !== undefined && !signsAt(key, at);
  });
  checks.push(
    late.length === 0
      ? pass('Signing periods', 'Every signature in the record was made by a key before its successor took over.')
      : fail('Signing periods', late.map(({ where, keyId, at }) => `${where}: key ${keyId} signed at ${at}, after it was retired (${keys.find((key) => key.keyId === keyId)?.validUntil ?? '?'})`).join('; ') + '.'),
  );
  return checks;
}
