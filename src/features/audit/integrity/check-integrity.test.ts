// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { routes } from '#api/routes.ts';
import { auditVerificationSchema, type SignedTreeHead } from '#domain/contracts/audit.ts';
import { canonicalTextOfStored } from '#domain/audit/entry-hash-sync.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import type { StoredChainEntry } from '#domain/audit/verify-chain.ts';
import { serverKeyListSchema } from '#domain/contracts/signatures.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { appendEntry, origin, signedInApi } from '#src/test/committee-mock-api.ts';
import { checkIntegrity } from './check-integrity.ts';
import { checkRange } from './check-range.ts';
import type { StartRange } from './start-range.ts';
import type { FetchJson } from './fetch-json.ts';
import { createIntegrityApi, type IntegrityApi } from './integrity-api.ts';
import type { IntegrityMessage } from './integrity-protocol.ts';

// The worker's verification, run directly against the mock API (the domain's own handlers
// over an in-memory store). Tampering is staged in what the API answers: what a reader
// would receive from a server whose database was changed behind its back.

setupMockServer();

// Small batches: the log is checked a few entries at a time as it streams in, as a million would be.
const batchSize = 7;
const realApi = () => createIntegrityApi(origin, batchSize);

/** The API's answers with the log's streamed entries passed through `change`, batch by batch. */
function withEntries(real: IntegrityApi, change: (items: StoredChainEntry[]) => StoredChainEntry[]): IntegrityApi {
  return {
    ...real,
    readEntries: async function* (afterSeq, limit, answered) {
      for await (const batch of real.readEntries(afterSeq, limit, answered)) yield change(batch);
    },
  };
}

async function run(api: IntegrityApi, lastVerified: SignedTreeHead | null = null) {
  const messages: IntegrityMessage[] = [];
  const result = await checkIntegrity({ lastVerified, pageSize: batchSize }, api, (message) => messages.push(message));
  return { result, messages };
}

