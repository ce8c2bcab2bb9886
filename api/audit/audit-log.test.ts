import { describe, expect, it } from 'vitest';
import { treeHeadType } from '#domain/contracts/audit.ts';
import type { AuditEvent } from '#domain/contracts/audit-events.ts';
import { bytesToHex, hexToBytes } from '#domain/crypto/hex.ts';
import { auditEntryHashSync } from '#domain/audit/entry-hash-sync.ts';
import { genesisHash, hashAuditEntry } from '#domain/audit/hash-entry.ts';
import { leafHash, MerkleTree } from '#domain/audit/merkle.ts';
import { signTreeHead } from '#domain/audit/tree-head.ts';
import { generateServerKey, importServerPrivateKey } from '#domain/signing/countersign.ts';
import type { AuditBreak, AuditEntryView } from '#domain/contracts/audit.ts';
import { ChainVerifier } from '#domain/audit/verify-chain.ts';
import { usersById } from '../package-access/views.ts';
import { auditPages, auditPageSize, toAuditEntryView, type AuditLogReader } from './entry-views.ts';
import { verifyWholeLog, type AuditVerifierStore } from './verify-whole-log.ts';
import type { StoredAuditEntry, StoredServerKey, StoredTreeHead, StoredUser } from '../store/store.ts';

// The server's audit log checks over a small in-memory log: paging through the whole log,
// keeping unreadable rows visible, and holding every published tree head to the log as it is.

interface AuditLog {
  entries: AuditEntryView[];
  chain: { size: number; breaks: AuditBreak[]; leafHashes: Uint8Array[] };
  tree: MerkleTree;
}

/** Reads the whole log, oldest first, through the chain check, and builds its Merkle tree. */
async function loadAuditLog(store: AuditLogReader, options: { pageSize?: number } = {}): Promise<AuditLog> {
  const pageSize = options.pageSize ?? auditPageSize;
  const users = await usersById(store);
  const verifier = new ChainVerifier();
  const entries: AuditEntryView[] = [];
  for await (const page of auditPages(store, {}, 0, pageSize)) {
    for (const row of page) {
      const view = toAuditEntryView(row, users);
      verifier.push(view);
      entries.push(view);
    }
  }
  const chain: AuditLog['chain'] = { size: verifier.size, breaks: [...verifier.breaks], leafHashes: verifier.leafHashes };
  return { entries, chain, tree: new MerkleTree(chain.leafHashes) };
}

const priya: StoredUser = { id: 'usr_owner', email: 'owner@example.com', displayName: 'Priya Natarajan', title: 'Lead ML Engineer', roles: ['model_owner'], passwordHash: 'x' };

async function logOf(count: number): Promise<StoredAuditEntry[]> {
  const entries: StoredAuditEntry[] = [];
  for (let seq = 1; seq <= count; seq++) {
    const event: AuditEvent = { action: 'section.reviewed', subject: 'pkg_a', before: null, after: { version: 1, section: `s${seq}` } };
    const fields = { seq, at: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString(), actorId: seq % 2 ? priya.id : null, prevHash: entries.at(-1)?.entryHash ?? genesisHash };
    const entryHash = await hashAuditEntry(event, fields);
    entries.push({ ...fields, action: event.action, subject: event.subject, beforeJson: JSON.stringify(event.before), afterJson: JSON.stringify(event.after), subjectPrev: null, entryHash });
  }
  return entries;
}

/** The slice of the store the checks read, over arrays; `reads` records each page's cursor. */
function storeOf(entries: StoredAuditEntry[], heads: StoredTreeHead[] = [], _keys: StoredServerKey[] = []) {
  const reads: number[] = [];
  const store: AuditVerifierStore = {
    listUsers: () => Promise.resolve([priya]),
    listAuditEntries: (_filter, afterSeq, limit) => {
      reads.push(afterSeq);
      return Promise.resolve(entries.filter((e) => e.seq > afterSeq).slice(0, limit));
    },
    listTreeHeads: () => Promise.resolve(heads),
  };
  return { store, reads };
}

