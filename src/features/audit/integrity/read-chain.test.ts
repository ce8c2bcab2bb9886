import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { auditEntryHashSync } from '#domain/audit/entry-hash-sync.ts';
import { genesisHash } from '#domain/audit/hash-entry.ts';
import { verifyAuditChain, type StoredChainEntry } from '#domain/audit/verify-chain.ts';
import type { AuditChainLine } from '#domain/contracts/audit.ts';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { server, setupMockServer } from '#src/test/mock-server.ts';
import { createIntegrityApi } from './integrity-api.ts';

// The reader of GET /api/audit/chain against NDJSON streamed in awkward chunks: lines cut
// anywhere (inside a line, inside a multi-byte character), a row whose stored text is no
// longer JSON, an answer that is not the log's shape.

setupMockServer();
const origin = 'http://localhost';

/** A valid chain of `count` entries as the server streams them (before/after as stored text). */
function chainLines(count: number): AuditChainLine[] {
  const lines: AuditChainLine[] = [];
  let prevHash = genesisHash;
  for (let seq = 1; seq <= count; seq++) {
    const entry = { seq, at: `2025-03-0${1 + (seq % 9)}T10:00:00.000Z`, actorId: seq % 3 === 0 ? null : 'usr_committee', action: 'thread.message_added', subject: 'pkg_retail_credit_pd', before: null, after: { body: `Prüfung ${seq} — ✓ ok`, n: seq } };
    const entryHash = auditEntryHashSync({ ...entry, prevHash });
    lines.push({ seq, at: entry.at, actorId: entry.actorId, action: entry.action, subject: entry.subject, beforeJson: JSON.stringify(entry.before), afterJson: JSON.stringify(entry.after), prevHash, entryHash });
    prevHash = entryHash;
  }
  return lines;
}

/** Serves `text` as the chain, cut into chunks of `chunkBytes` bytes; records the query asked. */
function serve(text: string, chunkBytes: number): { asked: URLSearchParams[] } {
  const asked: URLSearchParams[] = [];
  server.use(
    http.get(`${origin}/api/audit/chain`, ({ request }) => {
      asked.push(new URL(request.url).searchParams);
      const bytes = new TextEncoder().encode(text);
      let at = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= bytes.length) return controller.close();
          controller.enqueue(bytes.slice(at, at + chunkBytes));
          at += chunkBytes;
        },
      });
      return new HttpResponse(body, { headers: { 'content-type': 'application/x-ndjson' } });
    }),
  );
  return { asked };
}

async function readAll(batchSize: number, afterSeq = 0, limit?: number): Promise<StoredChainEntry[][]> {
  const batches: StoredChainEntry[][] = [];
  for await (const batch of createIntegrityApi(origin, batchSize).readEntries(afterSeq, limit)) batches.push(batch);
  return batches;
}

const ndjson = (lines: readonly unknown[]) => lines.map((line) => `${JSON.stringify(line)}\n`).join('');

describe('reading the audit chain stream', () => {
  it('gives every entry once, in order and in batches, however the bytes are cut, and the chain verifies', async () => {
    const lines = chainLines(23);
    for (const chunkBytes of [1, 7, 100, 1 << 20]) {
      const { asked } = serve(ndjson(lines), chunkBytes);
      const batches = await readAll(5, 0, 23);
      expect(asked.at(-1)?.toString()).toBe('afterSeq=0&limit=23');
      expect(batches.every((batch) => batch.length <= 5)).toBe(true);
      const entries = batches.flat();
      expect(entries.map((entry) => entry.seq)).toEqual(lines.map((line) => line.seq));
      // The stored text as it is, multi-byte characters whole: the verifier hashes it without parsing it.
      expect(entries[1]?.afterJson).toBe('{"body":"Prüfung 2 — ✓ ok","n":2}');
      expect(verifyAuditChain(entries).breaks).toEqual([]);
    }
  });

  it('passes on a stored text that is no longer JSON as it is, so the check names that entry', async () => {
    const lines = chainLines(6);
    const forged = lines.map((line) => (line.seq === 4 ? { ...line, afterJson: '{"body": "rewritten' } : line));
    serve(ndjson(forged), 64);
    const entries = (await readAll(100)).flat();
    expect(entries[3]?.afterJson).toBe('{"body": "rewritten');
    expect(verifyAuditChain(entries).breaks.map((item) => item.seq)).toEqual([4]);
  });

  it('refuses an answer that is not the log’s shape, and passes on the server’s problem', async () => {
    serve(ndjson([...chainLines(2), { seq: '3', entryHash: 'x' }]), 1000);
    await expect(readAll(10)).rejects.toThrow(/unexpected shape \(line 3\)/);

    server.use(http.get(`${origin}/api/audit/chain`, () => HttpResponse.json({ type: 'about:blank', title: 'Forbidden', status: 403 }, { status: 403, headers: { 'content-type': 'application/problem+json' } })));
    const refused = await readAll(10).catch((error: unknown) => error);
    expect(isApiProblem(refused, 403)).toBe(true);
  });

  // V8's JSON.parse can misread an escaped key as another one holding a backslash (docs/decisions/0237):
  // such a key, or any key the line does not have, makes the line refused, never read past.
  it('refuses a line with a key of any other name, one V8 could have misread too', async () => {
    const [first, second] = chainLines(2);
    serve(ndjson([first, { ...second, '\\': second?.entryHash }]), 1000);
    await expect(readAll(10)).rejects.toThrow(/unexpected shape \(line 2\)/);
    serve(ndjson([{ ...first, subjectPrev: 'x', extra: 1 }]), 1000);
    await expect(readAll(10)).rejects.toThrow(/unexpected shape \(line 1\)/);
  });

  it('says once that the server answered with the stream, before the first batch, and not when it refused', async () => {
    serve(ndjson(chainLines(12)), 50);
    const events: string[] = [];
    for await (const batch of createIntegrityApi(origin, 5).readEntries(0, undefined, () => events.push('answered'))) events.push(`batch of ${batch.length}`);
    expect(events).toEqual(['answered', 'batch of 5', 'batch of 5', 'batch of 2']);

    server.use(http.get(`${origin}/api/audit/chain`, () => HttpResponse.json({ type: 'about:blank', title: 'Forbidden', status: 403 }, { status: 403, headers: { 'content-type': 'application/problem+json' } })));
    let answered = 0;
    const read: StoredChainEntry[][] = [];
    await expect(
      (async () => {
        for await (const batch of createIntegrityApi(origin, 5).readEntries(0, undefined, () => (answered += 1))) read.push(batch);
      })(),
    ).rejects.toThrow();
    expect({ answered, read }).toEqual({ answered: 0, read: [] });
  });
});