describe('the integrity check', () => {
  it('finds an untouched log intact, agreeing with the server on its size and root, and reports progress page by page', async () => {
    const api = await signedInApi();
    const size = await api.deps.store.auditLogSize();
    expect(size).toBeGreaterThan(14);
    const { result, messages } = await run(realApi());

    expect(result.breaks).toEqual([]);
    expect(result.intact).toBe(true);
    expect(result.size).toBe(size);
    expect(result.headSignatureValid).toBe(true);
    expect(result.head?.treeSize).toBe(size);
    expect(result.rootHash).toBe(result.head?.rootHash);
    const server = auditVerificationSchema.parse(await (await fetch(`${origin}/api/audit/verify`)).json());
    expect(result.rootHash).toBe(server.rootHash);

    const progress = messages.flatMap((message) => (message.type === 'progress' ? [message.checked] : []));
    expect(progress).toHaveLength(Math.ceil(size / 7));
    expect(progress.at(-1)).toBe(size);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(result.timings.verifyMs).toBeLessThanOrEqual(result.timings.totalMs);
  });

  it('names an entry whose content was changed, and sees that the log no longer hashes to the signed root', async () => {
    await signedInApi();
    const changed = withEntries(realApi(), (items) => items.map((entry) => (entry.seq === 3 ? { ...entry, subject: `${entry.subject}-forged` } : entry)));
    const { result } = await run(changed);
    expect(result.intact).toBe(false);
    const entryBreaks = result.breaks.filter((item) => item.seq !== null);
    expect(entryBreaks).toEqual([{ seq: 3, reason: expect.stringMatching(/^Entry #3 does not match its recorded hash/) as unknown }]);
    expect(result.breaks.some((item) => item.seq === null && /do not hash to the root of the signed tree head/.test(item.reason))).toBe(true);
  });

  it('names an entry whose stored after-state was changed, though the text it is hashed from as it is stays canonical', async () => {
    await signedInApi();
    // Still RFC 8785 text, so it is hashed as it is, and still a line of the same shape.
    const forge = (entry: StoredChainEntry): StoredChainEntry => ({ ...entry, afterJson: canonicalize({ forged: JSON.parse(entry.afterJson) as unknown }) });
    const sent: StoredChainEntry[] = [];
    const forged = withEntries(realApi(), (items) => {
      const changed = items.map((entry) => (entry.seq === 5 ? forge(entry) : entry));
      sent.push(...changed);
      return changed;
    });
    const { result } = await run(forged);
    // The server writes before and after in RFC 8785 form: every entry, the forged one too, took the path that hashes the text as it is.
    expect(sent.length).toBeGreaterThan(5);
    expect(sent.every((entry) => canonicalTextOfStored(entry) !== null)).toBe(true);
    expect(result.intact).toBe(false);
    expect(result.breaks.filter((item) => item.seq !== null)).toEqual([{ seq: 5, reason: expect.stringMatching(/^Entry #5 does not match its recorded hash/) as unknown }]);
    expect(result.breaks.some((item) => item.seq === null && /do not hash to the root of the signed tree head/.test(item.reason))).toBe(true);
  });

  it('names the entry after a deleted one, and sees the log is shorter than the signed head', async () => {
    await signedInApi();
    const { result } = await run(withEntries(realApi(), (items) => items.filter((entry) => entry.seq !== 4)));
    expect(result.intact).toBe(false);
    expect(result.breaks.find((item) => item.seq !== null)?.seq).toBe(5);
    expect(result.breaks.some((item) => /entries were removed/.test(item.reason))).toBe(true);
  });

  it('refuses a tree head that no published key signed', async () => {
    await signedInApi();
    const real = realApi();
    const noKeys: FetchJson = async (path, schema) => (path === '/api/keys' ? schema.parse(serverKeyListSchema.parse({ keys: [] })) : real.fetchJson(path, schema));
    const { result } = await run({ ...real, fetchJson: noKeys });
    expect(result.headSignatureValid).toBe(false);
    expect(result.intact).toBe(false);
    expect(result.breaks.map((item) => item.reason)).toContainEqual(expect.stringMatching(/does not verify against any of the server's keys/));
  });

  it('accepts a log that grew since the last check, by the server’s consistency proof', async () => {
    await signedInApi();
    const first = await run(realApi());
    expect(first.result.intact).toBe(true);
    await appendEntry();
    await appendEntry();
    const second = await run(realApi(), first.result.head);
    expect(second.result.breaks).toEqual([]);
    expect(second.result.head?.treeSize).toBe((first.result.head?.treeSize ?? 0) + 2);
    expect(second.result.previous).toEqual({ head: first.result.head, consistent: true });
  });

  it('catches a log rewritten since the last check, even though it is consistent with itself and freshly signed', async () => {
    await signedInApi();
    const before = await run(realApi());
    expect(before.result.intact).toBe(true);

    // The same events, written again an hour later: every hash differs, the new log verifies on its own.
    await signedInApi(() => new Date(Date.now() + 3_600_000));
    await appendEntry();
    const alone = await run(realApi());
    expect(alone.result.intact).toBe(true);

    const after = await run(realApi(), before.result.head);
    expect(after.result.intact).toBe(false);
    expect(after.result.previous?.consistent).toBe(false);
    const reasons = after.result.breaks.map((item) => item.reason);
    expect(reasons).toContainEqual(expect.stringMatching(/^The log is not an extension of the one you verified on .*: it was rewritten since$/));
    expect(reasons).toContainEqual(expect.stringMatching(/^The first \d+ entries no longer hash to the root you verified on/));
  });
  it('asks for the tree head beside the keys and the checkpoint when it keeps no checkpoint, not a round trip later', async () => {
    await signedInApi();
    const real = realApi();
    const asked: string[] = [];
    let answerKeys: () => void = () => undefined;
    const keysHeld = new Promise<void>((resolve) => {
      answerKeys = resolve;
    });
    const fetchJson: FetchJson = async (path, schema) => {
      asked.push(path);
      if (path === routes.serverKeys.path) await keysHeld;
      return real.fetchJson(path, schema);
    };
    const check = run({ ...real, fetchJson });
    // The keys are not answered yet: the head must already be on its way.
    await vi.waitFor(() => expect(asked).toEqual(expect.arrayContaining([routes.serverKeys.path, routes.auditCheckpoint.path, routes.auditTreeHead.path])));
    answerKeys();
    const { result } = await check;
    expect(result.intact).toBe(true);
    expect(asked.filter((path) => path === routes.auditTreeHead.path)).toHaveLength(1);
  });
});

describe('the integrity check split between two workers', () => {
  /** The API with the end of the log checked by a second "worker" (checkRange, run here), and every read recorded. */
  function splitApi(api: IntegrityApi) {
    const reads: string[] = [];
    const readEntries: IntegrityApi['readEntries'] = (afterSeq, limit, answered) => {
      reads.push(limit === undefined ? `after ${afterSeq}` : `after ${afterSeq}, ${limit}`);
      return api.readEntries(afterSeq, limit, answered);
    };
    // As the worker's starter does: reading once the range says its entries are coming in, or once it ends.
    const start: StartRange = (request, onLeaves) => {
      let nowReading: () => void = () => undefined;
      const reading = new Promise<void>((resolve) => {
        nowReading = resolve;
      });
      const done = checkRange(readEntries, request, (message) => {
        if (message.type === 'reading') nowReading();
        if (message.type === 'leaves') onLeaves(message.leaves, message.count);
      });
      void done.finally(nowReading);
      return { done, reading, stop: () => undefined };
    };
    return { api: { ...api, readEntries, split: { start, minEntries: 0 } }, reads };
  }

  it('reads its own share only once the second worker runs, so its stream does not hold up that worker\'s script', async () => {
    await signedInApi();
    const size = await (await signedInApi()).deps.store.auditLogSize();
    const { api, reads } = splitApi(realApi());
    let nowRunning: () => void = () => undefined;
    const running = new Promise<void>((resolve) => {
      nowRunning = resolve;
    });
    const check = run({ ...api, split: { minEntries: 0, start: (request, onLeaves) => ({ ...api.split.start(request, onLeaves), reading: running }) } });
    const split = Math.floor(size * 0.4);
    await vi.waitFor(() => expect(reads).toEqual([`after ${split - 1}`]));
    // Given time, the first share is still not read while the second share is not coming in.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads).toEqual([`after ${split - 1}`]);
    nowRunning();
    const { result } = await check;
    expect(reads).toEqual([`after ${split - 1}`, `after 0, ${split}`]);
    expect(result.intact).toBe(true);
  });

  it('readies the second worker while the keys and the head are on their way, and lets it go once the check is over', async () => {
    await signedInApi();
    const { api } = splitApi(realApi());
    const events: string[] = [];
    let answerKeys: () => void = () => undefined;
    const keysHeld = new Promise<void>((resolve) => {
      answerKeys = resolve;
    });
    const fetchJson: FetchJson = async (path, schema) => {
      if (path === routes.serverKeys.path) await keysHeld;
      return api.fetchJson(path, schema);
    };
    const prepare = () => {
      events.push('prepare');
      return () => events.push('release');
    };
    const start: StartRange = (request, onLeaves) => {
      events.push('start');
      return api.split.start(request, onLeaves);
    };
    const check = run({ ...api, fetchJson, split: { ...api.split, start, prepare } });
    // The keys are not answered yet: the worker is already being readied.
    await vi.waitFor(() => expect(events).toEqual(['prepare']));
    answerKeys();
    const { result } = await check;
    expect(result.intact).toBe(true);
    expect(events).toEqual(['prepare', 'start', 'release']);
  });

  it('readies no second worker when it keeps a checkpoint, which usually spares reading the log', async () => {
    await signedInApi();
    const { api } = splitApi(realApi());
    const { result: first } = await run(api);
    expect(first.keep).not.toBeNull();
    const prepared: string[] = [];
    const withPrepare = { ...api, split: { ...api.split, prepare: () => (prepared.push('prepare'), () => undefined) } };
    const result = await checkIntegrity({ lastVerified: first.head, kept: first.keep, pageSize: batchSize }, withPrepare, () => undefined);
    expect(result.resumed).not.toBeNull();
    expect(prepared).toEqual([]);
  });

  const forgeries: Record<string, (items: StoredChainEntry[], split: number) => StoredChainEntry[]> = {
    'content changed at the end': (items, split) => items.map((entry) => (entry.seq === split + 2 ? { ...entry, subject: 'forged' } : entry)),
    'content changed first in the second share': (items, split) => items.map((entry) => (entry.seq === split + 1 ? { ...entry, subject: 'forged' } : entry)),
    'recorded hash changed on the last entry of the first share': (items, split) => items.map((entry) => (entry.seq === split ? { ...entry, entryHash: 'a'.repeat(64) } : entry)),
  };

  it('finds an intact log intact, with the same root and checkpoint as one worker, the end read by the other', async () => {
    await signedInApi();
    const size = await (await signedInApi()).deps.store.auditLogSize();
    const one = await run(realApi());
    const { api, reads } = splitApi(realApi());
    const two = await run(api);
    const split = Math.floor(size * 0.4);
    expect(reads).toEqual([`after ${split - 1}`, `after 0, ${split}`]);
    expect(two.result.breaks).toEqual([]);
    expect({ ...two.result, timings: null }).toEqual({ ...one.result, timings: null });
    expect(two.messages.at(-1)).toEqual({ type: 'progress', checked: size, total: size });
  });

  it('finds what one worker finds, wherever the log was changed', async () => {
    await signedInApi();
    const size = await (await signedInApi()).deps.store.auditLogSize();
    const split = Math.floor(size * 0.4);
    for (const [name, forge] of Object.entries(forgeries)) {
      const one = await run(withEntries(realApi(), (items) => forge(items, split)));
      const { api, reads } = splitApi(withEntries(realApi(), (items) => forge(items, split)));
      const two = await run(api);
      expect(one.result.intact, name).toBe(false);
      expect(two.result.breaks, name).toEqual(one.result.breaks);
      // The second share was used: nothing read twice.
      expect(reads, name).toHaveLength(2);
    }
  });

  it('reads the rest itself when the second share did not start from its last entry (a gap before the split)', async () => {
    await signedInApi();
    const size = await (await signedInApi()).deps.store.auditLogSize();
    const split = Math.floor(size * 0.4);
    // Entry #2 deleted from the database: a read of `split` entries from the start now ends on #split + 1.
    const real = realApi();
    const deleted: IntegrityApi = {
      ...real,
      readEntries: async function* (afterSeq, limit, answered) {
        let left = limit ?? Number.POSITIVE_INFINITY;
        for await (const batch of real.readEntries(afterSeq, undefined, answered)) {
          const rows = batch.filter((entry) => entry.seq !== 2).slice(0, left);
          left -= rows.length;
          if (rows.length > 0) yield rows;
          if (left <= 0) return;
        }
      },
    };
    const one = await run(deleted);
    const { api, reads } = splitApi(deleted);
    const two = await run(api);
    expect(two.result.breaks[0]?.seq).toBe(3);
    expect(two.result.breaks).toEqual(one.result.breaks);
    expect(two.result.size).toBe(one.result.size);
    expect(reads).toEqual([`after ${split - 1}`, `after 0, ${split}`, `after ${split + 1}`]);
  });
});