async function signer() {
  const generated = await generateServerKey();
  const key: StoredServerKey = { keyId: generated.keyId, algorithm: 'Ed25519', publicKey: generated.publicKey, createdAt: '2025-01-01T00:00:00.000Z' };
  const privateKey = await importServerPrivateKey(generated.privateKeyPkcs8);
  const head = async (treeSize: number, rootHash: string): Promise<StoredTreeHead> => {
    const signed = await signTreeHead(privateKey, key.keyId, { type: treeHeadType, treeSize, rootHash, timestamp: '2025-02-01T00:00:00.000Z' });
    return { treeSize, rootHash, timestamp: signed.timestamp, keyId: signed.keyId, signature: signed.signature };
  };
  return { key, head };
}

/** What an attacker with the database does after an edit: recompute every link and hash. */
function relink(entries: StoredAuditEntry[]): StoredAuditEntry[] {
  const out: StoredAuditEntry[] = [];
  for (const e of entries) {
    const prevHash = out.at(-1)?.entryHash ?? genesisHash;
    const entryHash = auditEntryHashSync({ ...e, prevHash, before: JSON.parse(e.beforeJson) as unknown, after: JSON.parse(e.afterJson) as unknown });
    out.push({ ...e, prevHash, entryHash });
  }
  return out;
}

/** The Merkle root computed independently of loadAuditLog, from the recorded hashes. */
const rootOf = (entries: StoredAuditEntry[], size = entries.length) => bytesToHex(new MerkleTree(entries.slice(0, size).map((e) => leafHash(hexToBytes(e.entryHash)))).root());

const now = () => new Date('2025-03-01T00:00:00.000Z');

describe('toAuditEntryView', () => {
  it('parses the stored values and names the actor', async () => {
    const [first, second] = await logOf(2);
    if (!first || !second) throw new Error('two entries');
    const users = new Map([[priya.id, priya]]);
    expect(toAuditEntryView(first, users)).toMatchObject({ seq: 1, actorId: 'usr_owner', actorName: 'Priya Natarajan', before: null, after: { version: 1, section: 's1' } });
    expect(toAuditEntryView(second, users)).toMatchObject({ actorId: null, actorName: null });
    expect(toAuditEntryView({ ...first, actorId: 'usr_gone' }, users).actorName).toBeNull();
  });

  it('keeps a row whose JSON was broken as its raw text', async () => {
    const [first] = await logOf(1);
    if (!first) throw new Error('one entry');
    expect(toAuditEntryView({ ...first, afterJson: '{"version":1,' }, new Map()).after).toBe('{"version":1,');
  });
});

