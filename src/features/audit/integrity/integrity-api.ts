import { createFetchJson, type FetchJson } from './fetch-json.ts';
import { createReadEntries, type ReadEntries } from './read-chain.ts';

/** What the integrity check reads from the server: JSON answers (keys, heads, proofs) and the log's entries, streamed. */
export interface IntegrityApi {
  fetchJson: FetchJson;
  readEntries: ReadEntries;
}

/** The API at `origin`, the log's entries handed on `batchSize` at a time. */
export function createIntegrityApi(origin: string, batchSize: number): IntegrityApi {
  return { fetchJson: createFetchJson(origin), readEntries: createReadEntries(origin, batchSize) };
}
