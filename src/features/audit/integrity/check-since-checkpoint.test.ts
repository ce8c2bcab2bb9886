// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { auditVerificationSchema, type SignedTreeHead } from '#domain/contracts/audit.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { appendEntry, origin, signedInApi } from '#src/test/committee-mock-api.ts';
import { checkIntegrity } from './check-integrity.ts';
import type { FetchJson } from './fetch-json.ts';
import { createIntegrityApi, type IntegrityApi } from './integrity-api.ts';
import type { IntegrityMessage, KeptCheckpoint } from './integrity-protocol.ts';

// Resuming the integrity check from a checkpoint this browser kept (docs/decisions/0125),
// against the mock API (the real pipeline over an in-memory store). What is kept is in the
// browser's storage, which anyone with the machine can edit: every way it can be wrong must
// send the check back to reading the whole log, never to trusting it.

setupMockServer();

const realApi = (at = origin) => createIntegrityApi(at, 7);

async function run(kept: KeptCheckpoint | null, api: IntegrityApi = realApi(), lastVerified: SignedTreeHead | null = null) {
  const messages: IntegrityMessage[] = [];
  const result = await checkIntegrity({ lastVerified, kept, pageSize: 7 }, api, (message) => messages.push(message));
  const readTotals = messages.flatMap((message) => (message.type === 'progress' ? [message.total] : []));
  return { result, readTotals };
}

/** A full check, then `added` more entries: what the browser kept, and the log's size now. */
async function keptThenGrown(added: number) {
  const first = await run(null);
  expect(first.result.intact).toBe(true);
  expect(first.result.keep).not.toBeNull();
  for (let i = 0; i < added; i++) await appendEntry();
  return first.result.keep as KeptCheckpoint;
}

/** The checkpoint note with its root line replaced (still well-formed, signature untouched). */
const withRoot = (note: string, root: string) => note.split('\n').map((line, index) => (index === 2 ? root : line)).join('\n');

describe('the integrity check from a kept checkpoint', () => {
  it('reads only the entries added since, proves the log extends the checkpoint, and agrees with the server on the new root', async () => {
    const api = await signedInApi();
    const kept = await keptThenGrown(3);
    const size = await api.deps.store.auditLogSize();
    const { result, readTotals } = await run(kept);

    expect(result.breaks).toEqual([]);
    expect(result.intact).toBe(true);
    expect(result.fullBecause).toBeNull();
    expect(result.resumed).toEqual({ fromSize: size - 3, checked: 3 });
    expect(readTotals).toEqual([3]);
    expect(result.size).toBe(size);
    const verdict = auditVerificationSchema.parse(await (await fetch(`${origin}/api/audit/verify`)).json());
    expect(result.rootHash).toBe(verdict.rootHash);

    // What it keeps now resumes from the new size: nothing new, nothing read.
    const again = await run(result.keep);
    expect(again.result.resumed).toEqual({ fromSize: size, checked: 0 });
    expect(again.result.intact).toBe(true);
  });

  it('does not trust a kept checkpoint whose root was changed in storage: its signature fails, and the whole log is read', async () => {
    await signedInApi();
    const kept = await keptThenGrown(1);
    const forged = { ...kept, checkpoint: withRoot(kept.checkpoint, 'A'.repeat(43) + '=') };
    const { result } = await run(forged);
    expect(result.resumed).toBeNull();
    expect(result.fullBecause).toMatch(/does not verify against the server’s keys/);
    expect(result.intact).toBe(true);
    expect(result.keep).not.toBeNull();
  });

  it('does not trust a kept last entry its checkpoint does not prove: the whole log is read', async () => {
    await signedInApi();
    const kept = await keptThenGrown(1);
    const { result } = await run({ ...kept, lastEntryHash: 'f'.repeat(64) });
    expect(result.resumed).toBeNull();
    expect(result.fullBecause).toMatch(/last entry this browser kept is not proven/);
    expect(result.intact).toBe(true);
  });

  it('refuses a consistency proof that does not hold, reads the whole log, and reports the log as broken', async () => {
    await signedInApi();
    const kept = await keptThenGrown(2);
    const real = realApi();
    const badProof: FetchJson = async (path, schema) => {
      const answer = await real.fetchJson(path, schema);
      if (!path.startsWith('/api/audit/proofs/consistency')) return answer;
      return schema.parse({ ...(answer as object), path: (answer as { path: string[] }).path.map(() => '0'.repeat(64)) });
    };
    const { result } = await run(kept, { ...real, fetchJson: badProof });
    expect(result.resumed).toBeNull();
    expect(result.fullBecause).toMatch(/consistency proof does not hold/);
    expect(result.intact).toBe(false);
    expect(result.keep).toBeNull();
    expect(result.breaks.map((item) => item.reason)).toContainEqual(expect.stringMatching(/consistency proof from the checkpoint you verified .* does not hold: the log was rewritten since$/));
  });

  it('catches a log rewritten since the checkpoint under a new key, though the rewrite is consistent with itself and freshly signed', async () => {
    await signedInApi();
    const before = await run(null);
    const kept = before.result.keep;
    // The same events written again an hour later, signed by a key the old log never had.
    await signedInApi(() => new Date(Date.now() + 3_600_000));
    await appendEntry();
    const { result } = await run(kept, realApi(), before.result.head);
    expect(result.resumed).toBeNull();
    expect(result.fullBecause).toMatch(/does not verify against the server’s keys/);
    expect(result.intact).toBe(false);
    expect(result.breaks.map((item) => item.reason)).toContainEqual(expect.stringMatching(/^The log is not an extension of the one you verified on/));
  });

  it('reads the whole log when the log’s name (its checkpoint origin) is not the one kept', async () => {
    await signedInApi();
    const kept = await keptThenGrown(1);
    const { result } = await run(kept, realApi('http://audit.example.org'));
    expect(result.resumed).toBeNull();
    expect(result.fullBecause).toBe('the log is now named audit.example.org, not localhost as when this browser checked it');
    expect(result.intact).toBe(true);
    expect(result.keep?.checkpoint.startsWith('audit.example.org\n')).toBe(true);
  });

  it('keeps nothing from a full check whose checkpoint the server’s keys do not verify', async () => {
    await signedInApi();
    const real = realApi();
    const forgedCheckpoint: FetchJson = async (path, schema) => {
      const answer = await real.fetchJson(path, schema);
      if (path !== '/api/audit/checkpoint') return answer;
      const { checkpoint } = answer as { checkpoint: string };
      return schema.parse({ ...(answer as object), checkpoint: withRoot(checkpoint, 'A'.repeat(43) + '=') });
    };
    const { result } = await run(null, { ...real, fetchJson: forgedCheckpoint });
    expect(result.intact).toBe(false);
    expect(result.keep).toBeNull();
    expect(result.breaks.map((item) => item.reason)).toContainEqual(expect.stringMatching(/checkpoint of \d+ entries does not verify against any of its keys/));
  });
});
