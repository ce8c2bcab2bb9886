import { ApiProblem, readProblem } from '#src/lib/api-problem.ts';
import { createFetchJson, type FetchJson } from './fetch-json.ts';
import { createReadEntries, type ReadEntries } from './read-chain.ts';
import { workerRangeStarter, type StartRange } from './start-range.ts';

/** What the integrity check reads from the server: JSON answers (keys, heads, proofs) and the log's entries, streamed. */
export interface IntegrityApi {
  fetchJson: FetchJson;
  readEntries: ReadEntries;
  /**
   * Where it can, a full check of a log of at least `minEntries` hands the end of the log to
   * a second worker (docs/decisions/0160): `start` begins that share. `prepare`, where there is
   * one, readies the next share's worker before the share is known; what it returns lets that
   * worker go if no share was started.
   */
  split?: { start: StartRange; minEntries: number; prepare?: () => () => void };
}

/** Below this, a second worker costs more to start than it saves. */
const minEntriesToSplit = 50_000;

/** The API at `origin`, the log's entries handed on `batchSize` at a time. */
export function createIntegrityApi(origin: string, batchSize: number): IntegrityApi {
  const ranges = workerRangeStarter(batchSize);
  return { fetchJson: createFetchJson(origin), readEntries: createReadEntries(origin, batchSize, async (response) => new ApiProblem(await readProblem(response))), ...(ranges ? { split: { ...ranges, minEntries: minEntriesToSplit } } : {}) };
}