describe('loadAuditLog', () => {
  it('reads the whole log a page at a time and builds the tree over it', async () => {
    const entries = await logOf(10);
    const { store, reads } = storeOf(entries);
    const log = await loadAuditLog(store, { pageSize: 3 });
    expect(reads).toEqual([0, 3, 6, 9]);
    expect(log.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(log.chain).toMatchObject({ size: 10, breaks: [] });
    expect(log.tree.size).toBe(10);
    expect(bytesToHex(log.tree.root())).toBe(rootOf(entries));
  });

  it('stops after a last page that is exactly full', async () => {
    const { store, reads } = storeOf(await logOf(6));
    expect((await loadAuditLog(store, { pageSize: 3 })).entries).toHaveLength(6);
    expect(reads).toEqual([0, 3, 6]);
  });

  it('names a row whose stored JSON no longer parses, and its leaf changes the root', async () => {
    const entries = await logOf(5);
    const broken = entries.map((e) => (e.seq === 3 ? { ...e, afterJson: '{"version":1,' } : e));
    const log = await loadAuditLog(storeOf(broken).store);
    expect(log.chain.breaks.map((b) => b.seq)).toEqual([3]);
    expect(bytesToHex(log.tree.root())).not.toBe(rootOf(entries));
  });
});

describe('verifyWholeLog', () => {
  it('finds a whole log with its published heads valid', async () => {
    const entries = await logOf(7);
    const { key, head } = await signer();
    const heads = [await head(4, rootOf(entries, 4)), await head(7, rootOf(entries))];
    const verdict = await verifyWholeLog({ store: storeOf(entries, heads, [key]).store, now }, [key]);
    expect(verdict).toEqual({ valid: true, checkedAt: '2025-03-01T00:00:00.000Z', size: 7, rootHash: rootOf(entries), treeHeadsChecked: 2, breaks: [] });
  });

  it('says an empty log has no root', async () => {
    expect(await verifyWholeLog({ store: storeOf([]).store, now }, [])).toMatchObject({ valid: true, size: 0, rootHash: null });
  });

  it('names a published head the log no longer extends', async () => {
    const entries = await logOf(7);
    const { key, head } = await signer();
    const earlier = await head(4, rootOf(entries, 4));
    // #2 changed and every later link recomputed: the chain alone looks whole, only the head can tell.
    const relinked = relink(entries.map((e) => (e.seq === 2 ? { ...e, afterJson: JSON.stringify({ version: 9, section: 'forged' }) } : e)));
    expect((await loadAuditLog(storeOf(relinked).store)).chain.breaks).toEqual([]);
    const verdict = await verifyWholeLog({ store: storeOf(relinked, [earlier], [key]).store, now }, [key]);
    expect(verdict.valid).toBe(false);
    expect(verdict.breaks).toEqual([{ seq: null, reason: 'The published tree head of size 4 (signed at 2025-02-01T00:00:00.000Z) is not a prefix of the log as it is now: entries before #4 were rewritten.' }]);
  });

  it('names a head larger than the log, and a head whose signature fails', async () => {
    const entries = await logOf(5);
    const { key, head } = await signer();
    const beyond = await head(6, rootOf(entries));
    const good = await head(5, rootOf(entries));
    const forged = { ...good, treeSize: 3, rootHash: rootOf(entries, 3) };
    const verdict = await verifyWholeLog({ store: storeOf(entries, [forged, good, beyond], [key]).store, now }, [key]);
    expect(verdict.valid).toBe(false);
    expect(verdict.treeHeadsChecked).toBe(3);
    expect(verdict.breaks).toEqual([
      { seq: null, reason: expect.stringMatching(/^The published tree head of size 3 .* signature that does not verify/) as unknown },
      { seq: null, reason: expect.stringMatching(/^The published tree head of size 6 .* \(5\): entries were deleted from the end\.$/) as unknown },
    ]);
  });

  it('lets other work run between pages, and stops once its client has gone', async () => {
    const [first] = await logOf(1);
    if (!first) throw new Error('no entry');
    // A log of twenty full pages, all read unless the signal stops the read.
    const reads: number[] = [];
    const endless: AuditVerifierStore = {
      listUsers: () => Promise.resolve([priya]),
      listAuditEntries: (_filter, afterSeq, limit) => {
        reads.push(afterSeq);
        if (reads.length > 20) return Promise.resolve([]);
        return Promise.resolve(Array.from({ length: limit }, (_, at) => ({ ...first, seq: afterSeq + at + 1 })));
      },
      listTreeHeads: () => Promise.resolve([]),
    };
    const client = new AbortController();
    // Another request's work, queued as the check starts: on the SQLite store (synchronous
    // under its promises) it ran only once every entry had been read.
    const other = new Promise<number>((resolve) =>
      setImmediate(() => {
        resolve(reads.length);
        client.abort('the client has gone');
      }),
    );
    await expect(verifyWholeLog({ store: endless, now }, [], client.signal)).rejects.toBe('the client has gone');
    expect(await other).toBe(1);
    expect(reads).toHaveLength(1);
  });

  it('reports chain breaks with the entry named', async () => {
    const entries = await logOf(5);
    const dropped = entries.filter((e) => e.seq !== 2);
    const verdict = await verifyWholeLog({ store: storeOf(dropped).store, now }, []);
    expect(verdict).toMatchObject({ valid: false, size: 4 });
    expect(verdict.breaks.map((b) => b.seq)).toEqual([3]);
  });
});
