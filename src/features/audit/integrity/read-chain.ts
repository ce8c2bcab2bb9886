import type { StoredChainEntry } from '#domain/audit/verify-chain.ts';
import type { AuditChainLine } from '#domain/contracts/audit.ts';
import { auditChainPath } from './audit-chain-path.ts';

/**
 * The log's entries after `afterSeq`, oldest first, `limit` at most (all when absent), in
 * batches as they arrive: the caller checks one batch while the next is still on its way.
 * `answered` is called once the server has answered with the stream, before its first batch.
 */
export type ReadEntries = (afterSeq: number, limit?: number, answered?: () => void) => AsyncIterable<StoredChainEntry[]>;

/**
 * The error for an answer that is not the stream. Passed in, not imported: the app's problem
 * reader brings zod and every contract with it, which the second worker would load and run
 * before it reads a line (docs/decisions/0201).
 */
export type Refusal = (response: Response) => Promise<Error>;

/**
 * Reads GET /api/audit/chain (NDJSON) as it streams in: each chunk's complete lines are
 * parsed in one JSON.parse (as an array), held to the line's shape, and handed on in batches
 * of at most `batchSize` entries. Nothing is trusted: each line is only what the server says
 * the row holds, and the caller recomputes its hash from it (docs/decisions/0133).
 */
export function createReadEntries(origin: string, batchSize: number, refusal: Refusal): ReadEntries {
  return (afterSeq, limit, answered) => readChain(origin, afterSeq, limit, batchSize, refusal, answered);
}

async function* readChain(origin: string, afterSeq: number, limit: number | undefined, batchSize: number, refusal: Refusal, answered?: () => void): AsyncGenerator<StoredChainEntry[]> {
  const query = new URLSearchParams({ afterSeq: String(afterSeq) });
  if (limit !== undefined) query.set('limit', String(limit));
  const path = `${auditChainPath}?${query.toString()}`;
  const response = await fetch(new URL(path, origin), { headers: { accept: 'application/x-ndjson, application/problem+json' }, credentials: 'same-origin' });
  if (!response.ok) throw await refusal(response);
  if (response.body === null) throw new Error(`The API answered GET ${path} without a body`);
  answered?.();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let rest = '';
  let batch: StoredChainEntry[] = [];
  let line = 0;
  let finished = false;
  try {
    for (let done = false; !done; ) {
      const chunk = await reader.read();
      done = chunk.done;
      const text = rest + (chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true }));
      // Up to the last line break: a line cut by the chunk's end waits for the next chunk.
      const end = done ? text.length : text.lastIndexOf('\n') + 1;
      rest = text.slice(end);
      const complete = text.slice(0, end).trimEnd();
      if (complete === '') continue;
      // A JSON string never holds a raw line break, so the lines are the array's items.
      // JSON.parse, not parseJson (docs/decisions/0237): a line's keys are the nine or ten
      // names below, which the server never escapes, and V8's bug only misreads an escaped
      // key, as a key holding a backslash; isChainLine refuses a line with any other key, and
      // the hashes refuse any other misread. parseJson would cost about 3 s more on 1M lines.
      // eslint-disable-next-line no-restricted-properties -- see above
      const items = JSON.parse(`[${complete.replaceAll('\n', ',')}]`) as unknown[];
      for (const item of items) {
        line++;
        if (!isChainLine(item)) throw new Error(`The API answered GET ${path} in an unexpected shape (line ${line})`);
        // The line is the entry: before and after stay the stored text, which the verifier
        // hashes as it is when it is canonical and parses only when it is not (docs/decisions/0160).
        batch.push(item);
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
    finished = true;
  } finally {
    // A caller that stops early (an error, a stopped check) lets the server stop reading too.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
  if (batch.length > 0) yield batch;
}

/** The line's shape (auditChainLineSchema, no other key), checked by hand: a million lines through zod would cost seconds. */
function isChainLine(value: unknown): value is AuditChainLine {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Record<string, unknown>;
  return (
    Object.keys(line).length === (line.subjectPrev === undefined ? 9 : 10) &&
    Number.isSafeInteger(line.seq) &&
    typeof line.at === 'string' &&
    (line.actorId === null || typeof line.actorId === 'string') &&
    typeof line.action === 'string' &&
    typeof line.subject === 'string' &&
    typeof line.beforeJson === 'string' &&
    typeof line.afterJson === 'string' &&
    typeof line.prevHash === 'string' &&
    (line.subjectPrev === undefined || typeof line.subjectPrev === 'string') &&
    typeof line.entryHash === 'string'
  );
}
